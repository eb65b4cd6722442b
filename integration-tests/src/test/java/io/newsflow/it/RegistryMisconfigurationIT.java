package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.testsupport.builders.EnrichedArticleBuilder;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry the service cannot use must stop it (or make it wait), never empty its input into {@code news-dlq}: the
 * enricher and the sink against the REAL Apicurio registry reached under a wrong path, and a registry that does not
 * answer at all. The dead-letter path keeps the real registry, as it would in a service that wrote a dead letter
 * before its reads began to fail (the id of the dead-letter schema is cached): so only the classification of the
 * read failure decides between "stop" and "dead-letter and commit".
 */
@WithRealKafkaStack
class RegistryMisconfigurationIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path workDir;

    private RealKafkaStack stack;
    private SchemaRegistryClient registry;
    private String run;

    @BeforeEach
    void setUp(RealKafkaStack stack) {
        this.stack = stack;
        this.registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        this.run = UUID.randomUUID().toString().substring(0, 8);
        stack.createTopics(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.DLQ, Topics.TRENDS, Topics.TAXONOMY);
    }

    /** The real registry's host and port with a path under which it has no API, as a typo in the URL gives. */
    private SchemaRegistryClient wrongPath() {
        return new RestSchemaRegistryClient(stack.schemaRegistryUrl() + "x");
    }

    @Test
    void shouldStopTheSinkWithoutDeadLetteringOrCommittingWhenTheRegistryUrlHasAWrongPath() throws Exception {
        produceEnriched("wrong-path-sink-" + run);
        String group = "it-wrong-path-sink-" + run;

        Throwable thrown;
        try (ArticleStore store = JdbcArticleStore.open("jdbc:sqlite:" + workDir.resolve("sink.db"));
                EnrichedArticleSink sink = sink(group, wrongPath(), store)) {
            thrown = catchThrowable(() -> sink.runUntil(
                    p -> p.deadLettered() > 0 || p.stored() > 0 || p.idle().compareTo(Duration.ofSeconds(30)) > 0));
        }

        assertThat(thrown)
                .as("the sink stops, naming the registry's path as the reason")
                .isNotNull()
                .hasStackTraceContaining("no Confluent-compatible registry API at this path");
        assertThat(committedOffsets(group))
                .as("nothing committed for the group")
                .isEmpty();
    }

    @Test
    void shouldKeepTheSinkWaitingWithoutCommittingWhileTheRegistryDoesNotAnswer() throws Exception {
        produceEnriched("no-registry-sink-" + run);
        String group = "it-no-registry-sink-" + run;
        // nothing listens on port 1 of the loopback: a registry that is down
        SchemaRegistryClient down = new RestSchemaRegistryClient(
                "http://127.0.0.1:1",
                RestSchemaRegistryClient.Options.DEFAULTS.withRetries(2, Duration.ofMillis(50), Duration.ofMillis(50)));

        try (ArticleStore store = JdbcArticleStore.open("jdbc:sqlite:" + workDir.resolve("down.db"));
                EnrichedArticleSink sink = sink(group, down, store)) {
            CompletableFuture<?> running = CompletableFuture.runAsync(sink::run);
            try {
                await("the sink reports itself unhealthy")
                        .atMost(WAIT)
                        .until(() -> !sink.health().healthy());
            } finally {
                sink.shutdown();
                running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            assertThat(sink.health().problem()).contains("127.0.0.1:1");
        }

        assertThat(committedOffsets(group)).isEmpty();
    }

    @Test
    void shouldStopTheEnricherWithoutDeadLetteringWhenTheRegistryUrlHasAWrongPath() throws Exception {
        String id = "wrong-path-enrich-" + run;
        RawArticle article = RawArticleBuilder.aRawArticle()
                .withId(id)
                .withTitle("Corea del Norte y Rusia " + run)
                .withBody("Pyongyang y Moscú firman un tratado militar. " + run)
                .build();
        RecordMetadata sent;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] value = AvroWireSerde.forValues(registry, RawArticle.class)
                    .serializer()
                    .serialize(Topics.ARTICLES_RAW, article);
            sent = producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, utf8(id), value))
                    .get(30, TimeUnit.SECONDS);
        }
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", "it-wrong-path-enrich-" + run,
                "enrich.state.dir", workDir.resolve("streams").toString())));
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichService.createMissingTopicTopics(config, enricher.topicIds());
        EnrichSerdes serdes = new EnrichSerdes(
                AvroWireSerde.forValues(wrongPath(), RawArticle.class).deserializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class),
                AvroWireSerde.forValues(registry, DeadLetter.class),
                AvroWireSerde.forValues(registry, TrendUpdate.class));

        try (EnrichService service = EnrichService.start(config, serdes, enricher)) {
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
                try {
                    service.awaitStopped();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(service.failure())
                    .as("the enricher stopped by itself, saying why")
                    .hasValueSatisfying(e ->
                            assertThat(e).hasStackTraceContaining("no Confluent-compatible registry API at this path"));
        }
        try (TopicProbe<String, DeadLetter> dlq = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.DLQ,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).deserializer())) {
            Throwable found = catchThrowable(() -> dlq.awaitRecord(
                    r -> r.value().getSourceTopic() != null
                            && r.value().getSourceTopic().equals(Topics.ARTICLES_RAW)
                            && r.value().getSourcePartition() == sent.partition()
                            && r.value().getSourceOffset() == sent.offset(),
                    Duration.ofSeconds(5)));
            assertThat(found).as("no dead letter for the good record").isNotNull();
        }
    }

    private EnrichedArticleSink sink(String group, SchemaRegistryClient readRegistry, ArticleStore store) {
        Map<String, Object> consumer = stack.clientConfig();
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new EnrichedArticleSink(
                new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                AvroWireSerde.forValues(readRegistry, EnrichedArticle.class).deserializer(),
                new KafkaProducer<>(
                        stack.clientConfig(),
                        new ByteArraySerializer(),
                        AvroWireSerde.forValues(registry, DeadLetter.class).serializer()),
                store,
                Duration.ofMillis(500),
                Clock.systemUTC());
    }

    private void produceEnriched(String id) throws Exception {
        EnrichedArticle article =
                EnrichedArticleBuilder.anEnrichedArticle().withId(id).build();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] value = AvroWireSerde.forValues(registry, EnrichedArticle.class)
                    .serializer()
                    .serialize(Topics.ARTICLES_ENRICHED, article);
            producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, utf8(id), value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) throws Exception {
        try (Admin admin = stack.newAdmin()) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
