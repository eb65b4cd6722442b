package io.newsflow.it;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.ArticleWrite;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkProgress;
import io.newsflow.sink.StoredArticle;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sink instances in one consumer group, on the REAL broker and the REAL PostgreSQL server, through a rebalance
 * in the worst place: sink A has written a batch to the database and not yet committed its offsets when the group
 * rebalances without it (A's batch takes longer than its {@code max.poll.interval.ms}, so its consumer leaves the
 * group and sink B takes every partition). A's commit is then refused by the group coordinator
 * ({@code CommitFailedException}); A must carry on (not exit) and rejoin, the batch's records must be read again
 * and rewritten by their partition's new owner, and in the end every article is stored exactly once and the group's
 * committed offsets reach the end of every partition. The test owns its topic (4 partitions), its consumer group and
 * its database schema.
 */
@WithRealKafkaStack
class SinkRebalanceIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final int PARTITIONS = 4;
    private static final Duration WAIT = Duration.ofMinutes(3);
    /** A's poll interval: holding its batch longer than this makes its consumer leave the group. */
    private static final Duration A_POLL_INTERVAL = Duration.ofSeconds(8);

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String topic = "it-sink-rebalance-" + run;
    private final String group = "it-sink-rebalance-" + run;
    private final String schema = "sink_rebalance_" + run.toLowerCase(Locale.ROOT);
    private final String jdbcUrl = SERVER + "&currentSchema=" + schema;
    private final List<EnrichedArticleSink> sinks = new ArrayList<>();
    private final List<CompletableFuture<SinkProgress>> runs = new ArrayList<>();
    private final List<ArticleStore> stores = new ArrayList<>();

    @BeforeEach
    void ownDatabaseSchema() {
        try (Connection c = DriverManager.getConnection(SERVER + "&connectTimeout=3");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL at " + SERVER + " is unreachable (" + e.getMessage() + "); skipped");
        }
    }

    @AfterEach
    void stopSinksAndDropSchema() throws Exception {
        sinks.forEach(EnrichedArticleSink::shutdown);
        for (CompletableFuture<SinkProgress> r : runs) {
            try {
                r.get(1, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                // the test has already reported what matters; the sink is closed below either way
            }
        }
        sinks.forEach(EnrichedArticleSink::close);
        stores.forEach(ArticleStore::close);
        try (Connection c = DriverManager.getConnection(SERVER);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void shouldStoreEveryArticleOnceWhenTheGroupRebalancesBetweenAWrittenBatchAndItsCommit(RealKafkaStack stack)
            throws Exception {
        // Given a topic of 4 partitions holding 400 enriched articles
        try (Admin admin = stack.newAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        List<String> firstIds = publish(stack, registry, "a", 400);

        // and sink A, whose first batch is held after it is written, before its offsets are committed
        CountDownLatch firstWriteHeld = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        HeldFirstWrite storeA = new HeldFirstWrite(open(), firstWriteHeld, releaseFirstWrite);
        CompletableFuture<SinkProgress> runA = start(stack, registry, "a", storeA, A_POLL_INTERVAL);
        assertThat(firstWriteHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("sink A wrote its first batch")
                .isTrue();

        // When sink B joins and the group rebalances without A, which is still holding its uncommitted batch
        HeldFirstWrite storeB = new HeldFirstWrite(open(), new CountDownLatch(1), new CountDownLatch(0));
        CompletableFuture<SinkProgress> runB = start(stack, registry, "b", storeB, Duration.ofMinutes(5));
        try (Admin admin = stack.newAdmin()) {
            await("the group is stable with B alone, owning all " + PARTITIONS + " partitions")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> onlyBOwnsEveryPartition(admin));
        }
        releaseFirstWrite.countDown();
        // and more articles arrive afterwards
        List<String> laterIds = publish(stack, registry, "b", 200);

        // Then every article is stored exactly once and the group committed the end of every partition
        List<String> all = new ArrayList<>(firstIds);
        all.addAll(laterIds);
        try (JdbcArticleStore reader = JdbcArticleStore.open(jdbcUrl);
                Admin admin = stack.newAdmin()) {
            await("all " + all.size() + " articles stored")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> reader.countArticles() == all.size());
            await("the group committed the end of every partition")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> committedToTheEnd(admin));
            // a rewritten article has its entities and topics once, not once per write
            for (String id : all) {
                StoredArticle stored = reader.find(id).orElseThrow(() -> new AssertionError(id + " not stored"));
                assertThat(stored.entities()).as(id).hasSize(2);
                assertThat(stored.topics()).as(id).hasSize(1);
            }
        }
        // and A survived its refused commit: still running, it rejoined the group and took partitions back
        assertThat(runA).as("sink A keeps running after its commit was refused").isNotDone();
        assertThat(runB).as("sink B keeps running").isNotDone();
        try (Admin admin = stack.newAdmin()) {
            await("A rejoined the group").atMost(WAIT).until(() -> members(admin) == 2);
        }
        sinks.forEach(EnrichedArticleSink::shutdown);
        SinkProgress a = runA.get(1, TimeUnit.MINUTES);
        SinkProgress b = runB.get(1, TimeUnit.MINUTES);
        assertThat(a.commitsRefused())
                .as("the coordinator refused A's commit of the held batch")
                .isGreaterThanOrEqualTo(1);
        assertThat(a.stored() + b.stored())
                .as("articles written and committed: each once")
                .isEqualTo(all.size());
        assertThat(storeA.rowsWritten() + storeB.rowsWritten())
                .as("the held batch was read again and rewritten, so more rows were written than there are articles")
                .isGreaterThan(all.size());
    }

    private List<String> publish(RealKafkaStack stack, SchemaRegistryClient registry, String wave, int count)
            throws Exception {
        Map<String, Object> props = new HashMap<>(stack.clientConfig());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
                props,
                new StringSerializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class).serializer())) {
            for (int i = 0; i < count; i++) {
                String id = "rebalance-" + run + "-" + wave + "-" + i;
                ids.add(id);
                producer.send(new ProducerRecord<>(
                        topic,
                        id,
                        anEnrichedArticle()
                                .withId(id)
                                .withTitle("Article " + i + " of wave " + wave)
                                .withEnrichedAt(Instant.parse("2026-12-04T00:00:00Z"))
                                .withEntity("Q423", EntityType.LOC, "North Korea", 2, 0.9)
                                .withEntity("Q159", EntityType.LOC, "Russia", 1, 0.9)
                                .withTopic("kp-ru-rapprochement", 0.8)
                                .build()));
            }
            producer.flush();
        }
        return ids;
    }

    /** Starts a sink like {@code EnrichedArticleSink.create} does, with the given poll interval, on its own thread. */
    private CompletableFuture<SinkProgress> start(
            RealKafkaStack stack,
            SchemaRegistryClient registry,
            String name,
            ArticleStore store,
            Duration pollInterval) {
        SinkConfig config = SinkConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers",
                stack.bootstrapServers(),
                "schema.registry.url",
                stack.schemaRegistryUrl(),
                "sink.jdbc.url",
                jdbcUrl,
                "sink.group.id",
                group,
                "sink.client.id",
                group + "-" + name,
                "sink.batch.size",
                "50",
                "sink.poll.timeout",
                "PT0.2S")));
        Properties consumerProps = EnrichedArticleSink.consumerProperties(config);
        consumerProps.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Long.toString(pollInterval.toMillis()));
        EnrichedArticleSink sink = new EnrichedArticleSink(
                new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                topic,
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer(),
                new KafkaProducer<>(
                        EnrichedArticleSink.producerProperties(config),
                        new ByteArraySerializer(),
                        AvroWireSerde.forValues(registry, DeadLetter.class).serializer()),
                store,
                config.pollTimeout(),
                Clock.systemUTC());
        stores.add(store);
        sinks.add(sink);
        CompletableFuture<SinkProgress> run = CompletableFuture.supplyAsync(() -> sink.runUntil(p -> false));
        runs.add(run);
        return run;
    }

    private JdbcArticleStore open() {
        return JdbcArticleStore.open(jdbcUrl);
    }

    private boolean onlyBOwnsEveryPartition(Admin admin) throws Exception {
        ConsumerGroupDescription d = describe(admin);
        if (d.groupState() != GroupState.STABLE || d.members().size() != 1) {
            return false;
        }
        MemberDescription only = d.members().iterator().next();
        return only.clientId().startsWith(group + "-b")
                && only.assignment().topicPartitions().size() == PARTITIONS;
    }

    private int members(Admin admin) throws Exception {
        ConsumerGroupDescription d = describe(admin);
        return d.groupState() == GroupState.STABLE ? d.members().size() : -1;
    }

    private ConsumerGroupDescription describe(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(group))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(group);
    }

    private boolean committedToTheEnd(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            long committedOffset = c == null ? 0 : c.offset();
            if (committedOffset != end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The real PostgreSQL store, counting the rows written, with its first batch held after it is written
     * (committed to the database) until {@code release} opens, before the sink gets to commit the offsets: the window
     * a rebalance must be able to fall into. An open {@code release} holds nothing.
     */
    private static final class HeldFirstWrite implements ArticleStore {
        private final ArticleStore store;
        private final CountDownLatch held;
        private final CountDownLatch release;
        private final AtomicInteger writes = new AtomicInteger();
        private final AtomicLong rows = new AtomicLong();

        HeldFirstWrite(ArticleStore store, CountDownLatch held, CountDownLatch release) {
            this.store = store;
            this.held = held;
            this.release = release;
        }

        @Override
        public void writeAll(List<ArticleWrite> batch) {
            store.writeAll(batch);
            rows.addAndGet(batch.size());
            if (writes.getAndIncrement() == 0) {
                held.countDown();
                try {
                    release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        long rowsWritten() {
            return rows.get();
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
}
