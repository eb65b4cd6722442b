package io.newsflow.it;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkProgress;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sink instances in one consumer group on the REAL broker: the second joining forces a rebalance while the first
 * is writing, and every article still ends up stored exactly once, with neither sink stopping.
 */
@WithRealKafkaStack
class SinkRebalanceIT {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void shouldStoreEveryArticleOnceWhenASecondSinkJoinsTheGroupMidStream(RealKafkaStack stack) throws Exception {
        stack.createTopics(Topics.ARTICLES_ENRICHED, Topics.DLQ);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String jdbcUrl = "jdbc:sqlite:" + dir.resolve("rebalance.db");
        SinkConfig config = SinkConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers",
                stack.bootstrapServers(),
                "schema.registry.url",
                stack.schemaRegistryUrl(),
                "sink.jdbc.url",
                jdbcUrl,
                "sink.group.id",
                "it-sink-rebalance-" + run,
                "sink.batch.size",
                "20")));
        List<String> ids = IntStream.range(0, 300).mapToObj(i -> run + "-" + i).toList();

        // its own threads: the common pool has a single thread on a 2-core machine, and each sink needs one
        ExecutorService threads = Executors.newFixedThreadPool(2);
        // a store per sink (a store is used by one thread), and one more for the test's own reads
        try (ArticleStore storeA = JdbcArticleStore.open(jdbcUrl);
                ArticleStore storeB = JdbcArticleStore.open(jdbcUrl);
                ArticleStore check = JdbcArticleStore.open(jdbcUrl);
                KafkaProducer<String, EnrichedArticle> producer = producer(stack)) {
            EnrichedArticleSink sinkA = EnrichedArticleSink.create(config, storeA, Clock.systemUTC());
            EnrichedArticleSink sinkB = EnrichedArticleSink.create(config, storeB, Clock.systemUTC());
            AtomicLong storedByB = new AtomicLong();
            CompletableFuture<SinkProgress> runA =
                    CompletableFuture.supplyAsync(() -> sinkA.runUntil(p -> false), threads);
            CompletableFuture<SinkProgress> runB = null;
            SinkProgress a;
            SinkProgress b;
            try {
                produce(producer, ids.subList(0, 150));
                await().atMost(WAIT).until(() -> check.find(ids.get(0)).isPresent());

                // B's join makes the group rebalance under A; articles keep coming until B has stored some
                runB = CompletableFuture.supplyAsync(
                        () -> sinkB.runUntil(p -> {
                            storedByB.set(p.stored());
                            return false;
                        }),
                        threads);
                CompletableFuture<SinkProgress> startedB = runB;
                AtomicInteger next = new AtomicInteger(150);
                await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    int from = next.getAndAdd(10);
                    if (from < ids.size()) {
                        produce(producer, ids.subList(from, Math.min(ids.size(), from + 10)));
                    }
                    return startedB.isDone() || storedByB.get() > 0;
                });
                assertThat(startedB).as("sink B runs").isNotDone();
                if (next.get() < ids.size()) {
                    produce(producer, ids.subList(next.get(), ids.size()));
                }

                await().atMost(WAIT)
                        .until(() -> ids.stream().allMatch(id -> check.find(id).isPresent()));
                assertThat(runA).as("sink A still running after the rebalance").isNotDone();
                assertThat(runB).as("sink B still running after the rebalance").isNotDone();
            } finally {
                sinkA.shutdown();
                sinkB.shutdown();
                a = runA.get();
                b = runB == null ? null : runB.get();
                sinkA.close();
                sinkB.close();
            }
            assertThat(a.stored() + b.stored())
                    .as("stored by the two sinks (a record re-read after a rebalance is rewritten: one row per id)")
                    .isGreaterThanOrEqualTo(ids.size());
            assertThat(b.stored()).as("the second sink took partitions").isPositive();
            assertThat(a.deadLettered() + b.deadLettered()).isZero();
            // by id: the group starts at the earliest record, so it also stores what other test classes enriched
            assertThat(ids).allSatisfy(id -> assertThat(check.find(id)).isPresent());
        } finally {
            threads.shutdownNow();
        }
    }

    private static KafkaProducer<String, EnrichedArticle> producer(RealKafkaStack stack) {
        Map<String, Object> props = new java.util.HashMap<>(stack.clientConfig());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(
                props,
                new StringSerializer(),
                AvroWireSerde.forValues(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), EnrichedArticle.class)
                        .serializer());
    }

    private static void produce(KafkaProducer<String, EnrichedArticle> producer, List<String> ids) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (String id : ids) {
            acks.add(producer.send(new ProducerRecord<>(
                    Topics.ARTICLES_ENRICHED, id, anEnrichedArticle().withId(id).build())));
        }
        producer.flush();
        acks.forEach(f -> {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
