package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryUnavailableException;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a failed stream thread leads to, without a broker. (Closing a running service from another thread is shown
 * against a real broker in {@code EnrichServiceLifecycleIT}: with the taxonomy global store, Kafka Streams cannot
 * start, nor be closed quickly, while no broker answers.)
 */
class EnrichServiceTest {

    @Test
    void shouldRetryARecordWhoseProcessingFailedBecauseTheRegistryWasAway() {
        Deserializer<RawArticle> registryAway = (topic, bytes) -> {
            throw new SchemaRegistryUnavailableException(
                    "read schema", "http://registry:8081", 503, null, "down", null);
        };
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("enrich-service-test");
        EnrichSerdes serdes = new EnrichSerdes(
                registryAway,
                AvroWireSerde.forValues(registry, EnrichedArticle.class),
                AvroWireSerde.forValues(registry, DeadLetter.class),
                AvroWireSerde.forValues(registry, TrendUpdate.class));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Throwable thrown;
        try (TopologyTestDriver driver =
                new TopologyTestDriver(EnrichTopology.build(serdes, enricher, Clock.systemUTC()), props)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(
                    Topics.ARTICLES_RAW,
                    Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());

            thrown = catchThrowable(() -> raw.pipeInput(new byte[] {1}, new byte[] {0, 0, 0, 0, 1}));
        }

        assertThat(thrown).isNotNull();
        assertThat(EnrichService.responseTo(thrown)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shouldStopTheClientOnAFailureThatARetryWouldNotCure() {
        Throwable bug = new StreamsException("task failed", new IllegalStateException("a bug"));

        assertThat(EnrichService.responseTo(bug)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void shouldWaitForAMissingSourceTopicInsteadOfStopping() {
        Throwable missing = new MissingSourceTopicException("One or more source topics were missing during rebalance");

        assertThat(EnrichService.responseTo(missing)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    private static ArticleEnricher enricher;

    @BeforeAll
    static void loadKnowledgeBase() {
        enricher = ArticleEnricher.withDefaultKnowledgeBase();
    }
}
