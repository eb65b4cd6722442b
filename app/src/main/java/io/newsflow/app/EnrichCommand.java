package io.newsflow.app;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the Kafka Streams enricher until interrupted (Ctrl-C). */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enricher (Kafka Streams, exactly-once): news-articles-raw -> news-articles-enriched, news-dlq.")
final class EnrichCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Override
    public Integer call() throws Exception {
        EnrichConfig config = EnrichConfig.from(options.settings());
        CountDownLatch stop = new CountDownLatch(1);
        try (EnrichService service = EnrichService.start(config,
                EnrichSerdes.using(SchemaRegistryClients.forUrl(config.schemaRegistryUrl())),
                ArticleEnricher.withDefaultKnowledgeBase())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "newsflow-enrich-stop"));
            service.awaitRunning(Duration.ofMinutes(2));
            spec.commandLine().getErr().println("enricher running; Ctrl-C stops it");
            stop.await();
        }
        return 0;
    }
}
