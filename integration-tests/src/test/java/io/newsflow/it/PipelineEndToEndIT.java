package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.text;
import static io.newsflow.testsupport.builders.Bytes.toArray;
import static io.newsflow.testsupport.builders.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestReport;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.StoredArticle;
import io.newsflow.testsupport.assertions.EnrichedArticleAssert;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline end to end through the REAL broker and REAL Apicurio registry started by the test support: files are
 * ingested by the ingest service, enriched by the Kafka Streams enricher (exactly-once) and stored in a real SQLite
 * file by the sink. One enricher serves the class, as in production.
 */
@WithRealKafkaStack
class PipelineEndToEndIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Path SEED =
            Path.of(System.getProperty("newsflow.project.dir", "..")).resolve("samples/seed-es-kp-us-letter.txt");

    @TempDir
    static Path workDir;

    private static SchemaRegistryClient registry;
    private static EnrichService enricher;

    @BeforeAll
    static void startEnricher(RealKafkaStack stack) throws InterruptedException {
        stack.createTopics(
                Topics.INGEST,
                Topics.ARTICLES_RAW,
                Topics.ARTICLES_ENRICHED,
                Topics.TRENDS,
                Topics.DLQ,
                Topics.TAXONOMY);
        registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", "it-enrich-" + UUID.randomUUID(),
                "enrich.state.dir", workDir.resolve("streams").toString())));
        ArticleEnricher articleEnricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichService.createMissingTopicTopics(config, articleEnricher.topicIds());
        enricher = EnrichService.start(config, EnrichSerdes.using(registry), articleEnricher);
        enricher.awaitRunning(WAIT);
    }

    @AfterAll
    static void stopEnricher() {
        if (enricher != null) {
            enricher.close();
        }
    }

    @Test
    void shouldCarryTheSeedArticleFromItsFileThroughKafkaIntoSqliteWithItsEntitiesAndTopics(RealKafkaStack stack)
            throws Exception {
        String jdbcUrl = "jdbc:sqlite:" + workDir.resolve("seed.db");
        IngestReport report = ingest(stack, List.of(ownCopyOfTheSeed()));
        assertThat(report.publishedCount()).isEqualTo(1);
        String id = report.published().get(0).articleId();

        StoredArticle stored = storeUntilPresent(stack, jdbcUrl, id);

        assertThat(stored.entities())
                .extracting(StoredArticle.Entity::entityId)
                .contains("Q56226", "Q22686", "Q423", "Q159", "Q30");
        assertThat(stored.topics())
                .extracting(StoredArticle.Topic::topicId)
                .contains("kp-ru-rapprochement", "us-kp-diplomacy");
        assertThat(stored.language()).isEqualTo("es");
        try (TopicProbe<String, EnrichedArticle> enriched = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_ENRICHED,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer())) {
            EnrichedArticleAssert.assertThat(enriched.awaitKey(id, WAIT).value())
                    .hasLanguage("es")
                    .hasEntities("Q56226", "Q22686", "Q423", "Q159", "Q30")
                    .hasTopics("kp-ru-rapprochement", "us-kp-diplomacy")
                    .hasMentionsMatchingTheirText();
        }
    }

    @Test
    void shouldPublishTheSeedArticleToTheTopicOfTheNorthKoreaRussiaRapprochement(RealKafkaStack stack)
            throws Exception {
        String id =
                ingest(stack, List.of(ownCopyOfTheSeed())).published().get(0).articleId();

        try (TopicProbe<String, EnrichedArticle> topic = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.forGeoTopic("kp-ru-rapprochement"),
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer())) {
            EnrichedArticle copy = topic.awaitKey(id, WAIT).value();
            EnrichedArticleAssert.assertThat(copy).hasTopics("kp-ru-rapprochement", "us-kp-diplomacy");
            assertThat(copy.getArticleId()).isEqualTo(id);
        }
    }

    @Test
    void shouldDropARepeatedIngestAsAnExactDuplicate(RealKafkaStack stack) throws Exception {
        Path copy = ownCopyOfTheSeed();
        String id = ingest(stack, List.of(copy)).published().get(0).articleId();
        awaitEnriched(stack, id);
        long droppedBefore = enricher.exactDuplicatesDropped();

        String again = ingest(stack, List.of(copy)).published().get(0).articleId();

        assertThat(again).isEqualTo(id);
        await("the repeated ingest counted as an exact duplicate, not published again")
                .atMost(WAIT)
                .until(enricher::exactDuplicatesDropped, dropped -> dropped > droppedBefore);
    }

    @Test
    void shouldStoreARedeliveredEnrichedRecordOnlyOnce(RealKafkaStack stack) throws Exception {
        String jdbcUrl = "jdbc:sqlite:" + workDir.resolve("redelivery-" + UUID.randomUUID() + ".db");
        String group = "it-sink-redelivery-" + UUID.randomUUID();
        String id =
                ingest(stack, List.of(ownCopyOfTheSeed())).published().get(0).articleId();
        storeUntil(stack, jdbcUrl, group, store -> store.find(id).isPresent());
        StoredArticle first = find(jdbcUrl, id);

        // the same enriched record once more on the topic, as a producer retry or a replay delivers it
        ConsumerRecord<String, byte[]> enriched = awaitEnriched(stack, id);
        RecordMetadata redelivered;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new StringSerializer(), new ByteArraySerializer())) {
            redelivered = producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, id, enriched.value()))
                    .get(30, TimeUnit.SECONDS);
        }
        TopicPartition partition = new TopicPartition(redelivered.topic(), redelivered.partition());
        storeUntil(stack, jdbcUrl, group, store -> committedOffset(stack, group, partition) > redelivered.offset());

        StoredArticle after = find(jdbcUrl, id);
        assertThat(rowsWithId(jdbcUrl, id)).isEqualTo(1);
        assertThat(after.kafkaOffset())
                .as("the redelivered record was read and written (the row names the offset it came from)")
                .isEqualTo(redelivered.offset());
        assertThat(after)
                .as("otherwise the row, its entities and topics as the first delivery wrote them")
                .usingRecursiveComparison()
                .ignoringFields("kafkaOffset")
                .isEqualTo(first);
    }

    @Test
    void shouldDeadLetterAnArticleTooLargeOnceEnrichedForTheBrokersLimitAndCarryOn(RealKafkaStack stack)
            throws Exception {
        // Given news-articles-enriched accepts at most 512 KiB for the length of this test (the broker's own check)
        String marker = UUID.randomUUID().toString();
        String bigId = "too-large-once-enriched-" + marker;
        String nextId = "after-the-refusal-" + marker;
        ConfigResource enrichedTopic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES_ENRICHED);
        try (Admin admin = stack.newAdmin()) {
            setMaxMessageBytes(admin, enrichedTopic, "524288");
            try {
                // When an article of 300 KB whose 32,000 place mentions make its enrichment larger than that arrives,
                // and then an ordinary one
                String body = "Madrid y Sevilla. ".repeat(16_000) + marker;
                RecordMetadata bigSent;
                try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                        stack.clientConfig(),
                        new StringSerializer(),
                        AvroWireSerde.forValues(registry, RawArticle.class).serializer())) {
                    bigSent = producer.send(new ProducerRecord<>(
                                    Topics.ARTICLES_RAW,
                                    bigId,
                                    RawArticleBuilder.aRawArticle()
                                            .withId(bigId)
                                            .withTitle("Madrid y Sevilla")
                                            .withBody(body)
                                            .build()))
                            .get(30, TimeUnit.SECONDS);
                    producer.send(new ProducerRecord<>(
                                    Topics.ARTICLES_RAW,
                                    nextId,
                                    RawArticleBuilder.aRawArticle()
                                            .withId(nextId)
                                            .withTitle("Rusia y Corea del Norte " + marker)
                                            .withBody("Negociaciones en Moscú. " + marker)
                                            .build()))
                            .get(30, TimeUnit.SECONDS);
                }

                // Then the article is in news-dlq with the reason, naming its input. Two paths, both correct: the
                // enricher has read the topic's new limit before enriching it (every 15 s), and the letter carries the
                // raw bytes; or it has not, the broker refuses the record, the transaction is aborted, the enricher
                // reads the limits again and retries, and the check just before publishing dead-letters it without
                // the raw bytes, which stay at the raw offset the letter names ...
                try (TopicProbe<String, DeadLetter> dlq = TopicProbe.fromBeginning(
                        stack.bootstrapServers(),
                        Topics.DLQ,
                        new StringDeserializer(),
                        AvroWireSerde.forValues(registry, DeadLetter.class).deserializer())) {
                    DeadLetter letter = dlq.awaitKey(bigId, WAIT).value();
                    assertThat(letter.getStage()).isEqualTo("enrich");
                    assertThat(letter.getErrorMessage())
                            .contains("larger than the 524288 bytes its output topics accept");
                    assertThat(letter.getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
                    assertThat(letter.getSourcePartition()).isEqualTo(bigSent.partition());
                    assertThat(letter.getSourceOffset()).isEqualTo(bigSent.offset());
                    if (letter.getValue() == null) {
                        assertThat(letter.getErrorMessage())
                                .contains("found just before publishing")
                                .contains(Topics.ARTICLES_RAW + "-" + bigSent.partition() + "@" + bigSent.offset());
                    } else {
                        RawArticle input = AvroWireSerde.forValues(registry, RawArticle.class)
                                .deserializer()
                                .deserialize(Topics.ARTICLES_RAW, toArray(letter.getValue()));
                        assertThat(input.getArticleId()).isEqualTo(bigId);
                    }
                }
                // ... and the enricher carried on with the next one
                assertThat(awaitEnriched(stack, nextId).key()).isEqualTo(nextId);
                assertThat(enricher.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.RUNNING);
            } finally {
                setMaxMessageBytes(admin, enrichedTopic, Integer.toString(Topics.MAX_MESSAGE_BYTES));
            }
        }
    }

    private static void setMaxMessageBytes(Admin admin, ConfigResource topic, String bytes) throws Exception {
        admin.incrementalAlterConfigs(Map.of(
                        topic,
                        List.of(new AlterConfigOp(
                                new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET))))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    private static long rowsWithId(String jdbcUrl, String articleId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM articles WHERE article_id = ?")) {
            count.setString(1, articleId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void shouldKeepEveryRejectedLineOfAFileInTheDeadLetterTopicWithItsReason(RealKafkaStack stack) throws Exception {
        String marker = UUID.randomUUID().toString();
        Path file = workDir.resolve("mixed-" + marker + ".jsonl");
        String noBody = "{\"id\":\"no-body-" + marker + "\",\"title\":\"Titular sin texto\"}";
        String notJson = "{this is not json " + marker;
        Files.writeString(
                file,
                String.join(
                                "\n",
                                "{\"id\":\"good-" + marker
                                        + "\",\"title\":\"Rusia y Ucrania\",\"text\":\"Negociaciones de paz.\"}",
                                noBody,
                                notJson)
                        + "\n",
                StandardCharsets.UTF_8);

        IngestReport report = ingest(stack, List.of(file));

        assertThat(report.publishedCount()).isEqualTo(1);
        assertThat(report.rejected()).hasSize(2);
        assertThat(report.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        try (TopicProbe<String, DeadLetter> dlq = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.DLQ,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).deserializer())) {
            DeadLetter missingBody = dlq.awaitRecord(
                            r -> r.value().getOrigin() != null
                                    && r.value().getOrigin().endsWith(file.getFileName() + ":2"),
                            WAIT)
                    .value();
            DeadLetter invalid = dlq.awaitRecord(
                            r -> r.value().getOrigin() != null
                                    && r.value().getOrigin().endsWith(file.getFileName() + ":3"),
                            WAIT)
                    .value();
            assertThat(missingBody.getStage()).isEqualTo("ingest-file");
            assertThat(missingBody.getErrorMessage()).containsIgnoringCase("body");
            assertThat(text(missingBody.getValue())).isEqualTo(noBody);
            assertThat(text(invalid.getValue())).isEqualTo(notJson);
            assertThat(invalid.getErrorMessage()).containsIgnoringCase("json");
        }
    }

    @Test
    void shouldDeadLetterAnUndecodableRawRecordWithItsOffsetAndKeepEnriching(RealKafkaStack stack) throws Exception {
        String marker = UUID.randomUUID().toString();
        byte[] garbage = ("not an avro record " + marker).getBytes(StandardCharsets.UTF_8);
        RawArticle good = RawArticleBuilder.aRawArticle()
                .withId("after-garbage-" + marker)
                .withTitle("Corea del Norte y Rusia")
                .withBody("Pyongyang y Moscú firman un tratado militar. "
                        + marker) // own text: the same text would be a duplicate
                .build();
        RecordMetadata garbageAt;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            garbageAt = producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, utf8("garbage-" + marker), garbage))
                    .get(30, TimeUnit.SECONDS);
            byte[] goodBytes = AvroWireSerde.forValues(registry, RawArticle.class)
                    .serializer()
                    .serialize(Topics.ARTICLES_RAW, good);
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, utf8(good.getArticleId()), goodBytes))
                    .get(30, TimeUnit.SECONDS);
        }

        try (TopicProbe<String, DeadLetter> dlq = TopicProbe.fromBeginning(
                        stack.bootstrapServers(),
                        Topics.DLQ,
                        new StringDeserializer(),
                        AvroWireSerde.forValues(registry, DeadLetter.class).deserializer());
                TopicProbe<String, EnrichedArticle> enriched = TopicProbe.fromBeginning(
                        stack.bootstrapServers(),
                        Topics.ARTICLES_ENRICHED,
                        new StringDeserializer(),
                        AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer())) {
            ConsumerRecord<String, DeadLetter> dead = dlq.awaitKey("garbage-" + marker, WAIT);
            assertThat(dead.value().getStage()).isEqualTo("enrich");
            assertThat(dead.value().getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
            assertThat(dead.value().getSourcePartition()).isEqualTo(garbageAt.partition());
            assertThat(dead.value().getSourceOffset()).isEqualTo(garbageAt.offset());
            assertThat(toArray(dead.value().getValue())).isEqualTo(garbage);
            EnrichedArticleAssert.assertThat(
                            enriched.awaitKey(good.getArticleId(), WAIT).value())
                    .hasEntities("Q423", "Q159");
        }
    }

    private IngestReport ingest(RealKafkaStack stack, List<Path> paths) {
        IngestConfig config = IngestConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl())));
        Clock clock = Clock.systemUTC();
        try (ArticlePublisher publisher = ArticlePublisher.create(config, clock)) {
            return new FileIngestor(new ArticleFileReader(), new ArticleNormaliser(clock, "it"), publisher)
                    .ingest(paths);
        }
    }

    /** Runs a sink (own consumer group) until the article is in the database, then reads it back. */
    private StoredArticle storeUntilPresent(RealKafkaStack stack, String jdbcUrl, String articleId) throws Exception {
        storeUntil(
                stack,
                jdbcUrl,
                "it-sink-" + UUID.randomUUID(),
                store -> store.find(articleId).isPresent());
        return find(jdbcUrl, articleId);
    }

    private static StoredArticle find(String jdbcUrl, String articleId) {
        try (ArticleStore store = JdbcArticleStore.open(jdbcUrl)) {
            return store.find(articleId).orElseThrow();
        }
    }

    /**
     * Runs a sink of {@code group} until {@code done} holds after a poll, then stops it and waits for its loop to
     * return before closing it (closing a consumer that another thread still polls would hide the real failure
     * behind a ConcurrentModificationException).
     */
    private void storeUntil(
            RealKafkaStack stack, String jdbcUrl, String group, java.util.function.Predicate<ArticleStore> done)
            throws Exception {
        SinkConfig config = SinkConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers",
                stack.bootstrapServers(),
                "schema.registry.url",
                stack.schemaRegistryUrl(),
                "sink.jdbc.url",
                jdbcUrl,
                "sink.group.id",
                group)));
        try (ArticleStore store = JdbcArticleStore.open(jdbcUrl);
                EnrichedArticleSink sink = EnrichedArticleSink.create(config, store, Clock.systemUTC())) {
            CompletableFuture<?> run = CompletableFuture.runAsync(() -> sink.runUntil(p -> done.test(store)));
            try {
                run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                sink.shutdown();
                try {
                    run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // the first get already reported it; this wait only keeps close() after the loop's end
                }
            }
        }
    }

    /** The enriched record of {@code id}, its value as the bytes on the topic. */
    private static ConsumerRecord<String, byte[]> awaitEnriched(RealKafkaStack stack, String id) {
        try (TopicProbe<String, byte[]> enriched = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_ENRICHED,
                new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            return enriched.awaitKey(id, WAIT);
        }
    }

    private static long committedOffset(RealKafkaStack stack, String group, TopicPartition partition) {
        try (Admin admin = stack.newAdmin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of group " + group, e);
        }
    }

    /**
     * A copy of the seed article with a line of its own, so that its id (derived from the text) belongs to this
     * test alone: other tests, of this class and of others sharing the stack, ingest the seed too.
     */
    private static Path ownCopyOfTheSeed() throws java.io.IOException {
        String marker = UUID.randomUUID().toString();
        Path copy = workDir.resolve("seed-" + marker + ".txt");
        Files.writeString(
                copy,
                Files.readString(SEED, StandardCharsets.UTF_8) + "\nReferencia " + marker + ".\n",
                StandardCharsets.UTF_8);
        return copy;
    }
}
