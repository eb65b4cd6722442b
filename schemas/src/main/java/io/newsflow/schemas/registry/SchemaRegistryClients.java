package io.newsflow.schemas.registry;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the registry client for a URL: {@code mem://<name>} gives the in-memory registry of that name (the same
 * instance for the same name within the JVM, like Confluent's {@code mock://} scopes), anything else the REST client.
 */
public final class SchemaRegistryClients {

    /** URL prefix of in-memory registries. */
    public static final String IN_MEMORY_PREFIX = "mem://";

    // The in-memory "scopes": shared by name on purpose, so that a serializer and a deserializer configured
    // separately from the same URL (as Kafka Streams does) see the same registry.
    private static final Map<String, InMemorySchemaRegistryClient> IN_MEMORY = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {}

    /** The client for {@code url}, with the REST client's {@linkplain RestSchemaRegistryClient.Options#DEFAULTS default options}. */
    public static SchemaRegistryClient forUrl(String url) {
        return forUrl(url, RestSchemaRegistryClient.Options.DEFAULTS);
    }

    /**
     * The client for {@code url}.
     *
     * @throws IllegalArgumentException if the URL is neither {@code mem://<name>} nor {@code http(s)://...}
     */
    public static SchemaRegistryClient forUrl(String url, RestSchemaRegistryClient.Options options) {
        Objects.requireNonNull(url, "url");
        String trimmed = url.trim();
        if (trimmed.startsWith(IN_MEMORY_PREFIX)) {
            String name = trimmed.substring(IN_MEMORY_PREFIX.length());
            if (name.isEmpty()) {
                throw new IllegalArgumentException("In-memory registry URL '" + url + "' needs a name: mem://<name>");
            }
            return IN_MEMORY.computeIfAbsent(name, InMemorySchemaRegistryClient::new);
        }
        return new RestSchemaRegistryClient(trimmed, options);
    }

    /** Forgets the in-memory registry of that name, so that the next {@code mem://<name>} starts empty. */
    public static void dropInMemory(String name) {
        IN_MEMORY.remove(name);
    }
}
