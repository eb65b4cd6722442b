package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.NotAvroSchemaException;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.UnknownSchemaException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro {@link SpecificRecord}s in the Confluent wire format (magic byte {@code 0}, 4-byte big-endian schema id,
 * Avro binary), whoever wrote them: newsflow's {@link AvroWireSerializer} or Confluent's serializer.
 *
 * <p>The writer schema is fetched from the registry by id (once per id; the client caches it) and resolved against
 * the reader schema, the schema of the record class {@code T}. Records written with an older, compatible version of
 * the schema therefore read into the current class, missing fields taking their defaults. Without a configured
 * class ({@link AvroWireSerdeConfig#VALUE_CLASS} / {@link AvroWireSerdeConfig#KEY_CLASS}) the class is the generated
 * class named like the writer schema.
 *
 * <p>{@code null} bytes (a tombstone) read as {@code null}. Anything else that cannot be read is a
 * {@link SerializationException} naming the topic and the reason. Thread-safe once configured.
 */
public final class AvroWireDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    static {
        TrustedAvroClasses.install();
    }

    private SchemaRegistryClient client;
    private Class<? extends SpecificRecord> type;
    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    /** For Kafka to create by class name; {@link #configure} must be called before use. */
    public AvroWireDeserializer() {}

    /** A deserializer into {@code type}. */
    public AvroWireDeserializer(SchemaRegistryClient client, Class<T> type) {
        this.client = Objects.requireNonNull(client, "client");
        this.type = Objects.requireNonNull(type, "type");
        TrustedAvroClasses.trustPackageOf(type);
    }

    /** Reads {@code schema.registry.url} and the optional record class; see {@link AvroWireSerdeConfig}. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.client = AvroWireSerdeConfig.client(configs);
        Class<? extends SpecificRecord> configured = AvroWireSerdeConfig.recordClass(configs, isKey);
        if (configured != null) {
            TrustedAvroClasses.trustPackageOf(configured);
            this.type = configured;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroWireDeserializer used before configure(): no schema registry");
        }
        if (data.length < WireFormat.HEADER_LENGTH) {
            throw new SerializationException("Record from topic '" + topic + "' is " + data.length
                    + " byte(s) long: too short for the Confluent wire format (magic byte 0 and a 4-byte schema id)");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Record from topic '%s' starts with byte 0x%02x, expected the magic byte 0x00 of the Confluent"
                            + " wire format: it was not written by an Avro schema-registry serializer",
                    topic, data[0] & 0xff));
        }
        int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
        SpecificDatumReader<T> reader = readerFor(topic, id);
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Record from topic '" + topic + "' has bytes left after its "
                        + reader.getSchema().getFullName() + " (schema id " + id + "): not written with that schema");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException(
                    "Could not read Avro record with schema id " + id + " from topic '" + topic + "': " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(String topic, int id) {
        SpecificDatumReader<T> cached = readersByWriterId.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = client.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e instanceof UnknownSchemaException unknown && unknown.isSchemaIdUnknown()
                    || e instanceof NotAvroSchemaException) {
                throw new RecordSchemaException(
                        "Record from topic '" + topic + "' names writer schema id " + id
                                + ", which the registry cannot give as Avro: " + e.getMessage(),
                        e);
            }
            // Not the record's fault: the registry is away, refuses us, or the URL points elsewhere. Said plainly, so
            // that no caller dead-letters a good record for it.
            throw new SerializationException(
                    "Could not get the writer schema (id " + id + ") of a record from topic '" + topic
                            + "' because the schema registry failed, not the record: " + e.getMessage(),
                    e);
        }
        Class<? extends SpecificRecord> readType = type != null ? type : classNamed(topic, id, writer);
        Schema readerSchema = SpecificData.get().getSchema(readType);
        if (!readerSchema.getFullName().equals(writer.getFullName())
                && !readerSchema.getAliases().contains(writer.getFullName())) {
            throw new SerializationException("Record from topic '" + topic + "' was written as " + writer.getFullName()
                    + " (schema id " + id + "), which cannot be read as " + readerSchema.getFullName());
        }
        SpecificDatumReader<T> reader =
                new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForClass(readType));
        SpecificDatumReader<T> previous = readersByWriterId.putIfAbsent(id, reader);
        return previous != null ? previous : reader;
    }

    private static Class<? extends SpecificRecord> classNamed(String topic, int id, Schema writer) {
        Class<?> found =
                writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
        if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
            throw new SerializationException("Record from topic '" + topic + "' was written as " + writer.getFullName()
                    + " (schema id " + id + ") and no generated class of that name is on the classpath; configure "
                    + AvroWireSerdeConfig.VALUE_CLASS + " / " + AvroWireSerdeConfig.KEY_CLASS);
        }
        return found.asSubclass(SpecificRecord.class);
    }
}
