package io.newsflow.schemas.serde;

import io.newsflow.schemas.Contracts;
import io.newsflow.schemas.registry.SchemaNotRegisteredException;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.UnknownSchemaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro {@link SpecificRecord}s in the Confluent wire format: magic byte {@code 0}, the writer schema's registry
 * id (4 bytes, big-endian), then the Avro binary encoding. See the {@linkplain io.newsflow.schemas.serde package
 * documentation} for why this is not Confluent's own serializer.
 *
 * <p>The subject is {@code <topic>-value} or {@code <topic>-key} (TopicNameStrategy). The schema it names is the
 * record's {@linkplain Contracts#contractOf contract} (the shipped {@code .avsc}), not the generated class's copy with
 * its Java-only {@code avro.java.string} properties; both encode alike. With {@code auto.register.schemas=true} the
 * first record written to a subject registers the contract; with {@code false} the serializer only looks it up and,
 * when the subject does not hold it, fails with {@link SchemaNotRegisteredException} naming the subject and the
 * set-up command ({@code newsflow topics --create}, see {@link io.newsflow.schemas.SchemaSetup}). It never sets a
 * subject's compatibility level: that is the set-up step's job, done once. Ids are cached by the registry client, so
 * later records cost no network call. Thread-safe once configured.
 */
public final class AvroWireSerializer<T extends SpecificRecord> implements Serializer<T> {

    static {
        TrustedAvroClasses.install();
    }

    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegister;
    private final Map<Schema, Schema> contracts = new ConcurrentHashMap<>();
    private final Map<Class<?>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For Kafka to create by class name; {@link #configure} must be called before use. */
    public AvroWireSerializer() {}

    /**
     * @param autoRegister whether the serializer registers its schema under a subject that lacks it ({@code true},
     *                     Confluent's default) or only looks it up ({@code false}, what production services use)
     */
    public AvroWireSerializer(SchemaRegistryClient client, boolean isKey, boolean autoRegister) {
        this.client = Objects.requireNonNull(client, "client");
        this.isKey = isKey;
        this.autoRegister = autoRegister;
    }

    /**
     * Reads {@code schema.registry.url}, the registry's credentials and {@code auto.register.schemas}; see
     * {@link AvroWireSerdeConfig}.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.client = AvroWireSerdeConfig.client(configs);
        this.isKey = isKey;
        this.autoRegister = AvroWireSerdeConfig.autoRegister(configs);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroWireSerializer used before configure(): no schema registry");
        }
        String subject = WireFormat.subject(topic, isKey);
        Schema schema = record.getSchema();
        int id = schemaId(topic, subject, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(record).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Could not write " + schema.getFullName() + " to topic '" + topic + "' as Avro: " + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, String subject, Schema schema) {
        // a contract that does not match the class is a build fault: Contracts throws IllegalStateException, unwrapped
        Schema contract = contracts.computeIfAbsent(schema, Contracts::contractOf);
        try {
            if (autoRegister) {
                return client.register(subject, contract);
            }
            try {
                return client.lookup(subject, contract);
            } catch (UnknownSchemaException e) {
                throw new SchemaNotRegisteredException(subject, schema.getFullName(), e);
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Could not get a schema id for " + schema.getFullName() + " on topic '" + topic + "' (subject '"
                            + subject + "'): " + e.getMessage(),
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writerFor(T record) {
        // The class's own SpecificData carries its logical-type conversions (timestamp-millis <-> Instant).
        return writers.computeIfAbsent(record.getClass(), type -> (DatumWriter<Object>)
                (DatumWriter<?>) new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(type)));
    }
}
