package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.UnknownSchemaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * <p>The subject is {@code <topic>-value} or {@code <topic>-key} (TopicNameStrategy). The first record written to a
 * subject registers its schema and, unless configured with {@link AvroWireSerdeConfig#KEEP}, sets the subject's
 * compatibility level (default BACKWARD) once. Ids are cached by the registry client, so later records cost no
 * network call. Thread-safe once configured.
 */
public final class AvroWireSerializer<T extends SpecificRecord> implements Serializer<T> {

    static {
        TrustedAvroClasses.install();
    }

    private SchemaRegistryClient client;
    private boolean isKey;
    private String compatibility;
    private final Set<String> subjectsWithCompatibility = ConcurrentHashMap.newKeySet();
    private final Map<Class<?>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For Kafka to create by class name; {@link #configure} must be called before use. */
    public AvroWireSerializer() {}

    /**
     * @param compatibility the level to set once per subject (e.g. {@code "BACKWARD"}), or {@code null} /
     *                      {@link AvroWireSerdeConfig#KEEP} to leave the registry's setting alone
     */
    public AvroWireSerializer(SchemaRegistryClient client, boolean isKey, String compatibility) {
        this.client = Objects.requireNonNull(client, "client");
        this.isKey = isKey;
        this.compatibility = AvroWireSerdeConfig.normaliseCompatibility(compatibility);
    }

    /** Reads {@code schema.registry.url} and {@code newsflow.avro.compatibility}; see {@link AvroWireSerdeConfig}. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.client = AvroWireSerdeConfig.client(configs);
        this.isKey = isKey;
        this.compatibility = AvroWireSerdeConfig.compatibility(configs);
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
        try {
            boolean setBefore = false;
            if (compatibility != null && !subjectsWithCompatibility.contains(subject)) {
                // Set the level first so it already governs this registration. Apicurio only knows subjects that
                // have a version: then the level is set right after the first registration instead.
                try {
                    client.setCompatibility(subject, compatibility);
                    setBefore = true;
                } catch (UnknownSchemaException e) {
                    setBefore = false;
                }
            }
            int id = client.register(subject, schema);
            if (compatibility != null && !subjectsWithCompatibility.contains(subject)) {
                if (!setBefore) {
                    client.setCompatibility(subject, compatibility);
                }
                subjectsWithCompatibility.add(subject);
            }
            return id;
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
