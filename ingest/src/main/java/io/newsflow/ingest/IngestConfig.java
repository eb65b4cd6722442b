package io.newsflow.ingest;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.time.Duration;

/**
 * Configuration of file ingestion, immutable and validated on construction.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #BOOTSTRAP_SERVERS}</td><td>host:port list, comma-separated</td><td>required</td>
 *       <td>Kafka brokers to produce to.</td></tr>
 *   <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>URL</td><td>required</td>
 *       <td>Confluent-compatible schema registry ({@code http(s)://...}) or {@code mem://name} for an in-memory one.</td></tr>
 *   <tr><td>{@value #SOURCE}</td><td>string</td><td>{@code unknown}</td>
 *       <td>Source (outlet) of articles that do not declare their own.</td></tr>
 *   <tr><td>{@value #CLIENT_ID}</td><td>string</td><td>{@code newsflow-ingest}</td>
 *       <td>Kafka {@code client.id} prefix of the producers (shows up in broker logs and quotas).</td></tr>
 *   <tr><td>{@value #LINGER}</td><td>duration (ISO-8601 or milliseconds)</td><td>{@code 20} ms</td>
 *       <td>Producer {@code linger.ms}: how long a batch may wait for more records; 0 to 1 minute.</td></tr>
 * </table>
 * Any other key is an error ({@link Settings#requireAllUsed()}).
 *
 * @param bootstrapServers  value of {@value #BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl value of {@value #SCHEMA_REGISTRY_URL}
 * @param source            value of {@value #SOURCE}
 * @param clientId          value of {@value #CLIENT_ID}
 * @param linger            value of {@value #LINGER}
 */
public record IngestConfig(
        String bootstrapServers, String schemaRegistryUrl, String source, String clientId, Duration linger) {

    /** Key: Kafka bootstrap servers. */
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    /** Key: schema registry URL. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Key: default article source. */
    public static final String SOURCE = "ingest.source";
    /** Key: Kafka client id prefix. */
    public static final String CLIENT_ID = "ingest.client.id";
    /** Key: producer linger. */
    public static final String LINGER = "ingest.linger";

    /** Default of {@value #SOURCE}. */
    public static final String DEFAULT_SOURCE = "unknown";
    /** Default of {@value #CLIENT_ID}. */
    public static final String DEFAULT_CLIENT_ID = "newsflow-ingest";
    /** Default of {@value #LINGER}. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(20);

    /** Validates every field; the exception names the key. */
    public IngestConfig {
        bootstrapServers = ConfigChecks.bootstrapServers(BOOTSTRAP_SERVERS, bootstrapServers);
        schemaRegistryUrl = ConfigChecks.registryUrl(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        source = ConfigChecks.plainText(SOURCE, source);
        clientId = ConfigChecks.plainText(CLIENT_ID, clientId);
        ConfigChecks.inRange(LINGER, linger, Duration.ZERO, Duration.ofMinutes(1));
    }

    /**
     * Reads the keys above from {@code settings}.
     *
     * @throws ConfigException naming the first missing, invalid or unknown key
     */
    public static IngestConfig from(Settings settings) {
        IngestConfig config = new IngestConfig(
                settings.requiredString(BOOTSTRAP_SERVERS),
                settings.requiredString(SCHEMA_REGISTRY_URL),
                settings.string(SOURCE, DEFAULT_SOURCE),
                settings.string(CLIENT_ID, DEFAULT_CLIENT_ID),
                settings.duration(LINGER, DEFAULT_LINGER));
        settings.requireAllUsed();
        return config;
    }
}
