package io.newsflow.app;

import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.app.monitor.ServiceMonitor;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichRegistry;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.config.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs the Kafka Streams enricher until interrupted (Ctrl-C, SIGTERM), or until it fails with an error a retry would
 * not cure (exit code 1). A broker or registry that is away, at start or later, and a source topic that is missing
 * are waited out: the command says it is unhealthy ({@code enricher unhealthy: ...}) and that it is running again
 * ({@code enricher healthy again after ...}), and goes on by itself (README, "Health").
 */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description = "Run the enricher (Kafka Streams, exactly-once): news-articles-raw -> news-articles-enriched, "
                + "news-topic-<id> per topic, news-dlq. Creates a missing news-topic-<id> first.")
final class EnrichCommand implements Callable<Integer> {

    /** How long the enricher may be out of RUNNING before the command reports it unhealthy, and how often again. */
    static final Duration UNHEALTHY_AFTER = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Override
    @SuppressWarnings("try") // the monitor is only opened and closed here
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = options.settings();
        MonitorConfig monitorConfig = MonitorConfig.from(settings, MonitorConfig.ENRICH_PORT);
        EnrichConfig config = Workspace.current().resolve(EnrichConfig.from(settings));
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        createTopicTopicsWhenTheBrokerAnswers(config, enricher, err);
        try (EnrichService service = EnrichService.start(
                        config,
                        EnrichSerdes.using(
                                EnrichRegistry.client(config), config.registry().autoRegister()),
                        enricher);
                ServiceMonitor monitor = Monitoring.enrich(
                        monitorConfig, config.bootstrapServers(), config.schemaRegistryUrl(), service, err)) {
            // The JVM halts as soon as its hooks return, so the hook itself closes the client (leaving the group,
            // aborting the open transaction; bounded, see EnrichService.close) instead of only telling this thread to.
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "newsflow-enrich-stop"));
            watchHealth(service, err);
            Optional<Throwable> failure = service.failure();
            failure.ifPresent(e -> say(err, "enricher stopped after a failure: " + e));
            return failure.isPresent() ? 1 : 0;
        }
    }

    /**
     * Kafka Streams does not create the topics it writes to, so they are made first; with the broker away this
     * waits for it, saying so, instead of giving up.
     */
    private static void createTopicTopicsWhenTheBrokerAnswers(
            EnrichConfig config, ArticleEnricher enricher, PrintWriter err) throws InterruptedException {
        long begin = System.nanoTime();
        while (true) {
            try {
                EnrichService.createMissingTopicTopics(config, enricher.topicIds());
                return;
            } catch (IllegalStateException e) {
                say(
                        err,
                        "enricher unhealthy: waiting for Kafka at " + config.bootstrapServers() + " ("
                                + Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s): " + e.getMessage());
                Thread.sleep(UNHEALTHY_AFTER.toMillis());
            }
        }
    }

    /**
     * Until the client stops for good: says when it first runs, when it has been out of RUNNING for
     * {@link #UNHEALTHY_AFTER} (and again at that interval while it stays so), and when it runs again.
     */
    private static void watchHealth(EnrichService service, PrintWriter err) throws InterruptedException {
        boolean everRan = false;
        long unhealthySince = System.nanoTime();
        long lastReport = 0;
        while (true) {
            KafkaStreams.State state = service.state();
            if (state == KafkaStreams.State.NOT_RUNNING
                    || state == KafkaStreams.State.ERROR
                    || service.failure().isPresent()) {
                service.awaitStopped();
                return;
            }
            long now = System.nanoTime();
            if (state == KafkaStreams.State.RUNNING) {
                if (!everRan) {
                    say(err, "enricher running; Ctrl-C stops it");
                    everRan = true;
                } else if (lastReport != 0) {
                    say(
                            err,
                            "enricher healthy again after "
                                    + Duration.ofNanos(now - unhealthySince).toSeconds() + " s");
                }
                unhealthySince = now;
                lastReport = 0;
            } else if (now - unhealthySince >= UNHEALTHY_AFTER.toNanos()
                    && (lastReport == 0 || now - lastReport >= UNHEALTHY_AFTER.toNanos())) {
                say(
                        err,
                        "enricher unhealthy: " + state + " for "
                                + Duration.ofNanos(now - unhealthySince).toSeconds()
                                + " s (waiting for Kafka, the registry or a source topic; it goes on by itself)");
                lastReport = now;
            }
            Thread.sleep(200);
        }
    }

    private static void say(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
