package io.newsflow.sink;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.registry.InMemoryRegistries;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's poll-write-commit loop with Kafka's {@link MockConsumer} and {@link MockProducer}, the real wire-format
 * serde on an in-memory registry and a real SQLite store. The path through a real broker is covered by the
 * end-to-end tests.
 */
class EnrichedArticleSinkTest {

    private static final String REGISTRY = "enriched-article-sink-test";
    private static final TopicPartition TP = new TopicPartition(Topics.ARTICLES_ENRICHED, 0);

    @TempDir
    Path dir;

    private SchemaRegistryClient registry;
    private Serializer<EnrichedArticle> serializer;
    private MockConsumer<byte[], byte[]> consumer;
    private MockProducer<byte[], DeadLetter> dlq;
    private JdbcArticleStore store;
    private EnrichedArticleSink sink;

    /** A clock that moves one second each time it is read, so idleness is reached without waiting. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong seconds = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusSeconds(seconds.incrementAndGet());
        }
    }

    @BeforeEach
    void setUp() {
        registry = SchemaRegistryClients.forUrl("mem://" + REGISTRY);
        serializer = AvroWireSerde.forValues(registry, EnrichedArticle.class).serializer();
        consumer = new MockConsumer<>("earliest");
        dlq = new MockProducer<>(
                true,
                null,
                new ByteArraySerializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).serializer());
        store = JdbcArticleStore.open("jdbc:sqlite:" + dir.resolve("sink.db"));
        sink = new EnrichedArticleSink(
                consumer,
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer(),
                dlq,
                store,
                Duration.ofMillis(10),
                new SteppingClock());
    }

    @AfterEach
    void tearDown() {
        sink.close();
        store.close();
        InMemoryRegistries.drop(REGISTRY);
    }

    private byte[] bytes(EnrichedArticle article) {
        return serializer.serialize(Topics.ARTICLES_ENRICHED, article);
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, offset, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private void deliverOnNextPoll(List<ConsumerRecord<byte[], byte[]>> records) {
        consumer.schedulePollTask(() -> {
            if (consumer.assignment().isEmpty()) {
                consumer.rebalance(List.of(TP));
                consumer.updateBeginningOffsets(Map.of(TP, 0L));
            }
            records.forEach(consumer::addRecord);
        });
    }

    @Test
    void shouldStoreArticlesDeadLetterPoisonPillAndCommitAfterWriting() {
        byte[] poison = {0, 0, 0, 0, 99, 1, 2, 3};
        deliverOnNextPoll(List.of(
                record(
                        0,
                        "a",
                        bytes(anEnrichedArticle()
                                .withId("a")
                                .withEntity("Q423", EntityType.LOC, "North Korea", 2, 0.9)
                                .build())),
                record(1, "poison", poison),
                record(2, "b", bytes(anEnrichedArticle().withId("b").build()))));

        SinkProgress progress = sink.drain(Duration.ofSeconds(3));

        assertThat(progress.stored()).isEqualTo(2);
        assertThat(progress.deadLettered()).isEqualTo(1);
        assertThat(store.countArticles()).isEqualTo(2);
        assertThat(store.find("a").orElseThrow().entities()).hasSize(1);
        assertThat(store.find("a").orElseThrow().kafkaOffset()).isZero();
        assertThat(consumer.committed(Set.of(TP)).get(TP).offset()).isEqualTo(3);

        ProducerRecord<byte[], DeadLetter> sent = dlq.history().get(0);
        assertThat(dlq.history()).hasSize(1);
        assertThat(sent.topic()).isEqualTo(Topics.DLQ);
        assertThat(sent.key()).isEqualTo("poison".getBytes(StandardCharsets.UTF_8));
        DeadLetter letter = sent.value();
        assertThat(letter.getStage()).isEqualTo("sink");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.ARTICLES_ENRICHED);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isEqualTo(1L);
        assertThat(letter.getValue().array()).isEqualTo(poison);
        // the root cause names the problem; the message names every layer
        assertThat(letter.getErrorClass())
                .isEqualTo(io.newsflow.schemas.registry.UnknownSchemaException.class.getName());
        assertThat(letter.getErrorMessage()).contains("RecordSchemaException").contains("UnknownSchemaException");
    }

    @Test
    void shouldLeaveOneRowWhenRecordIsRedeliveredToRestartedSink() {
        byte[] value = bytes(anEnrichedArticle()
                .withId("r")
                .withTopic("kp-ru-rapprochement", 0.7)
                .build());
        deliverOnNextPoll(List.of(record(0, "r", value)));
        sink.drain(Duration.ofSeconds(3));
        // a restarted sink whose previous run stored the record but died before committing reads it again
        MockConsumer<byte[], byte[]> restartedConsumer = new MockConsumer<>("earliest");
        restartedConsumer.schedulePollTask(() -> {
            restartedConsumer.rebalance(List.of(TP));
            restartedConsumer.updateBeginningOffsets(Map.of(TP, 0L));
            restartedConsumer.addRecord(record(0, "r", value));
        });
        try (EnrichedArticleSink restarted = new EnrichedArticleSink(
                restartedConsumer,
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer(),
                new MockProducer<>(
                        true,
                        null,
                        new ByteArraySerializer(),
                        AvroWireSerde.forValues(registry, DeadLetter.class).serializer()),
                store,
                Duration.ofMillis(10),
                new SteppingClock())) {

            SinkProgress progress = restarted.drain(Duration.ofSeconds(3));

            assertThat(progress.stored()).isEqualTo(1);
        }
        assertThat(store.countArticles()).isEqualTo(1);
        assertThat(store.find("r").orElseThrow().topics()).hasSize(1);
    }

    @Test
    void shouldStopOnceRequestedNumberOfArticlesIsStored() {
        deliverOnNextPoll(
                List.of(record(0, "x", bytes(anEnrichedArticle().withId("x").build()))));
        deliverOnNextPoll(
                List.of(record(1, "y", bytes(anEnrichedArticle().withId("y").build()))));

        SinkProgress progress = sink.runUntilStored(1, Duration.ofHours(1));

        assertThat(progress.stored()).isEqualTo(1);
        assertThat(progress.polls()).isEqualTo(1);
        assertThat(store.find("y")).isEmpty();
    }

    @Test
    void shouldDeadLetterTombstone() {
        deliverOnNextPoll(List.of(record(0, "t", null)));

        SinkProgress progress = sink.drain(Duration.ofSeconds(3));

        assertThat(progress.deadLettered()).isEqualTo(1);
        assertThat(dlq.history().get(0).value().getErrorMessage()).contains("tombstone");
        assertThat(dlq.history().get(0).value().getValue()).isNull();
    }

    @Test
    void shouldNameTheArticleIdOnTheLogLinesAboutThatArticle() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(EnrichedArticleSink.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            deliverOnNextPoll(List.of(record(0, "mdc-article-7", null)));

            sink.drain(Duration.ofSeconds(3));

            assertThat(lines.list)
                    .filteredOn(e -> e.getFormattedMessage().startsWith("Dead-lettering"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMDCPropertyMap())
                            .containsEntry(EnrichedArticleSink.ARTICLE_ID_MDC, "mdc-article-7"));
            // and the id does not leak onto lines about other things
            assertThat(org.slf4j.MDC.get(EnrichedArticleSink.ARTICLE_ID_MDC)).isNull();
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void shouldNotCommitWhenStoreFails() {
        store.close();
        deliverOnNextPoll(
                List.of(record(0, "z", bytes(anEnrichedArticle().withId("z").build()))));

        assertThatThrownBy(() -> sink.drain(Duration.ofSeconds(3))).isInstanceOf(StoreException.class);

        assertThat(consumer.committed(Set.of(TP))).isEmpty();
    }

    /** Delegates to the fixture's store after failing the first {@code failures} writes with {@code failure}. */
    private final class FailingStore implements ArticleStore {
        private final Supplier<StoreException> failure;
        private int failuresLeft;

        FailingStore(int failures, Supplier<StoreException> failure) {
            this.failuresLeft = failures;
            this.failure = failure;
        }

        @Override
        public void writeAll(List<ArticleWrite> batch) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw failure.get();
            }
            store.writeAll(batch);
        }

        @Override
        public Optional<StoredArticle> find(String articleId) {
            return store.find(articleId);
        }

        @Override
        public long countArticles() {
            return store.countArticles();
        }

        @Override
        public List<String> articleIdsForTopic(String topicId) {
            return store.articleIdsForTopic(topicId);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private EnrichedArticleSink sinkWriting(ArticleStore target, Consumer<byte[], byte[]> from) {
        // same producer as the fixture's sink, which closes it
        return new EnrichedArticleSink(
                from,
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer(),
                dlq,
                target,
                Duration.ofMillis(10),
                new SteppingClock());
    }

    @Test
    void shouldReadTheFailedBatchAgainWhenRunAgainAfterARefusalByTheStore() {
        EnrichedArticleSink retrying = sinkWriting(
                new FailingStore(1, () -> new StoreException("constraint violated", new SQLException("no", "23505"))),
                consumer);
        ConsumerRecord<byte[], byte[]> record =
                record(0, "f", bytes(anEnrichedArticle().withId("f").build()));
        deliverOnNextPoll(List.of(record));
        assertThatThrownBy(() -> retrying.drain(Duration.ofSeconds(3))).isInstanceOf(StoreException.class);
        // the broker still holds the record; MockConsumer forgets what it handed out, so offer it again
        deliverOnNextPoll(List.of(record));

        SinkProgress progress = retrying.drain(Duration.ofSeconds(3));

        assertThat(progress.stored()).isEqualTo(1);
        assertThat(store.find("f")).isPresent();
        assertThat(consumer.committed(Set.of(TP)).get(TP).offset()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void shouldWaitOutADatabaseOutageAndStoreTheBatchWithoutARestart() {
        EnrichedArticleSink patient = sinkWriting(
                new FailingStore(
                        2,
                        () -> new StoreException(
                                "Cannot write a batch", new SQLException("Connection refused", "08001"))),
                consumer);
        ConsumerRecord<byte[], byte[]> record =
                record(0, "o", bytes(anEnrichedArticle().withId("o").build()));
        // each failed attempt rewinds to the batch; the broker offers it again each time
        for (int attempt = 0; attempt < 3; attempt++) {
            deliverOnNextPoll(List.of(record));
        }
        List<SinkHealth> seen = new ArrayList<>();

        SinkProgress progress = patient.runUntil(p -> {
            seen.add(patient.health());
            return p.stored() == 1;
        });

        assertThat(progress.stored()).isEqualTo(1);
        assertThat(store.find("o")).isPresent();
        assertThat(consumer.committed(Set.of(TP)).get(TP).offset()).isEqualTo(1);
        assertThat(seen).anySatisfy(h -> {
            assertThat(h.healthy()).isFalse();
            assertThat(h.problem()).contains("Cannot write a batch");
        });
        assertThat(patient.health().healthy()).isTrue();
    }

    @Test
    void shouldCarryOnWhenTheGroupRebalancedBeforeTheBatchWasCommitted() {
        AtomicInteger commits = new AtomicInteger();
        MockConsumer<byte[], byte[]> rebalanced = new MockConsumer<>("earliest") {
            @Override
            public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                if (commits.getAndIncrement() == 0) {
                    throw new CommitFailedException("the group rebalanced");
                }
                super.commitSync(offsets);
            }
        };
        rebalanced.schedulePollTask(() -> {
            rebalanced.rebalance(List.of(TP));
            rebalanced.updateBeginningOffsets(Map.of(TP, 0L));
            rebalanced.addRecord(
                    record(0, "c1", bytes(anEnrichedArticle().withId("c1").build())));
        });
        rebalanced.schedulePollTask(() -> rebalanced.addRecord(
                record(1, "c2", bytes(anEnrichedArticle().withId("c2").build()))));
        EnrichedArticleSink sink = sinkWriting(store, rebalanced);

        SinkProgress progress = sink.runUntil(p -> commits.get() >= 2);

        assertThat(store.find("c1")).as("written before the refused commit").isPresent();
        assertThat(store.find("c2")).as("the sink carried on").isPresent();
        assertThat(rebalanced.committed(Set.of(TP)).get(TP).offset()).isEqualTo(2);
        assertThat(progress.stored()).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void shouldReturnWhenShutDownDuringRun() {
        consumer.schedulePollTask(sink::shutdown);

        SinkProgress progress = sink.runUntil(p -> false);

        assertThat(progress.stored()).isZero();
    }
}
