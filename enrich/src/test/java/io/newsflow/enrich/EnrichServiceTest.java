package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's life cycle without a broker: what a command waiting on it sees when the client stops. */
class EnrichServiceTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldReleaseWhoeverAwaitsTheStopWhenClosedFromAnotherThread() throws Exception {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", "localhost:1",
                "schema.registry.url", "mem://enrich-service-test",
                "enrich.state.dir", stateDir.toString())));
        EnrichService service = EnrichService.start(config,
                EnrichSerdes.using(new InMemorySchemaRegistryClient("enrich-service-test")),
                ArticleEnricher.withDefaultKnowledgeBase());
        CompletableFuture<Void> awaiting = CompletableFuture.runAsync(() -> {
            try {
                service.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        service.close();

        awaiting.get(30, TimeUnit.SECONDS);
        assertThat(service.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(service.failure()).isEmpty();
    }
}
