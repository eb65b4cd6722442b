package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Kafka {@link Serde} for newsflow's Avro records, in the Confluent wire format, on plain Apache Avro.
 *
 * <p>It exists because Confluent's serializer jars cannot be obtained from Maven Central. Its bytes are exactly
 * Confluent's (magic byte {@code 0}, 4-byte big-endian schema id, Avro binary), so Kafka UI, kcat and Confluent's
 * deserializer read newsflow's topics. It talks to any Confluent-compatible registry, including Apicurio's ccompat
 * API, or, in tests, to the in-memory registry of the schemas test-jar.
 *
 * <p>In code: {@code AvroWireSerde.forValues(registry, RawArticle.class)}. In a Kafka or Streams config:
 * {@code default.value.serde=io.newsflow.schemas.serde.AvroWireSerde} plus the keys of {@link AvroWireSerdeConfig}.
 * See {@link AvroWireSerializer} and {@link AvroWireDeserializer} for the details of each side.
 */
public final class AvroWireSerde<T extends SpecificRecord> implements Serde<T> {

    static {
        TrustedAvroClasses.install();
    }

    private final AvroWireSerializer<T> serializer;
    private final AvroWireDeserializer<T> deserializer;

    /** For Kafka to create by class name; {@link #configure} must be called before use. */
    public AvroWireSerde() {
        this.serializer = new AvroWireSerializer<>();
        this.deserializer = new AvroWireDeserializer<>();
    }

    private AvroWireSerde(SchemaRegistryClient client, Class<T> type, boolean isKey, String compatibility) {
        this.serializer = new AvroWireSerializer<>(client, isKey, compatibility);
        this.deserializer = new AvroWireDeserializer<>(client, type);
    }

    /** A serde for record values of {@code type}: subject {@code <topic>-value}, compatibility BACKWARD. */
    public static <T extends SpecificRecord> AvroWireSerde<T> forValues(SchemaRegistryClient client, Class<T> type) {
        return new AvroWireSerde<>(client, type, false, AvroWireSerdeConfig.DEFAULT_COMPATIBILITY);
    }

    /** A serde for record keys of {@code type}: subject {@code <topic>-key}, compatibility BACKWARD. */
    public static <T extends SpecificRecord> AvroWireSerde<T> forKeys(SchemaRegistryClient client, Class<T> type) {
        return new AvroWireSerde<>(client, type, true, AvroWireSerdeConfig.DEFAULT_COMPATIBILITY);
    }

    /**
     * A serde with every choice explicit.
     *
     * @param compatibility the level the serializer sets once per subject, or {@link AvroWireSerdeConfig#KEEP} (or
     *                      {@code null}) to leave the registry's setting alone
     */
    public static <T extends SpecificRecord> AvroWireSerde<T> of(
            SchemaRegistryClient client, Class<T> type, boolean isKey, String compatibility) {
        return new AvroWireSerde<>(client, type, isKey, compatibility);
    }

    /** Configures both sides from Kafka configs; see {@link AvroWireSerdeConfig} for the keys. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
