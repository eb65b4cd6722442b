package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enricher instances with one application id share the partitions of {@code news-articles-raw}; one is a real
 * child JVM running {@code newsflow enrich} from the distribution's classpath and is killed with SIGKILL while
 * articles are in flight. The other takes its partitions over, and with exactly-once every article appears exactly
 * once in {@code news-articles-enriched} as a read_committed consumer sees it.
 */
@WithRealKafkaStack
class EnricherScaleOutIT {

    private static final Path PROJECT = Path.of(System.getProperty("newsflow.project.dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final int PARTITIONS = 4;
    private static final int ARTICLES = 24;
    private static final Duration WAIT = Duration.ofMinutes(4);

    @TempDir
    Path workDir;

    @Test
    void shouldLoseAndDuplicateNoArticleWhenOneOfTwoInstancesIsKilled(RealKafkaStack stack) throws Exception {
        String applicationId = "it-scale-out-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        prepareTopics(stack);
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        List<String> ids = IntStream.range(0, ARTICLES)
                .mapToObj(i -> "scale-" + marker + "-" + i)
                .toList();

        Process child = startChildEnricher(stack, applicationId);
        try (EnrichService inProcess = EnrichService.start(
                        config(stack, applicationId, workDir.resolve("streams-b")),
                        EnrichSerdes.using(registry),
                        ArticleEnricher.withDefaultKnowledgeBase());
                Admin admin = stack.newAdmin()) {
            inProcess.awaitRunning(WAIT);
            await("both instances own raw partitions")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> rawPartitionsPerMember(admin, applicationId),
                            owners -> owners.size() == 2 && owners.stream().allMatch(n -> n > 0));

            publish(stack, registry, ids.subList(0, ARTICLES / 2));
            awaitEnriched(stack, registry, Set.copyOf(ids.subList(0, ARTICLES / 2)));
            publish(stack, registry, ids.subList(ARTICLES / 2, ARTICLES));
            child.destroyForcibly(); // SIGKILL on Unix: no leave-group, no transaction abort
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await("the surviving instance owns every raw partition")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> rawPartitionsPerMember(admin, applicationId),
                            owners -> owners.equals(List.of(PARTITIONS)));
            awaitEnriched(stack, registry, Set.copyOf(ids));
            await("every record of every input and repartition topic is committed as consumed")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> lag(admin, applicationId), lag -> lag == 0);

            Map<String, Integer> copies = copiesInEnrichedTopic(stack, registry, marker);
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(copies).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        } finally {
            child.destroyForcibly();
            deleteArticleRecords(stack);
        }
    }

    /**
     * Leaves the shared stack's article topics empty: the other test classes start enrichers under new application
     * ids, which read {@code news-articles-raw} from its beginning, and count what their sinks store.
     */
    private static void deleteArticleRecords(RealKafkaStack stack) throws Exception {
        try (Admin admin = stack.newAdmin()) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.equals(Topics.ARTICLES_RAW)
                            || t.equals(Topics.ARTICLES_ENRICHED)
                            || t.startsWith(Topics.GEO_TOPIC_PREFIX))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(names)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(p -> ends.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            admin.listOffsets(ends)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((tp, end) -> deletions.put(tp, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(deletions).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void prepareTopics(RealKafkaStack stack) throws Exception {
        stack.createTopics(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.TRENDS, Topics.DLQ, Topics.TAXONOMY);
        try (Admin admin = stack.newAdmin()) {
            int raw = admin.describeTopics(List.of(Topics.ARTICLES_RAW))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(Topics.ARTICLES_RAW)
                    .partitions()
                    .size();
            if (raw < PARTITIONS) {
                admin.createPartitions(Map.of(Topics.ARTICLES_RAW, NewPartitions.increaseTo(PARTITIONS)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        }
        EnrichService.createMissingTopicTopics(
                config(stack, "unused", Path.of("unused")),
                ArticleEnricher.withDefaultKnowledgeBase().topicIds());
    }

    private static EnrichConfig config(RealKafkaStack stack, String applicationId, Path stateDir) {
        return EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", applicationId,
                "enrich.state.dir", stateDir.toString())));
    }

    /** {@code newsflow enrich} in its own JVM, on the distribution's classpath, as {@code ./newsflow enrich} runs it. */
    private Process startChildEnricher(RealKafkaStack stack, String applicationId) throws Exception {
        Path appTarget = PROJECT.resolve("app/target");
        Path jar;
        try (Stream<Path> files = Files.list(appTarget)) {
            jar = files.filter(p -> p.getFileName().toString().matches("newsflow-app-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no app jar in " + appTarget + "; package app first"));
        }
        Path stderr = workDir.resolve("child-enricher.err");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-cp",
                        jar + File.pathSeparator + appTarget.resolve("newsflow/lib") + File.separator + "*",
                        "io.newsflow.app.Newsflow",
                        "enrich",
                        "--set",
                        "kafka.bootstrap.servers=" + stack.bootstrapServers(),
                        "--set",
                        "schema.registry.url=" + stack.schemaRegistryUrl(),
                        "--set",
                        "enrich.application.id=" + applicationId,
                        "--set",
                        "enrich.state.dir=" + workDir.resolve("streams-a"))
                .redirectOutput(workDir.resolve("child-enricher.out").toFile())
                .redirectError(stderr.toFile())
                .start();
        await("the child enricher is running")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the child enricher exited: " + Files.readString(stderr));
                    }
                    return Files.readString(stderr).contains("enricher running");
                });
        return process;
    }

    /** How many raw partitions each member of the group owns, one entry per member, sorted. */
    private static List<Integer> rawPartitionsPerMember(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(group);
        Collection<MemberDescription> members = description.members();
        return members.stream()
                .map(m -> (int) m.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(Topics.ARTICLES_RAW))
                        .count())
                .sorted()
                .toList();
    }

    /**
     * Records not yet committed as consumed by the group, over every partition it has committed offsets for: the raw
     * topic and the three repartition topics. Zero means every output of every consumed record is committed.
     */
    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(Topics.ARTICLES_RAW, p), OffsetSpec.latest());
        }
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private static void publish(RealKafkaStack stack, SchemaRegistryClient registry, List<String> ids)
            throws Exception {
        var serializer = AvroWireSerde.forValues(registry, RawArticle.class).serializer();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String id : ids) {
                RawArticle article = RawArticleBuilder.aRawArticle()
                        .withId(id)
                        .withTitle("Despacho " + id + ": Corea del Norte y Rusia")
                        .withBody("Informe " + id + " " + UUID.randomUUID() + ". Pyongyang y Moscú firmaron un "
                                + "acuerdo militar; " + UUID.randomUUID() + " según la agencia.")
                        .build();
                producer.send(new ProducerRecord<>(
                        Topics.ARTICLES_RAW, utf8(id), serializer.serialize(Topics.ARTICLES_RAW, article)));
            }
            producer.flush();
        }
    }

    private static void awaitEnriched(RealKafkaStack stack, SchemaRegistryClient registry, Set<String> ids) {
        try (KafkaConsumer<String, EnrichedArticle> consumer = enrichedConsumer(stack, registry)) {
            Set<String> seen = new java.util.HashSet<>();
            await("articles enriched: " + ids.size())
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
                        return seen.containsAll(ids);
                    });
        }
    }

    /** Reads the whole enriched topic (committed records only) and counts this test's articles by id. */
    private static Map<String, Integer> copiesInEnrichedTopic(
            RealKafkaStack stack, SchemaRegistryClient registry, String marker) {
        try (KafkaConsumer<String, EnrichedArticle> consumer = enrichedConsumer(stack, registry)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            List<String> keys = new ArrayList<>();
            await("the enriched topic read to its end")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    });
            return keys.stream()
                    .filter(k -> k != null && k.contains(marker))
                    .collect(Collectors.toMap(k -> k, k -> 1, Integer::sum));
        }
    }

    private static KafkaConsumer<String, EnrichedArticle> enrichedConsumer(
            RealKafkaStack stack, SchemaRegistryClient registry) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(
                config,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.ARTICLES_ENRICHED, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(Topics.ARTICLES_ENRICHED, p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
