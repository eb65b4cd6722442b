package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enricher's life cycle as a command sees it, on the REAL broker and registry. */
@WithRealKafkaStack
class EnrichServiceLifecycleIT {

    @TempDir
    Path stateDir;

    @Test
    void shouldReleaseWhoeverAwaitsTheStopWhenClosedFromAnotherThread(RealKafkaStack stack) throws Exception {
        stack.createTopics(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.TRENDS, Topics.DLQ, Topics.TAXONOMY);
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", "it-lifecycle-" + UUID.randomUUID(),
                "enrich.state.dir", stateDir.toString())));
        EnrichService service = EnrichService.start(
                config,
                EnrichSerdes.using(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl())),
                ArticleEnricher.withDefaultKnowledgeBase());
        service.awaitRunning(Duration.ofMinutes(2));
        CompletableFuture<Void> awaiting = new CompletableFuture<>();
        Thread waiter = new Thread(
                () -> {
                    try {
                        service.awaitStopped();
                        awaiting.complete(null);
                    } catch (InterruptedException e) {
                        awaiting.completeExceptionally(e);
                    }
                },
                "it-lifecycle-waiter");
        waiter.start();
        // the waiter must be blocked in awaitStopped before the close, or the test would not show it is released
        await("the waiter blocks")
                .atMost(Duration.ofSeconds(30))
                .until(() -> waiter.getState() == Thread.State.WAITING);
        assertThat(awaiting).isNotDone();

        service.close();

        // a hang detector, not a timing requirement: the enricher reads the whole shared raw topic, and a stream thread
        // busy with a large article finishes it before it sees the stop
        awaiting.get(3, TimeUnit.MINUTES);
        assertThat(service.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(service.failure()).isEmpty();
    }
}
