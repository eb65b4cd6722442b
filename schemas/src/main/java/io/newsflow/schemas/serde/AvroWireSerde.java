package io.newsflow.schemas.serde;

import io.newsflow.schemas.Contracts;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
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

    private AvroWireSerde(SchemaRegistryClient client, Class<T> type, boolean isKey, boolean autoRegister) {
        // fail at construction, not on the first record, when the shipped contract does not match the class
        Contracts.contractOf(SpecificData.get().getSchema(type));
        this.serializer = new AvroWireSerializer<>(client, isKey, autoRegister);
        this.deserializer = new AvroWireDeserializer<>(client, type);
    }

    /**
     * A serde for record values of {@code type}: subject {@code <topic>-value}; the serializer registers its schema
     * when the subject lacks it (Confluent's default, for tools and tests). Services choose with
     * {@link #forValues(SchemaRegistryClient, Class, boolean)}.
     */
    public static <T extends SpecificRecord> AvroWireSerde<T> forValues(SchemaRegistryClient client, Class<T> type) {
        return new AvroWireSerde<>(client, type, false, true);
    }

    /**
     * A serde for record values of {@code type}: subject {@code <topic>-value}.
     *
     * @param autoRegister {@code false}: the serializer only looks its schema up and fails with
     *                     {@link io.newsflow.schemas.registry.SchemaNotRegisteredException} when the set-up step did
     *                     not register it
     */
    public static <T extends SpecificRecord> AvroWireSerde<T> forValues(
            SchemaRegistryClient client, Class<T> type, boolean autoRegister) {
        return new AvroWireSerde<>(client, type, false, autoRegister);
    }

    /** A serde for record keys of {@code type}: subject {@code <topic>-key}; registers when the subject lacks it. */
    public static <T extends SpecificRecord> AvroWireSerde<T> forKeys(SchemaRegistryClient client, Class<T> type) {
        return new AvroWireSerde<>(client, type, true, true);
    }

    /** A serde with every choice explicit; see {@link #forValues(SchemaRegistryClient, Class, boolean)}. */
    public static <T extends SpecificRecord> AvroWireSerde<T> of(
            SchemaRegistryClient client, Class<T> type, boolean isKey, boolean autoRegister) {
        return new AvroWireSerde<>(client, type, isKey, autoRegister);
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
