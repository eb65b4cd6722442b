package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.app.monitor.HealthCheck;
import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.app.monitor.ServiceMonitor;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.drop.DropTopicIngestor;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import io.newsflow.stack.StackException;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} and {@code /health} of the services, read over HTTP from a real {@link ServiceMonitor} while the
 * real services run against the REAL broker and registry: a record dropped on {@code news-ingest} moves each stage's
 * counters and the enrichment histogram; readiness follows the broker (the broker of a stack of this test's own is
 * killed, so the JVM's shared stack keeps serving the other tests).
 */
@WithRealKafkaStack
class ServiceMonitorIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    private final List<AutoCloseable> cleanUp = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            cleanUp.get(i).close();
        }
    }

    @Test
    void shouldCountARecordInTheMetricsOfEveryStageAsItFlowsFromTheDropTopicToTheDatabase(RealKafkaStack stack)
            throws Exception {
        stack.createTopics(
                Topics.INGEST,
                Topics.ARTICLES_RAW,
                Topics.ARTICLES_ENRICHED,
                Topics.TRENDS,
                Topics.DLQ,
                Topics.TAXONOMY);
        String marker = UUID.randomUUID().toString();
        ServiceMonitor monitor = monitor(List.of(
                HealthCheck.broker(stack.bootstrapServers(), Duration.ofSeconds(3)),
                HealthCheck.registry(stack.schemaRegistryUrl(), Duration.ofSeconds(3))));
        String before = get(monitor, "/metrics").body();
        startIngest(stack, marker);
        startEnrich(stack, marker);
        String jdbcUrl = "jdbc:sqlite:" + workDir.resolve("monitor.db");
        ArticleStore store = JdbcArticleStore.open(jdbcUrl);
        cleanUp.add(store);
        startSink(stack, marker, store);
        String id = "monitor-" + marker;

        drop(
                stack,
                id,
                "{\"id\":\"" + id + "\",\"title\":\"Kim Jong-un recibe a Putin en Pyongyang\","
                        + "\"text\":\"Corea del Norte y Rusia firmaron un pacto de defensa mutua en Pyongyang.\"}");

        for (String stage : List.of("ingest-topic", "enrich", "sink")) {
            await("records out of " + stage + " counted").atMost(WAIT).untilAsserted(() -> {
                String after = get(monitor, "/metrics").body();
                assertThat(value(after, "newsflow_records_in_total", stage))
                        .as("records in, " + stage)
                        .isGreaterThan(value(before, "newsflow_records_in_total", stage));
                assertThat(value(after, "newsflow_records_out_total", stage))
                        .as("records out, " + stage)
                        .isGreaterThan(value(before, "newsflow_records_out_total", stage));
            });
        }
        await("the article is stored").atMost(WAIT).until(() -> store.find(id).isPresent());
        String after = get(monitor, "/metrics").body();
        assertThat(value(after, "newsflow_enrich_latency_seconds_count", "enrich"))
                .isGreaterThan(value(before, "newsflow_enrich_latency_seconds_count", "enrich"));
        assertThat(value(after, "newsflow_enrich_entities_per_article_count", "enrich"))
                .isGreaterThan(value(before, "newsflow_enrich_entities_per_article_count", "enrich"));
        assertThat(value(after, "newsflow_sink_batch_size_count", "sink"))
                .isGreaterThan(value(before, "newsflow_sink_batch_size_count", "sink"));
        assertThat(value(after, "newsflow_sink_commit_latency_seconds_count", "sink"))
                .isGreaterThan(value(before, "newsflow_sink_commit_latency_seconds_count", "sink"));
        // the Kafka clients' own metrics, the consumers' lag included, are exported too
        assertThat(after).contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void shouldTurnNotReadyWhenTheBrokerStopsAndStayLive(@TempDir Path stackDir) throws Exception {
        LocalStack own = startOwnStack(stackDir);
        cleanUp.add(own);
        ServiceMonitor monitor = monitor(List.of(
                HealthCheck.broker(own.bootstrapServers(), Duration.ofSeconds(2)),
                HealthCheck.registry(own.schemaRegistryUrl(), Duration.ofSeconds(2))));
        assertThat(get(monitor, "/health/ready").statusCode()).isEqualTo(200);

        ProcessHandle broker = ProcessHandle.of(own.status().brokerPid()).orElseThrow();
        broker.destroyForcibly();
        broker.onExit().get(1, TimeUnit.MINUTES);

        HttpResponse<String> ready = get(monitor, "/health/ready");
        HttpResponse<String> health = get(monitor, "/health");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"ready\":false}");
        assertThat(health.body()).contains("\"broker\":{\"up\":false").contains("\"registry\":{\"up\":true");
        assertThat(get(monitor, "/health/live").statusCode()).isEqualTo(200);
    }

    /**
     * A second stack on a loaded machine: the registry sometimes times out taking its H2 connection at start-up; a
     * second start on the same folder restarts only the part that is down (the broker is kept).
     */
    private static LocalStack startOwnStack(Path stackDir) {
        StackConfig config = StackConfig.defaults(stackDir).withFreePorts();
        try {
            return LocalStack.start(config);
        } catch (StackException e) {
            return LocalStack.start(config);
        }
    }

    private ServiceMonitor monitor(List<HealthCheck> checks) {
        ServiceMonitor monitor =
                ServiceMonitor.start(new MonitorConfig("127.0.0.1", 0, true), "it", () -> true, checks);
        cleanUp.add(monitor);
        return monitor;
    }

    private void startIngest(RealKafkaStack stack, String marker) {
        IngestConfig config = IngestConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers",
                stack.bootstrapServers(),
                "schema.registry.url",
                stack.schemaRegistryUrl(),
                "ingest.group.id",
                "it-monitor-" + marker,
                "ingest.transactional.id",
                "it-monitor-" + marker,
                "ingest.poll.timeout",
                "PT0.2S")));
        DropTopicIngestor service = DropTopicIngestor.create(config, Clock.systemUTC());
        Thread run = running(service, "it-monitor-ingest");
        cleanUp.add(() -> {
            service.shutdown();
            run.join(30_000);
            service.close();
        });
    }

    private void startEnrich(RealKafkaStack stack, String marker) throws InterruptedException {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", "it-monitor-enrich-" + marker,
                "enrich.state.dir", workDir.resolve("streams").toString())));
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichService.createMissingTopicTopics(config, enricher.topicIds());
        EnrichService service = EnrichService.start(
                config, EnrichSerdes.using(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl())), enricher);
        cleanUp.add(service);
        service.awaitRunning(WAIT);
    }

    private void startSink(RealKafkaStack stack, String marker, ArticleStore store) {
        SinkConfig config = SinkConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers",
                stack.bootstrapServers(),
                "schema.registry.url",
                stack.schemaRegistryUrl(),
                "sink.group.id",
                "it-monitor-" + marker,
                "sink.poll.timeout",
                "PT0.2S")));
        EnrichedArticleSink sink = EnrichedArticleSink.create(config, store, Clock.systemUTC());
        Thread run = running(sink, "it-monitor-sink");
        cleanUp.add(() -> {
            sink.shutdown();
            run.join(30_000);
            sink.close();
        });
    }

    /** A thread of its own: the common pool may have a single thread on a small machine, and both loops block. */
    private static Thread running(Runnable service, String name) {
        Thread thread = new Thread(service, name);
        thread.start();
        return thread;
    }

    private static void drop(RealKafkaStack stack, String key, String json) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.INGEST, key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(ServiceMonitor monitor, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(monitor.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a Prometheus sample over the series of one stage (0 when there is none yet). */
    private static double value(String scrape, String name, String stage) {
        return scrape.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("stage=\"" + stage + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
