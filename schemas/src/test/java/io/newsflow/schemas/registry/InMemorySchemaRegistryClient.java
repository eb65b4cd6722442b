package io.newsflow.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A schema registry that lives in the JVM: the equivalent of Confluent's {@code mock://} scope.
 *
 * <p>It exists for {@code TopologyTestDriver} tests and for tools that run without a registry (a demo, a one-shot
 * annotation): the serde then writes exactly the same bytes as with a real registry, only the ids are local to this
 * instance. Get a shared instance with {@link SchemaRegistryClients#forUrl(String) forUrl("mem://name")}.
 *
 * <p>It behaves like the real registries where newsflow relies on it: ids are global (the same schema gets the same
 * id under any subject), registering a schema again returns its id, unknown ids throw
 * {@link UnknownSchemaException}, and once a subject has a compatibility level, a new version is checked with Avro's
 * {@link SchemaCompatibility} against the latest version (or all versions for the {@code _TRANSITIVE} levels) and
 * refused with {@link IncompatibleSchemaException}. Subjects without a level accept anything (level {@code NONE}).
 *
 * <p>Thread-safe: every method is synchronized on the instance; registries are small and these calls are cached by
 * the serde, so contention does not matter.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final String url;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();
    private final Map<String, String> compatibilityBySubject = new HashMap<>();
    private int nextId = 1;

    /** A new, empty registry; {@code name} only shows in messages ({@code mem://<name>}). */
    public InMemorySchemaRegistryClient(String name) {
        this.url = "mem://" + Objects.requireNonNull(name, "name");
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (versions.contains(schema)) {
            return idsBySchema.get(schema);
        }
        checkCompatibility(subject, schema, versions);
        Integer id = idsBySchema.get(schema);
        if (id == null) {
            id = nextId++;
            idsBySchema.put(schema, id);
            schemasById.put(id, schema);
        }
        versions.add(schema);
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null || !versions.contains(schema)) {
            throw new UnknownSchemaException(
                    "Looking up schema " + schema.getFullName() + " under subject '" + subject + "'",
                    url,
                    SchemaRegistryException.NO_STATUS,
                    versions == null ? 40401 : UnknownSchemaException.SCHEMA_NOT_FOUND,
                    versions == null ? "no subject '" + subject + "'" : "the subject does not hold this schema");
        }
        return idsBySchema.get(schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new UnknownSchemaException(
                    "Fetching schema id " + id,
                    url,
                    SchemaRegistryException.NO_STATUS,
                    UnknownSchemaException.SCHEMA_NOT_FOUND,
                    "no schema with id " + id + " in this in-memory registry (ids 1.." + (nextId - 1) + ")");
        }
        return schema;
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        Objects.requireNonNull(subject, "subject");
        String normalised = Objects.requireNonNull(level, "level").trim().toUpperCase(Locale.ROOT);
        switch (normalised) {
            case "NONE",
                    "BACKWARD",
                    "BACKWARD_TRANSITIVE",
                    "FORWARD",
                    "FORWARD_TRANSITIVE",
                    "FULL",
                    "FULL_TRANSITIVE" -> compatibilityBySubject.put(subject, normalised);
            default ->
                throw new SchemaRegistryException(
                        "Setting compatibility " + level + " on subject '" + subject + "'",
                        url,
                        SchemaRegistryException.NO_STATUS,
                        null,
                        "unknown compatibility level '" + level
                                + "' (NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)",
                        null);
        }
    }

    /** The compatibility level of a subject, {@code NONE} when none was set. Lets tests check what the serde did. */
    public synchronized String compatibility(String subject) {
        return compatibilityBySubject.getOrDefault(subject, "NONE");
    }

    /** The schemas registered under a subject, oldest first (empty when none). */
    public synchronized List<Schema> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }

    private void checkCompatibility(String subject, Schema candidate, List<Schema> versions) {
        String level = compatibility(subject);
        if (level.equals("NONE") || versions.isEmpty()) {
            return;
        }
        boolean transitive = level.endsWith("_TRANSITIVE");
        boolean backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
        boolean forward = level.startsWith("FORWARD") || level.startsWith("FULL");
        List<Schema> against = transitive ? versions : List.of(versions.get(versions.size() - 1));
        for (Schema existing : against) {
            if (backward) {
                // new readers must read data written with the existing schema
                requireCompatible(
                        subject, level, SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing));
            }
            if (forward) {
                // existing readers must read data written with the new schema
                requireCompatible(
                        subject, level, SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate));
            }
        }
    }

    private void requireCompatible(String subject, String level, SchemaCompatibility.SchemaPairCompatibility result) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            throw new IncompatibleSchemaException(
                    "Registering schema under subject '" + subject + "'",
                    url,
                    SchemaRegistryException.NO_STATUS,
                    null,
                    "schema is not " + level + " compatible: "
                            + result.getResult().getIncompatibilities());
        }
    }
}
