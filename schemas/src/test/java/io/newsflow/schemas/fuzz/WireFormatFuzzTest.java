package io.newsflow.schemas.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.TestRecords;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the Confluent wire-format decoder ({@code AvroWireDeserializer}) for each record type on the
 * topics: magic byte, schema id and Avro body mutated, truncated, spliced. The property: it returns a record that
 * serialises again with its schema, or throws {@link SerializationException} (its documented error, which the
 * stages dead-letter); nothing else, no hang, and no allocation driven by a length or count the bytes cannot back.
 * See {@link MutationFuzzer} for the run length and how to replay a failure.
 */
class WireFormatFuzzTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("wire-fuzz-test");

    @Test
    void shouldReadOrRefuseEveryMutatedRawArticle() {
        fuzz(RawArticle.class, List.of(TestRecords.rawArticle(), TestRecords.minimalRawArticle()));
    }

    @Test
    void shouldReadOrRefuseEveryMutatedEnrichedArticle() {
        fuzz(EnrichedArticle.class, List.of(TestRecords.enrichedArticle()));
    }

    @Test
    void shouldReadOrRefuseEveryMutatedDeadLetter() {
        fuzz(DeadLetter.class, List.of(TestRecords.deadLetter()));
    }

    private <T extends SpecificRecord> void fuzz(Class<T> type, List<T> records) {
        AvroWireSerde<T> serde = AvroWireSerde.forValues(registry, type);
        List<byte[]> seeds = records.stream()
                .map(r -> serde.serializer().serialize(Topics.ARTICLES_RAW, r))
                .toList();
        Deserializer<T> deserializer = serde.deserializer();
        MutationFuzzer.fuzz("wire-" + type.getSimpleName(), seeds, input -> check(deserializer, input));
    }

    static <T extends SpecificRecord> void check(Deserializer<T> deserializer, byte[] input) throws IOException {
        T record;
        try {
            record = deserializer.deserialize(Topics.ARTICLES_RAW, input);
        } catch (SerializationException documented) {
            assertThat(documented.getMessage()).isNotBlank();
            return;
        }
        assertThat(record).isNotNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        @SuppressWarnings("unchecked")
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>((Class<T>) record.getClass());
        writer.write(record, encoder);
        encoder.flush();
        assertThat(out.size()).as("what was read serialises again").isPositive();
    }
}
