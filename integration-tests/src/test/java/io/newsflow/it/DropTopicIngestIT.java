package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.toArray;
import static io.newsflow.testsupport.builders.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.drop.DropRecordReader;
import io.newsflow.ingest.drop.DropTopicIngestor;
import io.newsflow.ingest.drop.DropTopicProgress;
import io.newsflow.ingest.drop.DropTopicStoppedException;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code news-ingest} drop-topic service on the REAL broker and REAL Apicurio registry: what people drop there
 * (JSON, plain text, Avro in the wire format, and bad records of every kind) comes out on {@code news-articles-raw}
 * or {@code news-dlq} exactly once, counted with {@code read_committed} consumers after the service's consumer
 * group has committed past the inputs. Every test has its own group, transactional id and article ids; since a new
 * group reads the topic from the beginning, outputs are counted by this test's ids and offsets only.
 */
@WithRealKafkaStack
class DropTopicIngestIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final List<Runnable> cleanUp = new ArrayList<>();
    private SchemaRegistryClient registry;
    private String marker;

    @BeforeAll
    static void createTopics(RealKafkaStack stack) {
        stack.createTopics(Topics.INGEST, Topics.ARTICLES_RAW, Topics.DLQ);
    }

    @AfterEach
    void stopServices() {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            cleanUp.get(i).run();
        }
    }

    private IngestConfig config(RealKafkaStack stack, String groupAndTransactionalId) {
        registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        return IngestConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers",
                stack.bootstrapServers(),
                "schema.registry.url",
                stack.schemaRegistryUrl(),
                "ingest.source",
                "it-drop",
                "ingest.group.id",
                groupAndTransactionalId,
                "ingest.transactional.id",
                groupAndTransactionalId,
                "ingest.retry.backoff",
                "PT0.2S",
                "ingest.poll.timeout",
                "PT0.2S")));
    }

    private IngestConfig newConfig(RealKafkaStack stack) {
        marker = UUID.randomUUID().toString();
        return config(stack, "it-drop-" + marker);
    }

    /** Runs the service on its own thread until the test ends. */
    private Future<?> start(DropTopicIngestor service) {
        CompletableFuture<Void> run = CompletableFuture.runAsync(service);
        cleanUp.add(() -> {
            service.shutdown();
            run.handle((ok, error) -> null).orTimeout(30, TimeUnit.SECONDS).join();
            service.close();
        });
        return run;
    }

    private static List<RecordMetadata> drop(RealKafkaStack stack, List<ProducerRecord<byte[], byte[]>> records)
            throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        Map<String, Object> props = stack.clientConfig();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(record).get(30, TimeUnit.SECONDS));
            }
        }
        return sent;
    }

    private static ProducerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ProducerRecord<>(Topics.INGEST, key == null ? null : utf8(key), value);
    }

    private byte[] avro(RawArticle article) {
        return AvroWireSerde.forValues(registry, RawArticle.class).serializer().serialize(Topics.INGEST, article);
    }

    /** Waits until the group has committed past every input: from then on its outputs are all visible. */
    private static void awaitCommittedPast(RealKafkaStack stack, String group, List<RecordMetadata> inputs) {
        Map<TopicPartition, Long> needed = new HashMap<>();
        for (RecordMetadata m : inputs) {
            needed.merge(new TopicPartition(m.topic(), m.partition()), m.offset() + 1, Math::max);
        }
        try (Admin admin = stack.newAdmin()) {
            await("group " + group + " committed past " + needed).atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                return needed.entrySet().stream()
                        .allMatch(e -> committed.get(e.getKey()) != null
                                && committed.get(e.getKey()).offset() >= e.getValue());
            });
        }
    }

    /** Every record of the topic up to its current end, with the given isolation level. */
    private static <K, V> List<ConsumerRecord<K, V>> readAll(
            RealKafkaStack stack, String topic, Deserializer<K> keys, Deserializer<V> values, String isolation) {
        Map<String, Object> props = stack.clientConfig();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> all = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await("reading " + topic + " to its end").atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return all;
    }

    private List<RawArticle> committedArticles(RealKafkaStack stack, String articleId) {
        return articles(stack, "read_committed").stream()
                .filter(r -> articleId.equals(r.key()))
                .map(KeyedArticle::value)
                .toList();
    }

    /** An article record of news-articles-raw. */
    private record KeyedArticle(String key, RawArticle value) {}

    /**
     * Every article on news-articles-raw; records that are not RawArticles (other test classes of this JVM put
     * garbage there on purpose) are skipped.
     */
    private List<KeyedArticle> articles(RealKafkaStack stack, String isolation) {
        Deserializer<RawArticle> avro =
                AvroWireSerde.forValues(registry, RawArticle.class).deserializer();
        List<KeyedArticle> articles = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r :
                readAll(stack, Topics.ARTICLES_RAW, new StringDeserializer(), new ByteArrayDeserializer(), isolation)) {
            try {
                articles.add(new KeyedArticle(r.key(), avro.deserialize(r.topic(), r.value())));
            } catch (RuntimeException notAnArticle) {
                // not written by an ingest service
            }
        }
        return articles;
    }

    private List<ConsumerRecord<byte[], DeadLetter>> committedDeadLettersOf(RealKafkaStack stack, RecordMetadata in) {
        return readAll(
                        stack,
                        Topics.DLQ,
                        new ByteArrayDeserializer(),
                        AvroWireSerde.forValues(registry, DeadLetter.class).deserializer(),
                        "read_committed")
                .stream()
                .filter(r -> Topics.INGEST.equals(r.value().getSourceTopic())
                        && Objects.equals(r.value().getSourcePartition(), in.partition())
                        && Objects.equals(r.value().getSourceOffset(), in.offset()))
                .toList();
    }

    private static String origin(RecordMetadata m) {
        return Topics.INGEST + "-" + m.partition() + "@" + m.offset();
    }

    @Test
    void shouldPublishAJsonATextAndAnAvroRecordExactlyOnceEach(RealKafkaStack stack) throws Exception {
        IngestConfig config = newConfig(stack);
        String jsonId = "json-" + marker;
        String textId = "text-" + marker;
        String avroId = "avro-" + marker;
        RawArticle sent = RawArticleBuilder.aRawArticle()
                .withId(avroId)
                .withTitle("Corea del Norte y Rusia " + marker)
                .withBody("Pyongyang y Moscú firman un tratado.")
                .build();
        List<RecordMetadata> in = drop(
                stack,
                List.of(
                        record(
                                null,
                                utf8("{\"id\":\"" + jsonId + "\",\"title\":\"Rusia y Ucrania\",\"text\":\"Paz.\"}")),
                        record(textId, utf8("Titular de prueba " + marker + "\n\nEntradilla.\n\nCuerpo del texto.\n")),
                        record(null, avro(sent))));
        start(DropTopicIngestor.create(config, Clock.systemUTC()));

        awaitCommittedPast(stack, config.dropTopic().groupId(), in);

        List<RawArticle> json = committedArticles(stack, jsonId);
        List<RawArticle> text = committedArticles(stack, textId);
        List<RawArticle> avro = committedArticles(stack, avroId);
        assertThat(json).hasSize(1);
        assertThat(text).hasSize(1);
        assertThat(avro).hasSize(1);
        assertThat(json.get(0).getTitle()).isEqualTo("Rusia y Ucrania");
        assertThat(json.get(0).getOrigin()).isEqualTo(origin(in.get(0)));
        assertThat(text.get(0).getTitle()).isEqualTo("Titular de prueba " + marker);
        assertThat(text.get(0).getLede()).isEqualTo("Entradilla.");
        assertThat(text.get(0).getBody()).isEqualTo("Cuerpo del texto.");
        assertThat(avro.get(0).getTitle()).isEqualTo(sent.getTitle());
        assertThat(avro.get(0).getOrigin()).isEqualTo(origin(in.get(2)));
        assertThat(List.of(json.get(0), text.get(0), avro.get(0)))
                .allSatisfy(a -> assertThat(a.getChannel()).isEqualTo(IngestChannel.KAFKA));
        for (RecordMetadata m : in) {
            assertThat(committedDeadLettersOf(stack, m)).isEmpty();
        }
    }

    @Test
    void shouldDeadLetterEveryKindOfBadRecordExactlyOnceWithItsBytesOffsetAndReason(RealKafkaStack stack)
            throws Exception {
        IngestConfig config = newConfig(stack);
        byte[] malformedJson = utf8("{\"id\":\"bad-" + marker + "\",\"title\":\"T\",\"text\":");
        byte[] invisibleOnly = utf8("\u200B \n\u2060\t\n\u00a0");
        byte[] unknownSchemaId = {0, 0x7f, 0x7f, 0x7f, 0x70, 2, 'x'};
        byte[] wrongMagic = {1, 0, 0, 0, 1, 2, 'x'};
        List<RecordMetadata> in = drop(
                stack,
                List.of(
                        record("k1-" + marker, malformedJson),
                        record("k2-" + marker, invisibleOnly),
                        record("k3-" + marker, unknownSchemaId),
                        record("k4-" + marker, wrongMagic),
                        record("k5-" + marker, null)));
        start(DropTopicIngestor.create(config, Clock.systemUTC()));

        awaitCommittedPast(stack, config.dropTopic().groupId(), in);

        List<byte[]> values = java.util.Arrays.asList(malformedJson, invisibleOnly, unknownSchemaId, wrongMagic, null);
        List<String> reasons = List.of("invalid JSON", "no visible characters", "schema", "binary", "tombstone");
        for (int i = 0; i < in.size(); i++) {
            List<ConsumerRecord<byte[], DeadLetter>> letters = committedDeadLettersOf(stack, in.get(i));
            assertThat(letters).as("dead letters of input %d", i).hasSize(1);
            DeadLetter letter = letters.get(0).value();
            assertThat(letters.get(0).key()).isEqualTo(utf8("k" + (i + 1) + "-" + marker));
            assertThat(letter.getStage()).isEqualTo(DropTopicIngestor.STAGE);
            assertThat(letter.getKey() == null ? null : toArray(letter.getKey()))
                    .isEqualTo(utf8("k" + (i + 1) + "-" + marker));
            assertThat(letter.getValue() == null ? null : toArray(letter.getValue()))
                    .isEqualTo(values.get(i));
            assertThat(letter.getErrorMessage()).as("reason of input %d", i).containsIgnoringCase(reasons.get(i));
        }
        Set<String> badOrigins = in.stream().map(DropTopicIngestIT::origin).collect(Collectors.toSet());
        assertThat(articles(stack, "read_committed"))
                .noneMatch(r -> badOrigins.contains(r.value().getOrigin()));
    }

    @Test
    void shouldKeepPublishingGoodRecordsThatFollowBadOnes(RealKafkaStack stack) throws Exception {
        IngestConfig config = newConfig(stack);
        start(DropTopicIngestor.create(config, Clock.systemUTC()));
        List<RecordMetadata> bad = drop(
                stack, List.of(record(null, new byte[] {0, 0, 0}), record(null, utf8("{not json")), record("t", null)));
        awaitCommittedPast(stack, config.dropTopic().groupId(), bad);
        String id = "after-bad-" + marker;

        List<RecordMetadata> good = drop(stack, List.of(record(id, utf8("Llega después de la basura\nY se publica."))));
        awaitCommittedPast(stack, config.dropTopic().groupId(), good);

        assertThat(committedArticles(stack, id)).hasSize(1);
        for (RecordMetadata m : bad) {
            assertThat(committedDeadLettersOf(stack, m)).hasSize(1);
        }
    }

    @Test
    void shouldDeadLetterAnArticleOverTheSizeLimitSlimAndKeepGoing(RealKafkaStack stack) throws Exception {
        IngestConfig config = newConfig(stack);
        // over the broker's default 1 MiB but far under the 8 MiB a dead letter carries whole
        byte[] bigUnknownSchema = new byte[1_040_000];
        bigUnknownSchema[1] = 0x7f;
        bigUnknownSchema[2] = 0x7e;
        // over ingest.max.article.bytes (4 MiB by default)
        byte[] hugeText = utf8("Titular enorme\n" + "Una frase larga. ".repeat(300_000));
        String id = "after-huge-" + marker;
        List<RecordMetadata> in = drop(
                stack,
                List.of(
                        record(null, bigUnknownSchema),
                        record("huge-" + marker, hugeText),
                        record(id, utf8("Después de los gigantes\nSe publica."))));
        start(DropTopicIngestor.create(config, Clock.systemUTC()));

        awaitCommittedPast(stack, config.dropTopic().groupId(), in);

        List<ConsumerRecord<byte[], DeadLetter>> avro = committedDeadLettersOf(stack, in.get(0));
        List<ConsumerRecord<byte[], DeadLetter>> text = committedDeadLettersOf(stack, in.get(1));
        assertThat(avro).hasSize(1);
        assertThat(toArray(avro.get(0).value().getValue())).isEqualTo(bigUnknownSchema);
        assertThat(text).hasSize(1);
        DeadLetter slim = text.get(0).value();
        assertThat(slim.getErrorMessage())
                .contains("article too large", "original: " + hugeText.length + " bytes", "news-ingest-");
        assertThat(toArray(slim.getValue())).isEqualTo(Arrays.copyOf(hugeText, Rejection.SLIM_KEPT_BYTES));
        assertThat(new String(
                        text.get(0)
                                .headers()
                                .lastHeader(ArticlePublisher.HEADER_ORIGINAL_SIZE)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(Integer.toString(hugeText.length));
        assertThat(committedArticles(stack, "huge-" + marker)).isEmpty();
        assertThat(committedArticles(stack, id)).hasSize(1);
    }

    @Test
    void shouldYieldExactlyOneOutputPerInputWhenAnInstanceDiesBeforeCommitting(RealKafkaStack stack) throws Exception {
        IngestConfig config = newConfig(stack);
        String first = "crash-a-" + marker;
        String second = "crash-b-" + marker;
        List<RecordMetadata> in = drop(
                stack,
                List.of(
                        record(first, utf8("Primer artículo\nTexto uno.")),
                        record(second, utf8("Segundo artículo\nTexto dos.")),
                        record(null, utf8("{broken"))));
        // the first instance dies inside commitTransaction: its outputs are in the log, its transaction and its
        // offsets are neither committed nor aborted, as when the process is killed
        KafkaConsumer<byte[], byte[]> dyingConsumer = new KafkaConsumer<>(
                DropTopicIngestor.consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Producer<byte[], byte[]> dyingProducer = DropTopicIngestor.newProducer(config);
        cleanUp.add(() -> dyingProducer.close(Duration.ZERO));
        DropTopicIngestor dying = new DropTopicIngestor(
                dyingConsumer,
                () -> new DelegatingProducer(dyingProducer) {
                    @Override
                    public void commitTransaction() {
                        // earlier records of the topic (other tests') may come in earlier polls: die on ours
                        if (!sentKey(first)) {
                            super.commitTransaction();
                            return;
                        }
                        flush();
                        throw new SimulatedCrash();
                    }
                },
                new DropRecordReader(
                        new ArticleFileReader(),
                        new ArticleNormaliser(Clock.systemUTC(), config.source()),
                        AvroWireSerde.forValues(registry, RawArticle.class).deserializer()),
                AvroWireSerde.forValues(registry, RawArticle.class).serializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).serializer(),
                config.dropTopic().pollTimeout(),
                config.dropTopic().retryBackoff(),
                Clock.systemUTC());
        CompletableFuture<Void> died = CompletableFuture.runAsync(dying);
        assertThat(died)
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(SimulatedCrash.class);
        dyingConsumer.close(); // what the group coordinator does to a dead member, only sooner
        assertThat(articles(stack, "read_uncommitted"))
                .as("the dead instance's uncommitted outputs are in the log")
                .anyMatch(r -> first.equals(r.key()));
        assertThat(committedArticles(stack, first))
                .as("but not visible to read_committed")
                .isEmpty();

        start(DropTopicIngestor.create(config, Clock.systemUTC()));
        awaitCommittedPast(stack, config.dropTopic().groupId(), in);

        assertThat(committedArticles(stack, first)).hasSize(1);
        assertThat(committedArticles(stack, second)).hasSize(1);
        assertThat(committedDeadLettersOf(stack, in.get(2))).hasSize(1);
    }

    @Test
    void shouldAbortRewindAndRetryWhenACommitFailsTransiently(RealKafkaStack stack) throws Exception {
        IngestConfig config = newConfig(stack);
        String id = "retried-" + marker;
        List<RecordMetadata> in =
                drop(stack, List.of(record(id, utf8("Artículo reintentado\nTexto.")), record(null, utf8("{x"))));
        AtomicBoolean failed = new AtomicBoolean();
        Supplier<Producer<byte[], byte[]>> producers =
                () -> new DelegatingProducer(DropTopicIngestor.newProducer(config)) {
                    @Override
                    public void commitTransaction() {
                        if (sentKey(id) && failed.compareAndSet(false, true)) {
                            flush();
                            throw new TimeoutException("simulated: the commit timed out");
                        }
                        super.commitTransaction();
                    }
                };
        DropTopicIngestor service = DropTopicIngestor.create(config, Clock.systemUTC(), producers);
        start(service);

        awaitCommittedPast(stack, config.dropTopic().groupId(), in);

        assertThat(failed).isTrue();
        DropTopicProgress progress = service.progress();
        assertThat(progress.aborted()).isEqualTo(1);
        assertThat(articles(stack, "read_uncommitted").stream().filter(r -> id.equals(r.key())))
                .as("the aborted attempt's output and the committed one")
                .hasSize(2);
        assertThat(committedArticles(stack, id)).hasSize(1);
        assertThat(committedDeadLettersOf(stack, in.get(1))).hasSize(1);
    }

    @Test
    void shouldStopSayingWhyWhenAnotherInstanceTakesOverItsTransactionalId(RealKafkaStack stack) throws Exception {
        IngestConfig config = newConfig(stack);
        Future<?> run = start(DropTopicIngestor.create(config, Clock.systemUTC()));
        List<RecordMetadata> warmUp = drop(stack, List.of(record("w-" + marker, utf8("Antes\nDel relevo."))));
        awaitCommittedPast(stack, config.dropTopic().groupId(), warmUp);
        try (Producer<byte[], byte[]> usurper = DropTopicIngestor.newProducer(config)) {
            usurper.initTransactions();

            drop(stack, List.of(record("u-" + marker, utf8("Después\nDel relevo."))));

            assertThat(run)
                    .failsWithin(WAIT)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(DropTopicStoppedException.class)
                    .withMessageContaining(IngestConfig.TRANSACTIONAL_ID.name());
        }
    }

    /** Thrown by a test producer to kill its service's thread the way a crash would: nothing catches an Error. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash inside commitTransaction");
        }
    }

    /** A producer that forwards every call to a real one; tests override the call they make fail. */
    private static class DelegatingProducer implements Producer<byte[], byte[]> {
        private final Producer<byte[], byte[]> delegate;
        private final Set<String> keysSent = ConcurrentHashMap.newKeySet();

        DelegatingProducer(Producer<byte[], byte[]> delegate) {
            this.delegate = delegate;
        }

        /** Whether a record with this key (UTF-8) was sent in the open transaction. */
        boolean sentKey(String key) {
            return keysSent.contains(key);
        }

        @Override
        public void initTransactions() {
            delegate.initTransactions();
        }

        @Override
        public void beginTransaction() {
            keysSent.clear();
            delegate.beginTransaction();
        }

        @Override
        public void sendOffsetsToTransaction(
                Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
            delegate.sendOffsetsToTransaction(offsets, groupMetadata);
        }

        @Override
        public void commitTransaction() {
            delegate.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            delegate.abortTransaction();
        }

        @Override
        public void registerMetricForSubscription(KafkaMetric metric) {
            delegate.registerMetricForSubscription(metric);
        }

        @Override
        public void unregisterMetricFromSubscription(KafkaMetric metric) {
            delegate.unregisterMetricFromSubscription(metric);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            noteKey(record);
            return delegate.send(record);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            noteKey(record);
            return delegate.send(record, callback);
        }

        private void noteKey(ProducerRecord<byte[], byte[]> record) {
            if (record.key() != null) {
                keysSent.add(new String(record.key(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return delegate.partitionsFor(topic);
        }

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return delegate.metrics();
        }

        @Override
        public Uuid clientInstanceId(Duration timeout) {
            return delegate.clientInstanceId(timeout);
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public void close(Duration timeout) {
            delegate.close(timeout);
        }
    }
}
