package io.newsflow.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code mem://<name>}: the in-memory registry of that name, the same instance for the same name within the JVM (like
 * Confluent's {@code mock://} scopes), so that a serializer and a deserializer configured separately from the same URL
 * (as Kafka Streams does) see the same registry. Test code only: registered as a {@link SchemaRegistryClientProvider}
 * in this test-jar's {@code META-INF/services}, so production code, which never has the test-jar, refuses
 * {@code mem://}.
 */
public final class InMemoryRegistries implements SchemaRegistryClientProvider {

    /** URL prefix of in-memory registries. */
    public static final String PREFIX = "mem://";

    private static final Map<String, InMemorySchemaRegistryClient> REGISTRIES = new ConcurrentHashMap<>();

    @Override
    public boolean accepts(String url) {
        return url.startsWith(PREFIX);
    }

    @Override
    public SchemaRegistryClient create(String url) {
        String name = url.substring(PREFIX.length());
        if (name.isEmpty()) {
            throw new IllegalArgumentException("In-memory registry URL '" + url + "' needs a name: mem://<name>");
        }
        return REGISTRIES.computeIfAbsent(name, InMemorySchemaRegistryClient::new);
    }

    /** Forgets the in-memory registry of that name, so that the next {@code mem://<name>} starts empty. */
    public static void drop(String name) {
        REGISTRIES.remove(name);
    }
}
