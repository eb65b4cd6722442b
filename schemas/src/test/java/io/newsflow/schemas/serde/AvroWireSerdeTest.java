package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.Contracts;
import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.TestRecords;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.IncompatibleSchemaException;
import io.newsflow.schemas.registry.SchemaNotRegisteredException;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.UnknownSchemaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The serde against the in-memory registry: framing, round trips, evolution and the errors a reader sees. */
class AvroWireSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("serde-test");

    @Test
    void shouldFrameRecordAsMagicByteThenBigEndianIdThenExactlyTheAvroBinary() throws IOException {
        // Given a registry that hands out an id whose four bytes are all different
        SchemaRegistryClient fixedId = new FixedIdRegistry(0x01020304);
        RawArticle article = TestRecords.rawArticle();

        // When
        byte[] bytes =
                AvroWireSerde.forValues(fixedId, RawArticle.class).serializer().serialize(Topics.ARTICLES_RAW, article);

        // Then
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(article));
    }

    @Test
    void shouldRoundTripRawArticle() {
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(registry, RawArticle.class);
        RawArticle article = TestRecords.rawArticle();

        RawArticle read = serde.deserializer()
                .deserialize(Topics.ARTICLES_RAW, serde.serializer().serialize(Topics.ARTICLES_RAW, article));

        assertThat(read).isEqualTo(article);
    }

    @Test
    void shouldRoundTripRawArticleWithEveryDefaultedFieldAtItsDefault() {
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(registry, RawArticle.class);
        RawArticle article = TestRecords.minimalRawArticle();

        RawArticle read = serde.deserializer()
                .deserialize(Topics.ARTICLES_RAW, serde.serializer().serialize(Topics.ARTICLES_RAW, article));

        assertThat(read).isEqualTo(article);
        assertThat(read.getChannel()).isEqualTo(IngestChannel.UNKNOWN);
    }

    @Test
    void shouldRoundTripEnrichedArticle() {
        AvroWireSerde<EnrichedArticle> serde = AvroWireSerde.forValues(registry, EnrichedArticle.class);
        EnrichedArticle article = TestRecords.enrichedArticle();

        EnrichedArticle read = serde.deserializer()
                .deserialize(Topics.ARTICLES_ENRICHED, serde.serializer().serialize(Topics.ARTICLES_ENRICHED, article));

        assertThat(read).isEqualTo(article);
        assertThat(read.getEnrichedAt()).isEqualTo(TestRecords.ENRICHED);
    }

    @Test
    void shouldRoundTripDeadLetterWithItsOriginalBytes() {
        AvroWireSerde<DeadLetter> serde = AvroWireSerde.forValues(registry, DeadLetter.class);
        DeadLetter letter = TestRecords.deadLetter();

        DeadLetter read =
                serde.deserializer().deserialize(Topics.DLQ, serde.serializer().serialize(Topics.DLQ, letter));

        assertThat(read).isEqualTo(letter);
        assertThat(bytesOf(read.getValue())).containsExactly(0, 0, 0, 0, 7, 0xff);
    }

    @Test
    void shouldRegisterTheShippedContractUnderTopicValueSubjectAndLeaveCompatibilityAlone() {
        AvroWireSerde.forValues(registry, RawArticle.class).serializer().serialize("t1", TestRecords.rawArticle());

        assertThat(registry.versions("t1-value")).containsExactly(Contracts.contractOf(RawArticle.getClassSchema()));
        assertThat(registry.versions("t1-value").get(0).toString()).doesNotContain("avro.java.string");
        assertThat(RawArticle.getClassSchema().toString()).contains("avro.java.string");
        // setting compatibility is the set-up step's job (SchemaSetup), never a serializer's
        assertThat(registry.compatibility("t1-value")).isEqualTo("NONE");
    }

    @Test
    void shouldRegisterKeysUnderTopicKeySubject() {
        AvroWireSerde.forKeys(registry, RawArticle.class).serializer().serialize("t2", TestRecords.rawArticle());

        assertThat(registry.versions("t2-key")).containsExactly(Contracts.contractOf(RawArticle.getClassSchema()));
        assertThat(registry.versions("t2-value")).isEmpty();
    }

    @Test
    void shouldNotRegisterWhenAutoRegistrationIsOffAndNameTheSubjectAndTheSetUpCommand() {
        AvroWireSerde<RawArticle> lookupOnly = AvroWireSerde.forValues(registry, RawArticle.class, false);

        assertThatThrownBy(() -> lookupOnly.serializer().serialize("t3", TestRecords.rawArticle()))
                .isInstanceOf(SerializationException.class)
                .hasCauseInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining("subject 't3-value'")
                .hasMessageContaining("newsflow topics --create")
                .satisfies(e -> assertThat(DeadLetters.blame(e)).isEqualTo(DeadLetters.Blame.SERVICE));
        assertThat(registry.versions("t3-value")).isEmpty();
    }

    @Test
    void shouldWriteWithTheIdTheSetUpRegisteredWhenAutoRegistrationIsOff() {
        SchemaSetup.apply(registry, java.util.List.of(Topics.ARTICLES_RAW));
        int registered =
                registry.lookup(Topics.ARTICLES_RAW + "-value", Contracts.contractOf(RawArticle.getClassSchema()));
        AvroWireSerde<RawArticle> lookupOnly = AvroWireSerde.forValues(registry, RawArticle.class, false);

        byte[] bytes = lookupOnly.serializer().serialize(Topics.ARTICLES_RAW, TestRecords.rawArticle());

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registered);
        assertThat(lookupOnly.deserializer().deserialize(Topics.ARTICLES_RAW, bytes))
                .isEqualTo(TestRecords.rawArticle());
        assertThat(registry.versions(Topics.ARTICLES_RAW + "-value")).hasSize(1);
    }

    @Test
    void shouldReadRecordWrittenWithOlderCompatibleSchemaIntoCurrentClass() {
        // Given an older RawArticle schema without declaredLanguage and attributes, registered and written first
        Schema older = SchemaBuilder.record("RawArticle")
                .namespace("io.newsflow.schemas.avro")
                .fields()
                .requiredString("articleId")
                .requiredString("source")
                .name("channel")
                .type(RawArticle.getClassSchema().getField("channel").schema())
                .withDefault("UNKNOWN")
                .optionalString("origin")
                .optionalString("url")
                .requiredString("title")
                .optionalString("lede")
                .requiredString("body")
                .name("publishedAt")
                .type(RawArticle.getClassSchema().getField("publishedAt").schema())
                .withDefault(null)
                .name("ingestedAt")
                .type(RawArticle.getClassSchema().getField("ingestedAt").schema())
                .noDefault()
                .endRecord();
        registry.setCompatibility("old-value", "BACKWARD");
        int olderId = registry.register("old-value", older);
        GenericRecord old = new GenericData.Record(older);
        old.put("articleId", "a-9");
        old.put("source", "Old Gazette");
        old.put("channel", new GenericData.EnumSymbol(older.getField("channel").schema(), "FILE"));
        old.put("title", "Old title");
        old.put("body", "Old body");
        old.put("ingestedAt", TestRecords.INGESTED.toEpochMilli());
        byte[] framed = frame(olderId, old, older);

        // When the current class reads it, and the current schema is registered as the next version
        RawArticle read = AvroWireSerde.forValues(registry, RawArticle.class)
                .deserializer()
                .deserialize("old", framed);
        int currentId = registry.register("old-value", RawArticle.getClassSchema());

        // Then missing fields take their defaults, and the registry accepted the change as BACKWARD compatible
        assertThat(read.getArticleId()).isEqualTo("a-9");
        assertThat(read.getChannel()).isEqualTo(IngestChannel.FILE);
        assertThat(read.getIngestedAt()).isEqualTo(TestRecords.INGESTED);
        assertThat(read.getDeclaredLanguage()).isNull();
        assertThat(read.getAttributes()).isEmpty();
        assertThat(currentId).isNotEqualTo(olderId);
    }

    @Test
    void shouldFailToSerializeWhenSchemaIsNotBackwardCompatibleWithSubject() {
        // Given the subject already holds a RawArticle version that lacks fields the current class requires
        Schema earlier = SchemaBuilder.record("RawArticle")
                .namespace("io.newsflow.schemas.avro")
                .fields()
                .requiredString("articleId")
                .endRecord();
        registry.register("strict-value", earlier);
        registry.setCompatibility("strict-value", "BACKWARD");

        // When the serializer (compatibility BACKWARD, as the set-up step sets it) writes the current class to that
        // topic
        // Then the current schema cannot read the earlier data (source, title, ... have no default): refused
        assertThatThrownBy(() -> AvroWireSerde.forValues(registry, RawArticle.class)
                        .serializer()
                        .serialize("strict", TestRecords.rawArticle()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'strict'")
                .hasMessageContaining("strict-value")
                .hasCauseInstanceOf(IncompatibleSchemaException.class);
        assertThat(registry.versions("strict-value")).containsExactly(earlier);
    }

    @Test
    void shouldNameTopicAndIdWhenWriterSchemaIdIsUnknown() {
        byte[] unknownId = {0, 0, 0, 0x30, 0x39, 2, 'x'};

        assertThatThrownBy(() -> AvroWireSerde.forValues(registry, RawArticle.class)
                        .deserializer()
                        .deserialize("news-articles-raw", unknownId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news-articles-raw")
                .hasMessageContaining("id 12345")
                .isInstanceOf(RecordSchemaException.class)
                .hasCauseInstanceOf(UnknownSchemaException.class)
                .satisfies(e -> assertThat(DeadLetters.blame(e)).isEqualTo(DeadLetters.Blame.RECORD));
    }

    @Test
    void shouldNotBlameTheRecordWhenTheRegistryHasNoApiAtItsUrl() {
        SchemaRegistryClient wrongPath = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int lookup(String subject, Schema schema) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Schema schemaById(int id) {
                // what the REST client throws for Apicurio's bare 404 under a wrong path
                throw new SchemaRegistryException(
                        "Fetching schema id " + id, url(), 404, 0, "no Confluent-compatible registry API", null);
            }

            @Override
            public void setCompatibility(String subject, String level) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String url() {
                return "http://127.0.0.1:8080/wrong";
            }
        };
        byte[] someId = {0, 0, 0, 0, 1, 2, 'x'};

        assertThatThrownBy(() -> AvroWireSerde.forValues(wrongPath, RawArticle.class)
                        .deserializer()
                        .deserialize("news-articles-raw", someId))
                .isNotInstanceOf(RecordSchemaException.class)
                .hasMessageContaining("the schema registry failed, not the record")
                .satisfies(e -> assertThat(DeadLetters.blame(e)).isEqualTo(DeadLetters.Blame.SERVICE));
    }

    @Test
    void shouldNameTopicFirstByteAndExpectedMagicByteWhenMagicByteIsWrong() {
        byte[] json = "{\"articleId\":\"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AvroWireSerde.forValues(registry, RawArticle.class)
                        .deserializer()
                        .deserialize("news-ingest", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news-ingest'")
                .hasMessageContaining("0x7b")
                .hasMessageContaining("magic byte 0x00");
    }

    @Test
    void shouldRejectRecordShorterThanTheWireFormatHeader() {
        assertThatThrownBy(() -> AvroWireSerde.forValues(registry, RawArticle.class)
                        .deserializer()
                        .deserialize("news-articles-raw", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 byte(s)")
                .hasMessageContaining("too short");
    }

    @Test
    void shouldRefuseToReadRecordOfAnotherTypeIntoTheConfiguredClass() {
        AvroWireSerde<DeadLetter> letters = AvroWireSerde.forValues(registry, DeadLetter.class);
        byte[] letterBytes = letters.serializer().serialize(Topics.DLQ, TestRecords.deadLetter());

        assertThatThrownBy(() -> AvroWireSerde.forValues(registry, RawArticle.class)
                        .deserializer()
                        .deserialize(Topics.DLQ, letterBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.newsflow.schemas.avro.DeadLetter")
                .hasMessageContaining("cannot be read as io.newsflow.schemas.avro.RawArticle");
    }

    @Test
    void shouldRejectRecordWithTrailingBytes() {
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(registry, RawArticle.class);
        byte[] good = serde.serializer().serialize(Topics.ARTICLES_RAW, TestRecords.minimalRawArticle());
        byte[] longer = Arrays.copyOf(good, good.length + 3);

        assertThatThrownBy(() -> serde.deserializer().deserialize(Topics.ARTICLES_RAW, longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left");
    }

    @Test
    void shouldTurnTombstonesIntoNullBothWays() {
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(registry, RawArticle.class);

        assertThat(serde.serializer().serialize(Topics.ARTICLES_RAW, null)).isNull();
        assertThat(serde.deserializer().deserialize(Topics.ARTICLES_RAW, null)).isNull();
    }

    @Test
    void shouldWorkWhenCreatedByKafkaFromConfigOnly() {
        // Given two serdes configured separately from the same mem:// URL, as Kafka does with class names
        Map<String, Object> config = Map.of(AvroWireSerdeConfig.SCHEMA_REGISTRY_URL, "mem://config-test");
        AvroWireSerde<SpecificRecord> writer = new AvroWireSerde<>();
        writer.configure(config, false);
        AvroWireSerde<SpecificRecord> reader = new AvroWireSerde<>();
        reader.configure(config, false);

        // When
        SpecificRecord read = reader.deserializer()
                .deserialize(Topics.DLQ, writer.serializer().serialize(Topics.DLQ, TestRecords.deadLetter()));

        // Then the class was found from the writer schema's name
        assertThat(read).isEqualTo(TestRecords.deadLetter());
    }

    @Test
    void shouldReadIntoConfiguredValueClass() {
        Map<String, Object> config = Map.of(
                AvroWireSerdeConfig.SCHEMA_REGISTRY_URL,
                "mem://config-class-test",
                AvroWireSerdeConfig.VALUE_CLASS,
                RawArticle.class.getName());
        AvroWireSerde<RawArticle> serde = new AvroWireSerde<>();
        serde.configure(config, false);

        RawArticle read =
                serde.deserializer().deserialize("x", serde.serializer().serialize("x", TestRecords.rawArticle()));

        assertThat(read).isEqualTo(TestRecords.rawArticle());
    }

    @Test
    void shouldNameTheMissingRegistryUrlKey() {
        assertThatThrownBy(() -> new AvroWireSerde<RawArticle>().configure(Map.of(), false))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    private static byte[] avroBinary(RawArticle article) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(RawArticle.class).write(article, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] frame(int id, GenericRecord record, Schema schema) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int[] bytesOf(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        int[] result = new int[copy.remaining()];
        for (int i = 0; i < result.length; i++) {
            result[i] = copy.get() & 0xff;
        }
        return result;
    }

    /** A registry that gives every schema the same id: lets a test see exactly how the id is framed. */
    private record FixedIdRegistry(int id) implements SchemaRegistryClient {
        @Override
        public int register(String subject, Schema schema) {
            return id;
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return id;
        }

        @Override
        public Schema schemaById(int requested) {
            throw new UnknownSchemaException("Fetching schema id " + requested, url(), -1, null, "fixed-id registry");
        }

        @Override
        public void setCompatibility(String subject, String level) {}

        @Override
        public String url() {
            return "fixed://";
        }
    }
}
