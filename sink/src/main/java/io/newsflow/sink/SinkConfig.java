package io.newsflow.sink;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import io.newsflow.schemas.registry.RegistryClientSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the sink, immutable and validated on construction.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #BOOTSTRAP_SERVERS}</td><td>host:port list, comma-separated</td><td>required</td>
 *       <td>Kafka brokers to consume from (and to send dead letters to).</td></tr>
 *   <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>URL</td><td>required</td>
 *       <td>Confluent-compatible schema registry ({@code http(s)://...}) or {@code mem://name}.</td></tr>
 *   <tr><td>{@value #JDBC_URL}</td><td>JDBC URL</td><td>{@value #DEFAULT_JDBC_URL}</td>
 *       <td>Where articles are stored: {@code jdbc:sqlite:<file>} (parent directories are created) or
 *       {@code jdbc:postgresql://host:port/db?user=...}.</td></tr>
 *   <tr><td>{@value #GROUP_ID}</td><td>string</td><td>{@value #DEFAULT_GROUP_ID}</td>
 *       <td>Kafka consumer group; sinks in one group share the partitions.</td></tr>
 *   <tr><td>{@value #BATCH_SIZE}</td><td>integer 1..10000</td><td>500</td>
 *       <td>Most records per poll ({@code max.poll.records}), i.e. per database transaction.</td></tr>
 *   <tr><td>{@value #POLL_TIMEOUT}</td><td>duration (ISO-8601 or milliseconds)</td><td>1 second</td>
 *       <td>How long one poll waits for records; also the granularity of idle detection. 1 ms to 1 minute.</td></tr>
 *   <tr><td>{@value #CLIENT_ID}</td><td>string</td><td>{@value #DEFAULT_CLIENT_ID}</td>
 *       <td>Kafka {@code client.id} prefix of the consumer and the dead-letter producer.</td></tr>
 *   <tr><td>{@value RegistryClientSettings#AUTO_REGISTER}</td><td>boolean</td><td>false</td>
 *       <td>Whether the dead-letter serializer may register its schema; off: {@code newsflow topics --create}
 *       registers it, and a missing one stops the sink naming the subject.</td></tr>
 *   <tr><td>{@code basic.auth.credentials.source}, {@code basic.auth.user.info}, {@code schema.registry.ssl.*}</td>
 *       <td></td><td>none</td><td>Registry credentials and TLS, as Confluent names them
 *       ({@link RegistryClientSettings}).</td></tr>
 * </table>
 * Any other key is an error ({@link Settings#requireAllUsed()}).
 *
 * @param bootstrapServers  value of {@value #BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl value of {@value #SCHEMA_REGISTRY_URL}
 * @param jdbcUrl           value of {@value #JDBC_URL}
 * @param groupId           value of {@value #GROUP_ID}
 * @param batchSize         value of {@value #BATCH_SIZE}
 * @param pollTimeout       value of {@value #POLL_TIMEOUT}
 * @param clientId          value of {@value #CLIENT_ID}
 * @param registry          registry credentials, TLS and {@value RegistryClientSettings#AUTO_REGISTER}
 */
public record SinkConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String jdbcUrl,
        String groupId,
        int batchSize,
        Duration pollTimeout,
        String clientId,
        RegistryClientSettings registry) {

    /** Key: Kafka bootstrap servers. */
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    /** Key: schema registry URL. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Key: JDBC URL of the article database. */
    public static final String JDBC_URL = "sink.jdbc.url";
    /** Key: consumer group id. */
    public static final String GROUP_ID = "sink.group.id";
    /** Key: records per poll and per transaction. */
    public static final String BATCH_SIZE = "sink.batch.size";
    /** Key: poll timeout. */
    public static final String POLL_TIMEOUT = "sink.poll.timeout";
    /** Key: Kafka client id prefix. */
    public static final String CLIENT_ID = "sink.client.id";

    /** Default of {@value #JDBC_URL}. */
    public static final String DEFAULT_JDBC_URL = "jdbc:sqlite:.newsflow/newsflow.db";
    /** Default of {@value #GROUP_ID}. */
    public static final String DEFAULT_GROUP_ID = "newsflow-sink";
    /** Default of {@value #BATCH_SIZE}. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** Default of {@value #POLL_TIMEOUT}. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(1);
    /** Default of {@value #CLIENT_ID}. */
    public static final String DEFAULT_CLIENT_ID = "newsflow-sink";

    /** Validates every field; the exception names the key. */
    public SinkConfig {
        bootstrapServers = ConfigChecks.bootstrapServers(BOOTSTRAP_SERVERS, bootstrapServers);
        schemaRegistryUrl = ConfigChecks.registryUrl(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        jdbcUrl = ConfigChecks.required(JDBC_URL, jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(
                    JDBC_URL,
                    "must start with jdbc:sqlite: or jdbc:postgresql:, got '" + JdbcArticleStore.redact(jdbcUrl) + "'");
        }
        groupId = ConfigChecks.plainText(GROUP_ID, groupId);
        clientId = ConfigChecks.plainText(CLIENT_ID, clientId);
        ConfigChecks.inRange(BATCH_SIZE, batchSize, 1, 10_000);
        ConfigChecks.inRange(POLL_TIMEOUT, pollTimeout, Duration.ofMillis(1), Duration.ofMinutes(1));
        Objects.requireNonNull(registry, "registry");
    }

    /**
     * Reads the keys above from {@code settings}.
     *
     * @throws ConfigException naming the first missing, invalid or unknown key
     */
    public static SinkConfig from(Settings settings) {
        SinkConfig config = new SinkConfig(
                settings.requiredString(BOOTSTRAP_SERVERS),
                settings.requiredString(SCHEMA_REGISTRY_URL),
                settings.string(JDBC_URL, DEFAULT_JDBC_URL),
                settings.string(GROUP_ID, DEFAULT_GROUP_ID),
                settings.integer(BATCH_SIZE, DEFAULT_BATCH_SIZE),
                settings.duration(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT),
                settings.string(CLIENT_ID, DEFAULT_CLIENT_ID),
                RegistryClientSettings.from(settings, false));
        settings.requireAllUsed();
        return config;
    }
}
