package io.newsflow.ingest;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of ingestion (files, and the {@code news-ingest} drop topic), immutable and validated on
 * construction.
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
 *   <tr><td>{@value #GROUP_ID}</td><td>string</td><td>{@code newsflow-ingest}</td>
 *       <td>Drop topic only: consumer group of {@code news-ingest}. Instances with the same group share the
 *       topic's partitions; a new group starts at the earliest record.</td></tr>
 *   <tr><td>{@value #TRANSACTIONAL_ID}</td><td>string</td><td>{@code newsflow-ingest-drop-topic}</td>
 *       <td>Drop topic only: the producer's {@code transactional.id}, used as given. It must be unique per running
 *       instance: a second instance with the same id fences (stops) the first.</td></tr>
 *   <tr><td>{@value #POLL_TIMEOUT}</td><td>duration</td><td>{@code PT1S}</td>
 *       <td>Drop topic only: how long one poll waits for records; 10 ms to 1 minute.</td></tr>
 *   <tr><td>{@value #BATCH_SIZE}</td><td>integer</td><td>{@code 100}</td>
 *       <td>Drop topic only: most records per poll, all handled in one transaction; 1 to 10000.</td></tr>
 *   <tr><td>{@value #RETRY_BACKOFF}</td><td>duration</td><td>{@code PT1S}</td>
 *       <td>Drop topic only: pause after an aborted transaction (broker or registry briefly away) before the
 *       records are read again; 0 to 5 minutes.</td></tr>
 * </table>
 * Any other key is an error ({@link Settings#requireAllUsed()}).
 *
 * @param bootstrapServers  value of {@value #BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl value of {@value #SCHEMA_REGISTRY_URL}
 * @param source            value of {@value #SOURCE}
 * @param clientId          value of {@value #CLIENT_ID}
 * @param linger            value of {@value #LINGER}
 * @param dropTopic         the keys of the {@code news-ingest} consumer ({@value #GROUP_ID} ...
 *                          {@value #RETRY_BACKOFF})
 */
public record IngestConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String source,
        String clientId,
        Duration linger,
        DropTopic dropTopic) {

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

    /** Key: consumer group of the drop topic. */
    public static final String GROUP_ID = "ingest.group.id";
    /** Key: transactional id of the drop-topic producer. */
    public static final String TRANSACTIONAL_ID = "ingest.transactional.id";
    /** Key: drop-topic poll timeout. */
    public static final String POLL_TIMEOUT = "ingest.poll.timeout";
    /** Key: most drop-topic records per transaction. */
    public static final String BATCH_SIZE = "ingest.batch.size";
    /** Key: pause after an aborted drop-topic transaction. */
    public static final String RETRY_BACKOFF = "ingest.retry.backoff";

    /** Default of {@value #SOURCE}. */
    public static final String DEFAULT_SOURCE = "unknown";
    /** Default of {@value #CLIENT_ID}. */
    public static final String DEFAULT_CLIENT_ID = "newsflow-ingest";
    /** Default of {@value #LINGER}. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(20);
    /** Default of {@value #GROUP_ID}. */
    public static final String DEFAULT_GROUP_ID = "newsflow-ingest";
    /** Default of {@value #TRANSACTIONAL_ID}. */
    public static final String DEFAULT_TRANSACTIONAL_ID = "newsflow-ingest-drop-topic";
    /** Default of {@value #POLL_TIMEOUT}. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(1);
    /** Default of {@value #BATCH_SIZE}. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Default of {@value #RETRY_BACKOFF}. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);

    /** Validates every field; the exception names the key. */
    public IngestConfig {
        bootstrapServers = ConfigChecks.bootstrapServers(BOOTSTRAP_SERVERS, bootstrapServers);
        schemaRegistryUrl = ConfigChecks.registryUrl(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        source = ConfigChecks.plainText(SOURCE, source);
        clientId = ConfigChecks.plainText(CLIENT_ID, clientId);
        ConfigChecks.inRange(LINGER, linger, Duration.ZERO, Duration.ofMinutes(1));
        Objects.requireNonNull(dropTopic, "dropTopic");
    }

    /**
     * The settings of the {@code news-ingest} consumer ({@code newsflow ingest --from-topic}), validated on
     * construction; see the keys in the {@linkplain IngestConfig class comment}.
     *
     * @param groupId         value of {@value #GROUP_ID}
     * @param transactionalId value of {@value #TRANSACTIONAL_ID}
     * @param pollTimeout     value of {@value #POLL_TIMEOUT}
     * @param batchSize       value of {@value #BATCH_SIZE}
     * @param retryBackoff    value of {@value #RETRY_BACKOFF}
     */
    public record DropTopic(
            String groupId, String transactionalId, Duration pollTimeout, int batchSize, Duration retryBackoff) {

        /** Validates every field; the exception names the key. */
        public DropTopic {
            groupId = ConfigChecks.plainText(GROUP_ID, groupId);
            transactionalId = ConfigChecks.plainText(TRANSACTIONAL_ID, transactionalId);
            ConfigChecks.inRange(POLL_TIMEOUT, pollTimeout, Duration.ofMillis(10), Duration.ofMinutes(1));
            ConfigChecks.inRange(BATCH_SIZE, batchSize, 1, 10_000);
            ConfigChecks.inRange(RETRY_BACKOFF, retryBackoff, Duration.ZERO, Duration.ofMinutes(5));
        }

        /** The defaults. */
        public static DropTopic defaults() {
            return new DropTopic(
                    DEFAULT_GROUP_ID,
                    DEFAULT_TRANSACTIONAL_ID,
                    DEFAULT_POLL_TIMEOUT,
                    DEFAULT_BATCH_SIZE,
                    DEFAULT_RETRY_BACKOFF);
        }
    }

    /** This configuration with other drop-topic settings (tests and the demo use their own group and id). */
    public IngestConfig withDropTopic(DropTopic settings) {
        return new IngestConfig(bootstrapServers, schemaRegistryUrl, source, clientId, linger, settings);
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
                settings.duration(LINGER, DEFAULT_LINGER),
                new DropTopic(
                        settings.string(GROUP_ID, DEFAULT_GROUP_ID),
                        settings.string(TRANSACTIONAL_ID, DEFAULT_TRANSACTIONAL_ID),
                        settings.duration(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT),
                        settings.integer(BATCH_SIZE, DEFAULT_BATCH_SIZE),
                        settings.duration(RETRY_BACKOFF, DEFAULT_RETRY_BACKOFF)));
        settings.requireAllUsed();
        return config;
    }
}
