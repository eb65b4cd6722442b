package io.newsflow.schemas.registry;

import io.newsflow.schemas.config.Redact;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a client proves who it is to the registry and which TLS certificates it trusts, read from the keys Confluent's
 * own serdes read, so that an existing client configuration works unchanged.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Meaning</th></tr>
 *   <tr><td>{@value #CREDENTIALS_SOURCE}</td><td>{@code URL} (default): the user info of the registry URL,
 *       {@code https://user:password@host}; {@code USER_INFO}: {@value #USER_INFO}.</td></tr>
 *   <tr><td>{@value #USER_INFO}</td><td>{@code user:password} for HTTP basic authentication.</td></tr>
 *   <tr><td>{@code schema.registry.ssl.truststore.location / .password / .type}</td><td>the certificates to
 *       trust (default type JKS; without a truststore, the JVM's).</td></tr>
 *   <tr><td>{@code schema.registry.ssl.keystore.location / .password / .type}, {@code schema.registry.ssl.key.password}
 *       </td><td>a client certificate, for registries that ask for one (mutual TLS).</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows a password.
 */
public final class RegistryAccess {

    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String SSL_PREFIX = "schema.registry.ssl.";
    public static final String TRUSTSTORE_LOCATION = SSL_PREFIX + "truststore.location";
    public static final String TRUSTSTORE_PASSWORD = SSL_PREFIX + "truststore.password";
    public static final String TRUSTSTORE_TYPE = SSL_PREFIX + "truststore.type";
    public static final String KEYSTORE_LOCATION = SSL_PREFIX + "keystore.location";
    public static final String KEYSTORE_PASSWORD = SSL_PREFIX + "keystore.password";
    public static final String KEYSTORE_TYPE = SSL_PREFIX + "keystore.type";
    public static final String KEY_PASSWORD = SSL_PREFIX + "key.password";

    /** No credentials beyond the URL's own user info, the JVM's trusted certificates. */
    public static final RegistryAccess DEFAULT = new RegistryAccess(null, null, null);

    private final String source;
    private final String userInfo;
    private final SSLContext sslContext;

    private RegistryAccess(String source, String userInfo, SSLContext sslContext) {
        this.source = source;
        this.userInfo = userInfo;
        this.sslContext = sslContext;
    }

    /** Basic authentication as {@code user:password}, whatever the URL says. */
    public static RegistryAccess basicAuth(String userInfo) {
        return new RegistryAccess("USER_INFO", requireUserInfo(USER_INFO, userInfo), null);
    }

    /** Reads the keys above from a Kafka-style configuration map; absent keys keep the defaults. */
    public static RegistryAccess from(Map<String, ?> configs) {
        String source = text(configs, CREDENTIALS_SOURCE);
        source = source == null ? "URL" : source.trim().toUpperCase(Locale.ROOT);
        String userInfo = null;
        switch (source) {
            case "URL" -> {}
            case "USER_INFO" -> userInfo = requireUserInfo(USER_INFO, text(configs, USER_INFO));
            default ->
                throw new ConfigException(
                        CREDENTIALS_SOURCE, source, "must be URL or USER_INFO (SASL_INHERIT is not supported)");
        }
        return new RegistryAccess(source, userInfo, sslContext(configs));
    }

    /**
     * The {@code Authorization} header value for a request to {@code url}: from {@value #USER_INFO}, or else from
     * the URL's user info; empty when there are no credentials.
     */
    Optional<String> authorization(URI url) {
        String credentials = userInfo;
        if (credentials == null && url.getRawUserInfo() != null) {
            credentials = URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8);
        }
        return Optional.ofNullable(credentials)
                .map(c -> "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
    }

    /** The TLS context built from the truststore / keystore keys, when any was given. */
    Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    @Override
    public String toString() {
        return "RegistryAccess[source=" + (source == null ? "URL" : source) + ", userInfo="
                + (userInfo == null ? "none" : Redact.MASK) + ", tls=" + (sslContext == null ? "JVM default" : "own")
                + "]";
    }

    private static String requireUserInfo(String key, String userInfo) {
        if (userInfo == null || !userInfo.contains(":")) {
            throw new ConfigException(key, userInfo == null ? null : Redact.MASK, "must be user:password");
        }
        return userInfo;
    }

    private static SSLContext sslContext(Map<String, ?> configs) {
        String trustLocation = text(configs, TRUSTSTORE_LOCATION);
        String keyLocation = text(configs, KEYSTORE_LOCATION);
        if (trustLocation == null && keyLocation == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (trustLocation != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(TRUSTSTORE_LOCATION, trustLocation, configs, TRUSTSTORE_TYPE, TRUSTSTORE_PASSWORD));
            }
            KeyManagerFactory keys = null;
            if (keyLocation != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPassword = text(configs, KEY_PASSWORD);
                if (keyPassword == null) {
                    keyPassword = text(configs, KEYSTORE_PASSWORD);
                }
                keys.init(
                        load(KEYSTORE_LOCATION, keyLocation, configs, KEYSTORE_TYPE, KEYSTORE_PASSWORD),
                        keyPassword == null ? null : keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(SSL_PREFIX + "*", trustLocation, "cannot set up TLS: " + e.getMessage());
        }
    }

    private static KeyStore load(
            String locationKey, String location, Map<String, ?> configs, String typeKey, String passwordKey)
            throws GeneralSecurityException {
        String type = text(configs, typeKey);
        String password = text(configs, passwordKey);
        KeyStore store = KeyStore.getInstance(type == null ? "JKS" : type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            throw new ConfigException(locationKey, location, "cannot be read: " + e.getMessage());
        }
        return store;
    }

    private static String text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        // Kafka passes passwords as org.apache.kafka.common.config.types.Password, whose toString hides the value
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            return password.value();
        }
        String s = value.toString();
        return s.isBlank() ? null : s;
    }
}
