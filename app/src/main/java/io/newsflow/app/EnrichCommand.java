package io.newsflow.app;

import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.app.monitor.ServiceMonitor;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the Kafka Streams enricher until interrupted (Ctrl-C), or until it fails (exit code 1). */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description = "Run the enricher (Kafka Streams, exactly-once): news-articles-raw -> news-articles-enriched, "
                + "news-topic-<id> per topic, news-dlq. Creates a missing news-topic-<id> first.")
final class EnrichCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Override
    @SuppressWarnings("try") // the monitor is only opened and closed here
    public Integer call() throws Exception {
        Settings settings = options.settings();
        MonitorConfig monitorConfig = MonitorConfig.from(settings, MonitorConfig.ENRICH_PORT);
        EnrichConfig config = Workspace.current().resolve(EnrichConfig.from(settings));
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichService.createMissingTopicTopics(config, enricher.topicIds());
        try (EnrichService service = EnrichService.start(
                        config,
                        EnrichSerdes.using(SchemaRegistryClients.forUrl(config.schemaRegistryUrl())),
                        enricher);
                ServiceMonitor monitor = Monitoring.enrich(
                        monitorConfig,
                        config.bootstrapServers(),
                        config.schemaRegistryUrl(),
                        service,
                        spec.commandLine().getErr())) {
            // The JVM halts as soon as its hooks return, so the hook itself closes the client (leaving the group,
            // aborting the open transaction) instead of only telling this thread to do it.
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "newsflow-enrich-stop"));
            service.awaitRunning(Duration.ofMinutes(2));
            spec.commandLine().getErr().println("enricher running; Ctrl-C stops it");
            service.awaitStopped();
            Optional<Throwable> failure = service.failure();
            failure.ifPresent(e -> spec.commandLine().getErr().println("enricher stopped after a failure: " + e));
            return failure.isPresent() ? 1 : 0;
        }
    }
}
