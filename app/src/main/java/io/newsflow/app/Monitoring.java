package io.newsflow.app;

import io.newsflow.app.monitor.HealthCheck;
import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.app.monitor.ServiceMonitor;
import io.newsflow.enrich.EnrichService;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkHealth;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Starts the {@code /metrics} and {@code /health} server of each service command with the checks its readiness
 * depends on, and says where it is. Returns null when {@code monitor.port=-1} (try-with-resources accepts that).
 */
final class Monitoring {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private Monitoring() {}

    /** The drop-topic ingest service: ready when the broker and the registry answer. */
    static ServiceMonitor ingest(MonitorConfig config, String bootstrapServers, String registryUrl, PrintWriter err) {
        return start(config, "ingest", () -> true, kafkaAndRegistry(bootstrapServers, registryUrl), err);
    }

    /** The enricher: live until its stream threads fail, ready when RUNNING and the broker and registry answer. */
    static ServiceMonitor enrich(
            MonitorConfig config, String bootstrapServers, String registryUrl, EnrichService service, PrintWriter err) {
        HealthCheck streams = HealthCheck.of("streams", () -> {
            KafkaStreams.State state = service.state();
            return new HealthCheck.Result(
                    state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING,
                    "Kafka Streams " + state);
        });
        List<HealthCheck> checks = new java.util.ArrayList<>(kafkaAndRegistry(bootstrapServers, registryUrl));
        checks.add(streams);
        return start(
                config,
                "enrich",
                () -> service.failure().isEmpty() && service.state() != KafkaStreams.State.ERROR,
                checks,
                err);
    }

    /**
     * The sink: ready when the broker, the registry and the database answer and it is not waiting out an outage.
     */
    static ServiceMonitor sink(
            MonitorConfig config,
            String bootstrapServers,
            String registryUrl,
            String jdbcUrl,
            EnrichedArticleSink sink,
            PrintWriter err) {
        List<HealthCheck> checks = new java.util.ArrayList<>(kafkaAndRegistry(bootstrapServers, registryUrl));
        checks.add(HealthCheck.database(jdbcUrl, JdbcArticleStore.redact(jdbcUrl), CHECK_TIMEOUT));
        checks.add(HealthCheck.of("sink", () -> {
            SinkHealth h = sink.health();
            return new HealthCheck.Result(
                    h.healthy(),
                    h.healthy() ? "storing" : "waiting out an outage since " + h.since() + ": " + h.problem());
        }));
        return start(config, "sink", () -> true, checks, err);
    }

    private static List<HealthCheck> kafkaAndRegistry(String bootstrapServers, String registryUrl) {
        return List.of(
                HealthCheck.broker(bootstrapServers, CHECK_TIMEOUT), HealthCheck.registry(registryUrl, CHECK_TIMEOUT));
    }

    private static ServiceMonitor start(
            MonitorConfig config, String service, BooleanSupplier live, List<HealthCheck> checks, PrintWriter err) {
        if (!config.enabled()) {
            checks.forEach(HealthCheck::close);
            return null;
        }
        ServiceMonitor monitor = ServiceMonitor.start(config, service, live, checks);
        err.println("metrics: " + monitor.url() + "/metrics, health: " + monitor.url() + "/health");
        err.flush();
        return monitor;
    }
}
