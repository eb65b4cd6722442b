package io.newsflow.schemas.registry;

import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a newsflow service talks to the schema registry besides its URL: credentials, TLS and whether its serializers
 * may register schemas. Read from a service's {@link Settings} under Confluent's own key names, so a configuration
 * written for Confluent's clients works unchanged. Each key is defined once, by the {@link Setting} constants below
 * (the names are {@link RegistryAccess}'s, which also reads them from a Kafka client configuration); the README's
 * configuration table is generated from them.
 *
 * @param access       credentials and TLS
 * @param autoRegister value of {@link #AUTO_REGISTER}
 */
public record RegistryClientSettings(RegistryAccess access, boolean autoRegister) {

    private static final String USERS = "all services, `topics --create`";

    /** Confluent's key: may serializers register schemas; the default is the service's (false for all three). */
    public static final Setting<Boolean> AUTO_REGISTER = Setting.bool("auto.register.schemas")
            .withDefault(false)
            .usedBy("ingest, enrich, sink")
            .withDoc("Confluent's key: `true` lets the service's serializers register a schema its subject lacks;"
                    + " `false` only looks it up, and a missing one stops the service naming the subject (run"
                    + " `newsflow topics --create`)");

    /** Where the basic-auth credentials come from. */
    public static final Setting<String> CREDENTIALS_SOURCE = Setting.string(RegistryAccess.CREDENTIALS_SOURCE)
            .withDefault("URL")
            .usedBy(USERS)
            .withDoc("Confluent's key: `URL` (the user info of the registry URL, `https://user:password@host`) or"
                    + " `USER_INFO` (`basic.auth.user.info`)");

    /** Basic-auth credentials. */
    public static final Setting<String> USER_INFO = Setting.string(RegistryAccess.USER_INFO)
            .optional()
            .usedBy(USERS)
            .withDoc(
                    "`user:password` for the registry's HTTP basic auth (with `basic.auth.credentials.source=USER_INFO`)");

    /** Certificates to trust. */
    public static final Setting<String> TRUSTSTORE_LOCATION = Setting.string(RegistryAccess.TRUSTSTORE_LOCATION)
            .optional()
            .usedBy(USERS)
            .withDefaultDoc("the JVM's")
            .withDoc("file of the certificates to trust for an `https://` registry");

    /** Password of the truststore. */
    public static final Setting<String> TRUSTSTORE_PASSWORD = Setting.string(RegistryAccess.TRUSTSTORE_PASSWORD)
            .optional()
            .usedBy(USERS)
            .withDoc("password of `schema.registry.ssl.truststore.location`");

    /** Type of the truststore. */
    public static final Setting<String> TRUSTSTORE_TYPE = Setting.string(RegistryAccess.TRUSTSTORE_TYPE)
            .optional()
            .usedBy(USERS)
            .withDefaultDoc("`JKS`")
            .withDoc("key store type of `schema.registry.ssl.truststore.location` (`JKS`, `PKCS12`)");

    /** A client certificate. */
    public static final Setting<String> KEYSTORE_LOCATION = Setting.string(RegistryAccess.KEYSTORE_LOCATION)
            .optional()
            .usedBy(USERS)
            .withDoc("file of a client certificate, for a registry that asks for one (mutual TLS)");

    /** Password of the keystore. */
    public static final Setting<String> KEYSTORE_PASSWORD = Setting.string(RegistryAccess.KEYSTORE_PASSWORD)
            .optional()
            .usedBy(USERS)
            .withDoc("password of `schema.registry.ssl.keystore.location`");

    /** Type of the keystore. */
    public static final Setting<String> KEYSTORE_TYPE = Setting.string(RegistryAccess.KEYSTORE_TYPE)
            .optional()
            .usedBy(USERS)
            .withDefaultDoc("`JKS`")
            .withDoc("key store type of `schema.registry.ssl.keystore.location` (`JKS`, `PKCS12`)");

    /** Password of the client key. */
    public static final Setting<String> KEY_PASSWORD = Setting.string(RegistryAccess.KEY_PASSWORD)
            .optional()
            .usedBy(USERS)
            .withDoc("password of the client key in the keystore");

    /** Every credentials and TLS key, as {@link RegistryAccess} reads them. */
    public static final List<Setting<String>> ACCESS_KEYS = List.of(
            CREDENTIALS_SOURCE,
            USER_INFO,
            TRUSTSTORE_LOCATION,
            TRUSTSTORE_PASSWORD,
            TRUSTSTORE_TYPE,
            KEYSTORE_LOCATION,
            KEYSTORE_PASSWORD,
            KEYSTORE_TYPE,
            KEY_PASSWORD);

    /** Every key above, in the order the README lists them. */
    public static final List<Setting<?>> KEYS = List.of(
            AUTO_REGISTER,
            CREDENTIALS_SOURCE,
            USER_INFO,
            TRUSTSTORE_LOCATION,
            TRUSTSTORE_PASSWORD,
            TRUSTSTORE_TYPE,
            KEYSTORE_LOCATION,
            KEYSTORE_PASSWORD,
            KEYSTORE_TYPE,
            KEY_PASSWORD);

    public RegistryClientSettings {
        Objects.requireNonNull(access, "access");
    }

    /**
     * Reads the keys above; marks them used.
     *
     * @param autoRegisterDefault the service's default for {@link #AUTO_REGISTER}
     * @throws Settings.ConfigException naming the key when a value is invalid
     */
    public static RegistryClientSettings from(Settings settings, boolean autoRegisterDefault) {
        Map<String, String> values = new HashMap<>();
        for (Setting<String> key : ACCESS_KEYS) {
            String value = key.read(settings);
            if (value != null) {
                values.put(key.name(), value);
            }
        }
        RegistryAccess access;
        try {
            access = RegistryAccess.from(values);
        } catch (org.apache.kafka.common.config.ConfigException e) {
            throw new Settings.ConfigException("basic.auth.* / schema.registry.ssl.*", e.getMessage());
        }
        return new RegistryClientSettings(access, AUTO_REGISTER.read(settings, autoRegisterDefault));
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
