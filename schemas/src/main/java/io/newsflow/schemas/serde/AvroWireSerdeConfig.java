package io.newsflow.schemas.serde;

import io.newsflow.schemas.config.Redact;
import io.newsflow.schemas.registry.RegistryAccess;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * The Kafka client / Streams config keys the serde reads when Kafka creates it by class name and calls
 * {@code configure(configs, isKey)}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Type</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>string</td><td>required</td>
 *       <td>Registry base URL: {@code http://host:8081}, {@code http://host:8080/apis/ccompat/v7} (tests also
 *       use {@code mem://<name>}, served by the in-memory registry of the schemas test-jar).</td></tr>
 *   <tr><td>{@value #AUTO_REGISTER}</td><td>boolean</td><td>{@code true}</td>
 *       <td>Confluent's key: whether the serializer registers its schema under a subject that lacks it, or only looks
 *       it up and fails naming the subject ({@code false}, what newsflow's enricher and sink do by default). The
 *       serializer never sets a compatibility level: {@code newsflow topics --create} does, once.</td></tr>
 *   <tr><td>{@code basic.auth.credentials.source}, {@code basic.auth.user.info},
 *       {@code schema.registry.ssl.*}</td><td></td><td>none</td>
 *       <td>Registry credentials and TLS, named as Confluent's serdes name them: see {@link RegistryAccess}.</td></tr>
 *   <tr><td>{@value #KEY_CLASS} / {@value #VALUE_CLASS}</td><td>class or class name</td><td>none</td>
 *       <td>The generated {@code SpecificRecord} class to read keys / values into (its schema is the reader schema).
 *       Without it the class is found from the writer schema's full name, as Confluent's
 *       {@code specific.avro.reader=true} does.</td></tr>
 * </table>
 */
public final class AvroWireSerdeConfig {

    /** Same key as Confluent's serde, so existing configs work unchanged. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    /** Same key and default as Confluent's serializer. */
    public static final String AUTO_REGISTER = "auto.register.schemas";

    public static final String KEY_CLASS = "newsflow.avro.key.class";
    public static final String VALUE_CLASS = "newsflow.avro.value.class";

    private AvroWireSerdeConfig() {}

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "is required by the newsflow Avro serde");
        }
        try {
            return SchemaRegistryClients.forUrl(
                    url.toString(), RestSchemaRegistryClient.Options.DEFAULTS, RegistryAccess.from(configs));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, Redact.url(url.toString()), e.getMessage());
        }
    }

    /** {@value #AUTO_REGISTER}, {@code true} when absent (as Confluent's serializer). */
    static boolean autoRegister(Map<String, ?> configs) {
        Object value = configs.get(AUTO_REGISTER);
        if (value == null || value.toString().isBlank()) {
            return true;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(AUTO_REGISTER, value, "must be true or false");
        };
    }

    /** The configured record class for keys or values, or {@code null}. */
    static Class<? extends SpecificRecord> recordClass(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? KEY_CLASS : VALUE_CLASS;
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Class<?> type;
        if (value instanceof Class<?> c) {
            type = c;
        } else {
            try {
                type = Class.forName(
                        value.toString().trim(),
                        true,
                        Thread.currentThread().getContextClassLoader() != null
                                ? Thread.currentThread().getContextClassLoader()
                                : AvroWireSerdeConfig.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, value, "class not found");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, value, "is not an Avro SpecificRecord class");
        }
        return type.asSubclass(SpecificRecord.class);
    }
}
