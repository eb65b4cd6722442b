package io.newsflow.ingest.http;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Configuration of the HTTP endpoint ({@code newsflow ingest --http}), immutable and validated on construction.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #HOST}</td><td>IP address or host name</td><td>{@code 127.0.0.1}</td>
 *       <td>Address to bind. Anything but a loopback address requires {@value #TOKEN}.</td></tr>
 *   <tr><td>{@value #PORT}</td><td>0..65535</td><td>{@code 8090}</td>
 *       <td>Port to bind; 0 picks a free one (printed at start).</td></tr>
 *   <tr><td>{@value #TOKEN}</td><td>string, at least 16 characters</td><td>none</td>
 *       <td>When set, {@code POST /articles} requires {@code Authorization: Bearer <token>} (else 401).
 *       {@code GET /health} never does.</td></tr>
 *   <tr><td>{@value #MAX_BYTES}</td><td>bytes, 1 KiB..64 MiB</td><td>{@code 4194304} (4 MiB)</td>
 *       <td>Largest request body accepted; a larger one is answered 413 after reading at most this many bytes
 *       plus one.</td></tr>
 * </table>
 *
 * <p>{@link #from} reads its keys without checking for unknown ones: read it before {@code IngestConfig.from}, which
 * calls {@link Settings#requireAllUsed()} over every key read so far.
 *
 * @param host     value of {@value #HOST}
 * @param port     value of {@value #PORT}
 * @param token    value of {@value #TOKEN}, null when not set
 * @param maxBytes value of {@value #MAX_BYTES}
 */
public record HttpIngestConfig(String host, int port, String token, int maxBytes) {

    /** Key: bind address. */
    public static final String HOST = "ingest.http.host";
    /** Key: port. */
    public static final String PORT = "ingest.http.port";
    /** Key: bearer token. */
    public static final String TOKEN = "ingest.http.token";
    /** Key: request size limit. */
    public static final String MAX_BYTES = "ingest.http.max.bytes";

    /** Default of {@value #HOST}. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default of {@value #PORT}. */
    public static final int DEFAULT_PORT = 8090;
    /** Default of {@value #MAX_BYTES}: 4 MiB. */
    public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
    /** Shortest token accepted: a short token is guessable. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Validates every field; the exception names the key. */
    public HttpIngestConfig {
        host = ConfigChecks.plainText(HOST, host);
        ConfigChecks.inRange(PORT, port, 0, 65_535);
        ConfigChecks.inRange(MAX_BYTES, maxBytes, 1024, 64 * 1024 * 1024);
        if (token != null) {
            token = token.strip();
            if (token.length() < MIN_TOKEN_LENGTH || token.codePoints().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new ConfigException(
                        TOKEN,
                        "must be at least " + MIN_TOKEN_LENGTH + " printable ASCII characters without spaces "
                                + "(e.g. openssl rand -hex 32)");
            }
        }
        if (token == null && !isLoopback(host)) {
            throw new ConfigException(
                    TOKEN,
                    "is required to bind to " + host + ", which is not a loopback address: without a token anyone "
                            + "who reaches the port could publish articles (bind to 127.0.0.1 or set " + TOKEN + ")");
        }
    }

    /** The defaults: 127.0.0.1:8090, no token, 4 MiB. */
    public static HttpIngestConfig defaults() {
        return new HttpIngestConfig(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_MAX_BYTES);
    }

    /** A copy with another port (the {@code --port} option). */
    public HttpIngestConfig withPort(int newPort) {
        return new HttpIngestConfig(host, newPort, token, maxBytes);
    }

    /** Reads the keys above from {@code settings} (see the class comment about unknown keys). */
    public static HttpIngestConfig from(Settings settings) {
        return new HttpIngestConfig(
                settings.string(HOST, DEFAULT_HOST),
                settings.integer(PORT, DEFAULT_PORT),
                settings.string(TOKEN, null),
                settings.integer(MAX_BYTES, DEFAULT_MAX_BYTES));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HttpIngestConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "set")
                + ", maxBytes=" + maxBytes + "]";
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
            throw new ConfigException(HOST, "cannot be resolved: " + host);
        }
    }
}
