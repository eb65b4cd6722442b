package io.newsflow.sink;

import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import io.newsflow.schemas.registry.RegistryClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the sink, immutable and validated on construction.
 *
 * <p>Each key is defined once, by the {@link Setting} constants below (name, default, validation, meaning); the
 * README's configuration table is generated from them. Any other key is an error ({@link Settings#requireAllUsed()}).
 *
 * @param bootstrapServers  value of {@link #BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl value of {@link #SCHEMA_REGISTRY_URL}
 * @param jdbcUrl           value of {@link #JDBC_URL}
 * @param groupId           value of {@link #GROUP_ID}
 * @param batchSize         value of {@link #BATCH_SIZE}
 * @param pollTimeout       value of {@link #POLL_TIMEOUT}
 * @param clientId          value of {@link #CLIENT_ID}
 * @param registry          registry credentials, TLS and {@link RegistryClientSettings#AUTO_REGISTER} (keys in
 *                          {@link RegistryClientSettings#KEYS})
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

    /** Kafka brokers to consume from (and to send dead letters to). */
    public static final Setting<String> BOOTSTRAP_SERVERS = CommonSettings.BOOTSTRAP_SERVERS;
    /** The schema registry. */
    public static final Setting<String> SCHEMA_REGISTRY_URL = CommonSettings.SCHEMA_REGISTRY_URL;

    /** JDBC URL of the article database. */
    public static final Setting<String> JDBC_URL = Setting.string("sink.jdbc.url")
            .withDefault("jdbc:sqlite:.newsflow/newsflow.db")
            .withCheck(SinkConfig::jdbcUrl)
            .usedBy("sink")
            .withDoc("where articles are stored: `jdbc:sqlite:<file>` (parent directories are created) or"
                    + " `jdbc:postgresql://host:port/db?user=…`");

    /** Consumer group id. */
    public static final Setting<String> GROUP_ID = Setting.string("sink.group.id")
            .withDefault("newsflow-sink")
            .withCheck(ConfigChecks::plainText)
            .usedBy("sink")
            .withDoc("Kafka consumer group; sinks in one group share the partitions");

    /** Records per poll and per transaction. */
    public static final Setting<Integer> BATCH_SIZE = Setting.integer("sink.batch.size")
            .withDefault(500)
            .withRange(1, 10_000)
            .usedBy("sink")
            .withDoc("most records per poll (`max.poll.records`), written in one database transaction");

    /** Poll timeout. */
    public static final Setting<Duration> POLL_TIMEOUT = Setting.duration("sink.poll.timeout")
            .withDefault(Duration.ofSeconds(1))
            .withRange(Duration.ofMillis(1), Duration.ofMinutes(1))
            .usedBy("sink")
            .withDoc("how long one poll waits for records; also the granularity of idle detection");

    /** Kafka client id prefix. */
    public static final Setting<String> CLIENT_ID = Setting.string("sink.client.id")
            .withDefault("newsflow-sink")
            .withCheck(ConfigChecks::plainText)
            .usedBy("sink")
            .withDoc("Kafka `client.id` prefix of the consumer and the dead-letter producer");

    /** The sink's own keys (the common ones are {@link CommonSettings#ALL}), in the order the README lists them. */
    public static final List<Setting<?>> KEYS = List.of(JDBC_URL, GROUP_ID, BATCH_SIZE, POLL_TIMEOUT, CLIENT_ID);

    /** Validates every field; the exception names the key. */
    public SinkConfig {
        bootstrapServers = BOOTSTRAP_SERVERS.check(bootstrapServers);
        schemaRegistryUrl = SCHEMA_REGISTRY_URL.check(schemaRegistryUrl);
        jdbcUrl = JDBC_URL.check(jdbcUrl);
        groupId = GROUP_ID.check(groupId);
        clientId = CLIENT_ID.check(clientId);
        BATCH_SIZE.check(batchSize);
        POLL_TIMEOUT.check(pollTimeout);
        Objects.requireNonNull(registry, "registry");
    }

    private static String jdbcUrl(String key, String value) {
        String url = ConfigChecks.required(key, value);
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(
                    key,
                    "must start with jdbc:sqlite: or jdbc:postgresql:, got '" + JdbcArticleStore.redact(url) + "'");
        }
        return url;
    }

    /**
     * Reads the keys above from {@code settings}; any other key given explicitly is an error.
     *
     * @throws ConfigException naming the first missing, invalid or unknown key
     */
    public static SinkConfig from(Settings settings) {
        SinkConfig config = new SinkConfig(
                BOOTSTRAP_SERVERS.read(settings),
                SCHEMA_REGISTRY_URL.read(settings),
                JDBC_URL.read(settings),
                GROUP_ID.read(settings),
                BATCH_SIZE.read(settings),
                POLL_TIMEOUT.read(settings),
                CLIENT_ID.read(settings),
                RegistryClientSettings.from(settings, false));
        settings.requireAllUsed();
        return config;
    }
}
