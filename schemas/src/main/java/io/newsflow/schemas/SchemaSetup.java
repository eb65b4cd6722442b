package io.newsflow.schemas;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.UnknownSchemaException;
import io.newsflow.schemas.serde.WireFormat;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The registry half of setting newsflow up, run beside topic creation ({@link TopicCreation}, {@code newsflow topics
 * --create}, {@code newsflow stack start}, the demo, the test stack): for each topic whose values are Avro
 * ({@link Contracts#valueClass}), sets the compatibility level of its subject {@code <topic>-value} and registers the
 * record's {@linkplain Contracts#contractOf contract} there.
 *
 * <p>It is the only place that sets compatibility, and with it the services need not register anything: they look
 * their schema up ({@code auto.register.schemas=false}, the enricher's and the sink's default) and stop with a
 * message naming the subject and this step when it is missing. Idempotent: run again, it registers nothing new and
 * sets the same levels. Topics without an Avro value ({@link Topics#TAXONOMY}, topics not newsflow's) are skipped.
 */
public final class SchemaSetup {

    /** The compatibility level newsflow's subjects get: new readers read what older writers wrote. */
    public static final String DEFAULT_COMPATIBILITY = "BACKWARD";

    private SchemaSetup() {}

    /** {@link #apply(SchemaRegistryClient, Collection, String)} with {@link #DEFAULT_COMPATIBILITY}. */
    public static Map<String, Integer> apply(SchemaRegistryClient registry, Collection<String> topics) {
        return apply(registry, topics, DEFAULT_COMPATIBILITY);
    }

    /**
     * Sets {@code compatibility} on each topic's value subject and registers its contract.
     *
     * @param compatibility a Confluent level such as {@code BACKWARD}
     * @return the schema id registered, by subject, in the order of {@code topics}
     * @throws io.newsflow.schemas.registry.SchemaRegistryException when the registry refuses or cannot be reached;
     *     an {@link io.newsflow.schemas.registry.IncompatibleSchemaException} when a subject holds a version the
     *     contract may not follow
     */
    public static Map<String, Integer> apply(
            SchemaRegistryClient registry, Collection<String> topics, String compatibility) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(compatibility, "compatibility");
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String topic : new LinkedHashSet<>(topics)) {
            Contracts.valueClass(topic).ifPresent(type -> {
                String subject = WireFormat.subject(topic, false);
                ids.put(subject, register(registry, subject, SpecificData.get().getSchema(type), compatibility));
            });
        }
        return ids;
    }

    private static int register(SchemaRegistryClient registry, String subject, Schema classSchema, String level) {
        Schema contract = Contracts.contractOf(classSchema);
        boolean setBefore;
        try {
            // set the level first so that it already governs this registration
            registry.setCompatibility(subject, level);
            setBefore = true;
        } catch (UnknownSchemaException e) {
            // Apicurio only knows subjects that have a version: set the level right after the first registration
            setBefore = false;
        }
        int id = registry.register(subject, contract);
        if (!setBefore) {
            registry.setCompatibility(subject, level);
        }
        return id;
    }
}
