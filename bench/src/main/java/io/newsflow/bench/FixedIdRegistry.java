package io.newsflow.bench;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.UnknownSchemaException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;

/**
 * A registry held in this JVM for the serde benchmark only. The serde caches every id and schema after its first
 * lookup, so no registry sits on the measured path; this one only lets the benchmark start without a server. (The
 * in-memory registry of the tests lives in the schemas test-jar, which must not reach the distribution.)
 */
final class FixedIdRegistry implements SchemaRegistryClient {

    private final List<Schema> schemas = new CopyOnWriteArrayList<>();
    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        return ids.computeIfAbsent(schema, s -> {
            schemas.add(s);
            return schemas.size();
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new UnknownSchemaException(
                    "find schema " + id, url(), 404, UnknownSchemaException.SCHEMA_NOT_FOUND, "no such schema id");
        }
        return schemas.get(id - 1);
    }

    @Override
    public void setCompatibility(String subject, String level) {}

    @Override
    public String url() {
        return "bench://fixed-ids";
    }
}
