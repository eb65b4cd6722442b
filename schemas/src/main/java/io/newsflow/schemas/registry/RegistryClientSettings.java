package io.newsflow.schemas.registry;

import io.newsflow.schemas.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a newsflow service talks to the schema registry besides its URL: credentials, TLS and whether its serializers
 * may register schemas. Read from a service's {@link Settings} under Confluent's own key names, so a configuration
 * written for Confluent's clients works unchanged.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #AUTO_REGISTER}</td><td>per service</td><td>{@code true}: a serializer registers its schema
 *       under a subject that lacks it; {@code false}: it only looks it up and the service stops, naming the subject,
 *       when {@code newsflow topics --create} has not registered it.</td></tr>
 *   <tr><td>{@code basic.auth.credentials.source}, {@code basic.auth.user.info}</td><td>{@code URL}</td>
 *       <td>HTTP basic authentication; see {@link RegistryAccess}.</td></tr>
 *   <tr><td>{@code schema.registry.ssl.truststore.location / .password / .type},
 *       {@code schema.registry.ssl.keystore.location / .password / .type}, {@code schema.registry.ssl.key.password}
 *       </td><td>none (the JVM's)</td><td>TLS; see {@link RegistryAccess}.</td></tr>
 * </table>
 *
 * @param access       credentials and TLS
 * @param autoRegister value of {@value #AUTO_REGISTER}
 */
public record RegistryClientSettings(RegistryAccess access, boolean autoRegister) {

    /** Confluent's key: may serializers register schemas. */
    public static final String AUTO_REGISTER = "auto.register.schemas";

    /** Every credentials and TLS key, as {@link RegistryAccess} reads them. */
    public static final List<String> ACCESS_KEYS = List.of(
            RegistryAccess.CREDENTIALS_SOURCE,
            RegistryAccess.USER_INFO,
            RegistryAccess.TRUSTSTORE_LOCATION,
            RegistryAccess.TRUSTSTORE_PASSWORD,
            RegistryAccess.TRUSTSTORE_TYPE,
            RegistryAccess.KEYSTORE_LOCATION,
            RegistryAccess.KEYSTORE_PASSWORD,
            RegistryAccess.KEYSTORE_TYPE,
            RegistryAccess.KEY_PASSWORD);

    public RegistryClientSettings {
        Objects.requireNonNull(access, "access");
    }

    /**
     * Reads the keys above; marks them used.
     *
     * @param autoRegisterDefault the service's default for {@value #AUTO_REGISTER}
     * @throws Settings.ConfigException naming the key when a value is invalid
     */
    public static RegistryClientSettings from(Settings settings, boolean autoRegisterDefault) {
        Map<String, String> values = new HashMap<>();
        for (String key : ACCESS_KEYS) {
            String value = settings.string(key, null);
            if (value != null) {
                values.put(key, value);
            }
        }
        RegistryAccess access;
        try {
            access = RegistryAccess.from(values);
        } catch (org.apache.kafka.common.config.ConfigException e) {
            throw new Settings.ConfigException("basic.auth.* / schema.registry.ssl.*", e.getMessage());
        }
        return new RegistryClientSettings(access, settings.bool(AUTO_REGISTER, autoRegisterDefault));
    }

    /** No credentials beyond the URL's, the JVM's TLS trust, and the given auto-registration. */
    public static RegistryClientSettings defaults(boolean autoRegister) {
        return new RegistryClientSettings(RegistryAccess.DEFAULT, autoRegister);
    }

    /** The client for {@code url} with these credentials and TLS. */
    public SchemaRegistryClient client(String url, RestSchemaRegistryClient.Options options) {
        return SchemaRegistryClients.forUrl(url, options, access);
    }

    /** The client for {@code url} with these credentials and TLS, and the REST client's default options. */
    public SchemaRegistryClient client(String url) {
        return client(url, RestSchemaRegistryClient.Options.DEFAULTS);
    }
}
