package io.newsflow.app;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichRegistry;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
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
    public Integer call() throws Exception {
        EnrichConfig config = EnrichConfig.from(options.settings());
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichService.createMissingTopicTopics(config, enricher.topicIds());
        try (EnrichService service = EnrichService.start(
                config, EnrichSerdes.using(EnrichRegistry.client(config.schemaRegistryUrl())), enricher)) {
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
