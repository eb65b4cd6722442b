package io.newsflow.schemas.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Picks the registry client for a URL: the REST client for {@code http(s)://...}, or the client of a
 * {@link SchemaRegistryClientProvider} on the classpath that accepts the URL (tests bring one for {@code mem://}).
 */
public final class SchemaRegistryClients {

    private static final List<SchemaRegistryClientProvider> PROVIDERS =
            ServiceLoader.load(SchemaRegistryClientProvider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private SchemaRegistryClients() {}

    /** The client for {@code url}, with the REST client's {@linkplain RestSchemaRegistryClient.Options#DEFAULTS default options}. */
    public static SchemaRegistryClient forUrl(String url) {
        return forUrl(url, RestSchemaRegistryClient.Options.DEFAULTS);
    }

    /**
     * The client for {@code url}.
     *
     * @throws IllegalArgumentException if the URL is not {@code http(s)://...} and no provider accepts it
     */
    public static SchemaRegistryClient forUrl(String url, RestSchemaRegistryClient.Options options) {
        return forUrl(url, options, RegistryAccess.DEFAULT);
    }

    /** The client for {@code url}, with these credentials and TLS settings (used by the REST client). */
    public static SchemaRegistryClient forUrl(
            String url, RestSchemaRegistryClient.Options options, RegistryAccess access) {
        Objects.requireNonNull(url, "url");
        String trimmed = url.trim();
        Optional<SchemaRegistryClientProvider> provider = provider(trimmed);
        if (provider.isPresent()) {
            return provider.get().create(trimmed);
        }
        return new RestSchemaRegistryClient(trimmed, options, access);
    }

    /** Whether {@code url} names a registry this process can reach: {@code http(s)://}, or one a provider accepts. */
    public static boolean isSupported(String url) {
        String trimmed = url == null ? "" : url.trim();
        return trimmed.startsWith("http://")
                || trimmed.startsWith("https://")
                || provider(trimmed).isPresent();
    }

    private static Optional<SchemaRegistryClientProvider> provider(String url) {
        return PROVIDERS.stream().filter(p -> p.accepts(url)).findFirst();
    }
}
