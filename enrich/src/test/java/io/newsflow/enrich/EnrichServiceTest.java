package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.SchemaRegistryUnavailableException;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a record the enricher cannot read for a reason that is not its own leads to, without a broker: no dead letter,
 * no output, and the failed stream thread replaced (an outage) or the client stopped (a registry it cannot use).
 * (Closing a running service from another thread is shown against a real broker in {@code EnrichServiceLifecycleIT}: with the taxonomy global store, Kafka Streams cannot
 * start, nor be closed quickly, while no broker answers.)
 */
class EnrichServiceTest {

    @Test
    void shouldNeitherDeadLetterNorPublishARecordWhoseRegistryWasAwayButHaveTheThreadReplaced() {
        Throwable thrown = pipeOneRecordThrough(
                new SchemaRegistryUnavailableException("read schema", "http://registry:8081", 503, null, "down", null));

        assertThat(thrown).isNotNull();
        assertThat(deadLetters)
                .as("no dead letter for a record that is not at fault")
                .isEmpty();
        assertThat(enriched).isEmpty();
        assertThat(new StreamThreadFailures(Clock.systemUTC(), d -> {}, () -> {}).handle(thrown))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shouldNeitherDeadLetterNorPublishARecordWhenTheRegistryHasNoApiAtItsUrlAndStopTheClient() {
        Throwable thrown = pipeOneRecordThrough(new SchemaRegistryException(
                "Fetching schema id 1", "http://registry:8081/wrong", 404, 0, "no registry API at this path", null));

        assertThat(thrown).isNotNull();
        assertThat(deadLetters).isEmpty();
        assertThat(enriched).isEmpty();
        StreamThreadFailures failures = new StreamThreadFailures(Clock.systemUTC(), d -> {}, () -> {});
        assertThat(failures.handle(thrown)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.stopReason()).contains("http://registry:8081/wrong");
    }

    @Test
    void shouldBoundTheRegistryCallsInsideATransactionBelowItsTimeout() {
        Properties props = EnrichService.streamsProperties(EnrichConfig.from(io.newsflow.schemas.config.Settings.of(
                java.util.Map.of("kafka.bootstrap.servers", "127.0.0.1:9092", "schema.registry.url", "http://r"))));

        assertThat(props)
                .containsEntry(
                        StreamsConfig.producerPrefix(
                                org.apache.kafka.clients.producer.ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                        EnrichRegistry.TRANSACTION_TIMEOUT_MS)
                .containsEntry(
                        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProductionHandler.class);
        assertThat(EnrichRegistry.OPTIONS.worstCase())
                .isLessThan(java.time.Duration.ofMillis(EnrichRegistry.TRANSACTION_TIMEOUT_MS));
    }

    private List<byte[]> deadLetters = List.of();
    private List<byte[]> enriched = List.of();

    /** Pipes one record whose value the raw deserializer fails on with {@code failure}; returns what was thrown. */
    private Throwable pipeOneRecordThrough(RuntimeException failure) {
        Deserializer<RawArticle> failing = (topic, bytes) -> {
            throw new SerializationException("Could not get the writer schema", failure);
        };
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("enrich-service-test");
        EnrichSerdes serdes = new EnrichSerdes(
                failing,
                AvroWireSerde.forValues(registry, EnrichedArticle.class),
                AvroWireSerde.forValues(registry, DeadLetter.class),
                AvroWireSerde.forValues(registry, TrendUpdate.class));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver =
                new TopologyTestDriver(EnrichTopology.build(serdes, enricher, Clock.systemUTC()), props)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(
                    Topics.ARTICLES_RAW,
                    Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            Throwable thrown = catchThrowable(() -> raw.pipeInput(new byte[] {1}, new byte[] {0, 0, 0, 0, 1}));
            deadLetters = driver.createOutputTopic(
                            Topics.DLQ,
                            Serdes.ByteArray().deserializer(),
                            Serdes.ByteArray().deserializer())
                    .readValuesToList();
            enriched = driver.createOutputTopic(
                            Topics.ARTICLES_ENRICHED,
                            Serdes.ByteArray().deserializer(),
                            Serdes.ByteArray().deserializer())
                    .readValuesToList();
            return thrown;
        }
    }

    @Test
    void shouldWaitForAMissingSourceTopicInsteadOfStopping() {
        Throwable missing = new MissingSourceTopicException("One or more source topics were missing during rebalance");

        assertThat(new StreamThreadFailures(Clock.systemUTC(), d -> {}, () -> {}).handle(missing))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    private static ArticleEnricher enricher;

    @BeforeAll
    static void loadKnowledgeBase() {
        enricher = ArticleEnricher.withDefaultKnowledgeBase();
    }
}
