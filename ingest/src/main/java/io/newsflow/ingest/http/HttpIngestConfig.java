package io.newsflow.ingest.http;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Configuration of the HTTP endpoint ({@code newsflow ingest --http}), immutable and validated on construction. Each
 * key is defined once, by the {@link Setting} constants below; the README's configuration table is generated from
 * them.
 *
 * <p>{@link #from} reads its keys without checking for unknown ones: read it before {@code IngestConfig.from}, which
 * calls {@link Settings#requireAllUsed()} over every key read so far.
 *
 * @param host     value of {@link #HOST}
 * @param port     value of {@link #PORT}
 * @param token    value of {@link #TOKEN}, null when not set
 * @param maxBytes value of {@link #MAX_BYTES}
 */
public record HttpIngestConfig(String host, int port, String token, int maxBytes) {

    /** Shortest token accepted: a short token is guessable. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Bind address. */
    public static final Setting<String> HOST = Setting.string("ingest.http.host")
            .withDefault("127.0.0.1")
            .withCheck(ConfigChecks::plainText)
            .usedBy("ingest `--http`")
            .withDoc("address to bind; anything but a loopback address requires `ingest.http.token`");

    /** Port. */
    public static final Setting<Integer> PORT = Setting.integer("ingest.http.port")
            .withDefault(8090)
            .withRange(0, 65_535)
            .usedBy("ingest `--http`")
            .withDoc("port to bind (`--port` overrides); 0 picks a free one, printed at start");

    /** Bearer token; optional on loopback. */
    public static final Setting<String> TOKEN = Setting.string("ingest.http.token")
            .optional()
            .withCheck(HttpIngestConfig::token)
            .usedBy("ingest `--http`")
            .withDoc("when set, `POST /articles` requires `Authorization: Bearer <token>` (else 401); `GET /health`"
                    + " never does. At least " + MIN_TOKEN_LENGTH + " printable ASCII characters without spaces");

    /** Request size limit. */
    public static final Setting<Integer> MAX_BYTES = Setting.integer("ingest.http.max.bytes")
            .withDefault(4 * 1024 * 1024)
            .withRange(1024, 64 * 1024 * 1024)
            .usedBy("ingest `--http`")
            .withDoc("largest request body accepted; a larger one is answered 413 after reading at most this many"
                    + " bytes plus one");

    /** Every key, in the order the README lists them. */
    public static final List<Setting<?>> KEYS = List.of(HOST, PORT, TOKEN, MAX_BYTES);

    /** Validates every field; the exception names the key. */
    public HttpIngestConfig {
        host = HOST.check(host);
        PORT.check(port);
        MAX_BYTES.check(maxBytes);
        token = TOKEN.check(token);
        if (token == null && !isLoopback(host)) {
            throw new ConfigException(
                    TOKEN.name(),
                    "is required to bind to " + host + ", which is not a loopback address: without a token anyone "
                            + "who reaches the port could publish articles (bind to 127.0.0.1 or set " + TOKEN.name()
                            + ")");
        }
    }

    /** The defaults: 127.0.0.1:8090, no token, 4 MiB. */
    public static HttpIngestConfig defaults() {
        return new HttpIngestConfig(HOST.defaultValue(), PORT.defaultValue(), null, MAX_BYTES.defaultValue());
    }

    /** A copy with another port (the {@code --port} option). */
    public HttpIngestConfig withPort(int newPort) {
        return new HttpIngestConfig(host, newPort, token, maxBytes);
    }

    /** Reads the keys above from {@code settings} (see the class comment about unknown keys). */
    public static HttpIngestConfig from(Settings settings) {
        return new HttpIngestConfig(
                HOST.read(settings), PORT.read(settings), TOKEN.read(settings), MAX_BYTES.read(settings));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HttpIngestConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "set")
                + ", maxBytes=" + maxBytes + "]";
    }

    private static String token(String key, String value) {
        String token = value.strip();
        if (token.length() < MIN_TOKEN_LENGTH || token.codePoints().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new ConfigException(
                    key,
                    "must be at least " + MIN_TOKEN_LENGTH + " printable ASCII characters without spaces "
                            + "(e.g. openssl rand -hex 32)");
        }
        return token;
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new ConfigException(HOST.name(), "cannot be resolved: " + host);
        }
    }
}
