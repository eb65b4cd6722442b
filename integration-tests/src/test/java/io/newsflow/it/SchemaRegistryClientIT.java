package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsflow.schemas.Contracts;
import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.IncompatibleSchemaException;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaNotRegisteredException;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.UnknownSchemaException;
import io.newsflow.schemas.serde.AvroWireDeserializer;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.schemas.serde.AvroWireSerdeConfig;
import io.newsflow.schemas.serde.AvroWireSerializer;
import io.newsflow.testsupport.builders.EnrichedArticleBuilder;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST registry client and the wire-format serde against the real schema registry of the local stack (Apicurio
 * Registry through its Confluent-compatible API) and the real broker. Each test uses subjects of its own, since the
 * stack is shared by every test of the JVM.
 */
@WithRealKafkaStack
class SchemaRegistryClientIT {

    private static final Schema V1 = SchemaBuilder.record("Probe")
            .namespace("io.newsflow.it")
            .fields()
            .requiredString("a")
            .endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Probe")
            .namespace("io.newsflow.it")
            .fields()
            .requiredString("a")
            .name("b")
            .type()
            .intType()
            .intDefault(7)
            .endRecord();
    private static final Schema V3_REQUIRED = SchemaBuilder.record("Probe")
            .namespace("io.newsflow.it")
            .fields()
            .requiredString("a")
            .name("b")
            .type()
            .intType()
            .intDefault(7)
            .requiredString("c")
            .endRecord();

    private RealKafkaStack stack;
    private String run;

    @BeforeEach
    void setUp(RealKafkaStack stack) {
        this.stack = stack;
        this.run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client with empty caches, so every call below really goes to the registry. */
    private SchemaRegistryClient freshClient() {
        return new RestSchemaRegistryClient(stack.schemaRegistryUrl());
    }

    @Test
    void shouldRegisterSchemaAndFetchItBackById() {
        int id = freshClient().register("probe-" + run + "-value", V1);

        assertThat(freshClient().schemaById(id)).isEqualTo(V1);
    }

    @Test
    void shouldReturnTheSameIdForTheSameSchema() {
        int first = freshClient().register("same-" + run + "-value", V1);

        int second = freshClient().register("same-" + run + "-value", new Schema.Parser().parse(V1.toString()));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldThrowUnknownSchemaForAnIdTheRegistryNeverGave() {
        assertThatThrownBy(() -> freshClient().schemaById(Integer.MAX_VALUE - 7))
                .isInstanceOfSatisfying(
                        UnknownSchemaException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(404))
                .hasMessageContaining(stack.schemaRegistryUrl() + "/schemas/ids/" + (Integer.MAX_VALUE - 7));
    }

    @Test
    void shouldRejectIncompatibleChangeOnceBackwardIsSet() {
        String subject = "evolving-" + run + "-value";
        SchemaRegistryClient client = freshClient();
        int v1 = client.register(subject, V1);
        client.setCompatibility(subject, "BACKWARD");
        int v2 = client.register(subject, V2_WITH_DEFAULT);

        assertThat(v2).isNotEqualTo(v1);
        assertThatThrownBy(() -> client.register(subject, V3_REQUIRED))
                .isInstanceOfSatisfying(
                        IncompatibleSchemaException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(409))
                .hasMessageContaining(subject);
    }

    @Test
    void shouldRoundTripArticleThroughTheRealBrokerAndRegistry() {
        // Given a topic, and a producer using the serde built in code
        String topic = "registry-it-" + run;
        stack.createTopics(topic);
        RawArticle article = RawArticle.newBuilder()
                .setArticleId("it-1")
                .setSource("IT Gazette")
                .setChannel(IngestChannel.KAFKA)
                .setTitle("Registry round trip")
                .setBody("Body ünïcödé 北朝鮮")
                .setUrl("https://example.org/it")
                .setIngestedAt(Instant.parse("2026-11-30T00:00:00Z"))
                .setAttributes(Map.of("k", "v"))
                .build();
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(freshClient(), RawArticle.class);

        // When it is produced, and read back by a consumer configured only through Kafka properties
        Map<String, Object> producerConfig = stack.clientConfig();
        try (KafkaProducer<String, RawArticle> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, article.getArticleId(), article))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("Could not produce to " + topic, e);
        }
        Map<String, Object> consumerConfig = stack.clientConfig();
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroWireDeserializer.class);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(AvroWireSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        consumerConfig.put(AvroWireSerdeConfig.VALUE_CLASS, RawArticle.class.getName());
        List<ConsumerRecord<String, RawArticle>> received = readAll(consumerConfig, topic);

        // Then the consumer gets the same article, framed with the id the registry holds for the subject
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("it-1");
            assertThat(record.value()).isEqualTo(article);
        });
        byte[] raw = readAllRaw(topic).get(0);
        int id = ((raw[1] & 0xff) << 24) | ((raw[2] & 0xff) << 16) | ((raw[3] & 0xff) << 8) | (raw[4] & 0xff);
        assertThat(raw[0]).isZero();
        // the registry holds the shipped .avsc contract, not the class's copy with "avro.java.string" on each string
        Schema registered = freshClient().schemaById(id);
        assertThat(registered).isEqualTo(Contracts.contractOf(RawArticle.getClassSchema()));
        assertThat(registered.toString()).doesNotContain("avro.java.string");
        assertThat(freshClient().lookup(topic + "-value", registered)).isEqualTo(id);
    }

    @Test
    void shouldNeitherRegisterNorSetCompatibilityAndNameTheSubjectWhenAutoRegistrationIsOff() {
        // Given a serializer configured by Kafka properties with auto.register.schemas=false, on a subject that is
        // not set up
        String topic = "lookup-only-" + run;
        String subject = topic + "-value";
        AvroWireSerializer<RawArticle> serializer = new AvroWireSerializer<>();
        serializer.configure(
                Map.of(
                        AvroWireSerdeConfig.SCHEMA_REGISTRY_URL,
                        stack.schemaRegistryUrl(),
                        AvroWireSerdeConfig.AUTO_REGISTER,
                        "false"),
                false);

        // When it writes, Then it fails naming the subject and the set-up command, blamed on the service
        assertThatThrownBy(() -> serializer.serialize(topic, article("lookup-1")))
                .isInstanceOf(SerializationException.class)
                .hasCauseInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining("subject '" + subject + "'")
                .hasMessageContaining("newsflow topics --create")
                .satisfies(e -> assertThat(DeadLetters.blame(e)).isEqualTo(DeadLetters.Blame.SERVICE));
        // and the registry still has no such subject
        assertThatThrownBy(() -> freshClient().lookup(subject, Contracts.contractOf(RawArticle.getClassSchema())))
                .isInstanceOf(UnknownSchemaException.class);
    }

    @Test
    void shouldWriteWithTheSetUpsIdAndLeaveTheSubjectsCompatibilityAlone() {
        // Given a newsflow topic whose subject the set-up step registered, then set to NONE by an operator
        String topic = Topics.forGeoTopic("it-lookup-" + run);
        String subject = topic + "-value";
        Map<String, Integer> ids = SchemaSetup.apply(freshClient(), List.of(topic));
        freshClient().setCompatibility(subject, "NONE");

        // When services write there, one looking up and one allowed to register
        byte[] lookedUp = AvroWireSerde.forValues(freshClient(), EnrichedArticle.class, false)
                .serializer()
                .serialize(topic, EnrichedArticleBuilder.anEnrichedArticle().build());
        AvroWireSerde.forValues(freshClient(), EnrichedArticle.class, true)
                .serializer()
                .serialize(topic, EnrichedArticleBuilder.anEnrichedArticle().build());

        // Then the bytes carry the registered id, and neither serializer touched the level: a schema BACKWARD would
        // refuse (a required field without default) is still accepted under NONE
        assertThat(ByteBuffer.wrap(lookedUp, 1, 4).getInt()).isEqualTo(ids.get(subject));
        Schema unrelated = SchemaBuilder.record("EnrichedArticle")
                .namespace("io.newsflow.schemas.avro")
                .fields()
                .requiredString("onlyThis" + run)
                .endRecord();
        freshClient().register(subject, unrelated);
    }

    private static RawArticle article(String id) {
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setSource("IT Gazette")
                .setChannel(IngestChannel.KAFKA)
                .setTitle("Lookup only")
                .setBody("Body")
                .setIngestedAt(Instant.parse("2026-11-30T00:00:00Z"))
                .build();
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(Map<String, Object> config, String topic) {
        List<ConsumerRecord<String, V>> received = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        return received;
    }

    private List<byte[]> readAllRaw(String topic) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = readAll(config, topic);
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
