package io.newsflow.ingest;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import io.newsflow.schemas.registry.RegistryClientSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Configuration of ingestion (files, folders, feeds, HTTP, and the {@code news-ingest} drop topic), immutable and
 * validated on construction.
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
 *   <tr><td>{@value #MAX_ARTICLE_BYTES}</td><td>whole number of bytes</td><td>{@code 4194304} (4 MiB)</td>
 *       <td>Largest article accepted: the UTF-8 size of its text (title, lede, body, URL, source, attributes),
 *       checked before anything is sent to Kafka. A larger article is rejected and its dead letter is slim (origin,
 *       size, SHA-256, first 8 KiB). 1 KiB to 8 MiB: the topics and producers carry 16 MiB
 *       ({@link Topics#MAX_MESSAGE_BYTES}), room for the article once enriched.</td></tr>
 *   <tr><td>{@value #KAFKA_PREFIX}{@code <producer property>}</td><td>string</td><td>none</td>
 *       <td>Passed to both Kafka producers as {@code <producer property>}, e.g.
 *       {@code ingest.kafka.security.protocol=SASL_SSL}, {@code ingest.kafka.sasl.mechanism=PLAIN},
 *       {@code ingest.kafka.sasl.jaas.config=...}, {@code ingest.kafka.ssl.truststore.location=...},
 *       {@code ingest.kafka.compression.type=zstd}. The name must be a Kafka producer setting. Settings newsflow
 *       owns cannot be overridden: {@value #RESERVED_LIST}.</td></tr>
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
 *   <tr><td>{@value RegistryClientSettings#AUTO_REGISTER}</td><td>boolean</td><td>{@code false}</td>
 *       <td>Whether ingest's serializers may register their schemas; off: {@code newsflow topics --create} registers
 *       them, and a missing one stops ingest naming the subject.</td></tr>
 *   <tr><td>{@code basic.auth.credentials.source}, {@code basic.auth.user.info}, {@code schema.registry.ssl.*}</td>
 *       <td></td><td>none</td><td>Registry credentials and TLS, as Confluent names them
 *       ({@link RegistryClientSettings}).</td></tr>
 * </table>
 * Any other key is an error ({@link Settings#requireAllUsed()}).
 *
 * @param bootstrapServers  value of {@value #BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl value of {@value #SCHEMA_REGISTRY_URL}
 * @param source            value of {@value #SOURCE}
 * @param clientId          value of {@value #CLIENT_ID}
 * @param linger            value of {@value #LINGER}
 * @param maxArticleBytes   value of {@value #MAX_ARTICLE_BYTES}
 * @param kafka             the {@value #KAFKA_PREFIX}{@code *} settings without the prefix; unmodifiable
 * @param dropTopic         the keys of the {@code news-ingest} consumer ({@value #GROUP_ID} ...
 *                          {@value #RETRY_BACKOFF})
 * @param registry          registry credentials, TLS and {@value RegistryClientSettings#AUTO_REGISTER} (default
 *                          false)
 */
public record IngestConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String source,
        String clientId,
        Duration linger,
        int maxArticleBytes,
        Map<String, String> kafka,
        DropTopic dropTopic,
        RegistryClientSettings registry) {

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

    /** Key: largest article text accepted, in bytes. */
    public static final String MAX_ARTICLE_BYTES = "ingest.max.article.bytes";
    /** Prefix of the keys passed through to the Kafka producers. */
    public static final String KAFKA_PREFIX = "ingest.kafka.";

    /** Default of {@value #MAX_ARTICLE_BYTES}: 4 MiB. */
    public static final int DEFAULT_MAX_ARTICLE_BYTES = ArticleNormaliser.DEFAULT_MAX_ARTICLE_BYTES;
    /** Smallest allowed {@value #MAX_ARTICLE_BYTES}. */
    public static final int MIN_MAX_ARTICLE_BYTES = 1024;
    /** Largest allowed {@value #MAX_ARTICLE_BYTES}: half of what the topics carry. */
    public static final int MAX_MAX_ARTICLE_BYTES = Topics.MAX_MESSAGE_BYTES / 2;

    /** Producer settings newsflow sets itself, with the newsflow key to use instead where there is one. */
    static final String RESERVED_LIST = "bootstrap.servers (use kafka.bootstrap.servers), client.id (use"
            + " ingest.client.id), linger.ms (use ingest.linger), max.request.size (follows the topics),"
            + " key.serializer, value.serializer, acks, enable.idempotence, transactional.id";

    private static final Set<String> RESERVED = Set.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.CLIENT_ID_CONFIG,
            ProducerConfig.LINGER_MS_CONFIG,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG);

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
        ConfigChecks.inRange(MAX_ARTICLE_BYTES, maxArticleBytes, MIN_MAX_ARTICLE_BYTES, MAX_MAX_ARTICLE_BYTES);
        Map<String, String> passed = new TreeMap<>();
        for (Map.Entry<String, String> e : (kafka == null ? Map.<String, String>of() : kafka).entrySet()) {
            String key = KAFKA_PREFIX + e.getKey();
            if (RESERVED.contains(e.getKey())) {
                throw new ConfigException(key, "cannot be overridden: newsflow sets it; reserved are " + RESERVED_LIST);
            }
            if (!ProducerConfig.configNames().contains(e.getKey())) {
                throw new ConfigException(key, "names no Kafka producer setting ('" + e.getKey() + "')");
            }
            passed.put(e.getKey(), ConfigChecks.required(key, e.getValue()));
        }
        kafka = Collections.unmodifiableMap(passed);
        Objects.requireNonNull(dropTopic, "dropTopic");
        Objects.requireNonNull(registry, "registry");
    }

    /**
     * The configuration before {@value #MAX_ARTICLE_BYTES}, {@value #KAFKA_PREFIX}{@code *} and the drop topic's keys
     * existed: the default size limit, no pass-through settings, the default drop-topic settings.
     */
    public IngestConfig(
            String bootstrapServers, String schemaRegistryUrl, String source, String clientId, Duration linger) {
        this(
                bootstrapServers,
                schemaRegistryUrl,
                source,
                clientId,
                linger,
                DEFAULT_MAX_ARTICLE_BYTES,
                Map.of(),
                DropTopic.defaults(),
                RegistryClientSettings.defaults(false));
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
        return new IngestConfig(
                bootstrapServers,
                schemaRegistryUrl,
                source,
                clientId,
                linger,
                maxArticleBytes,
                kafka,
                settings,
                registry);
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
                settings.integer(MAX_ARTICLE_BYTES, DEFAULT_MAX_ARTICLE_BYTES),
                settings.withPrefix(KAFKA_PREFIX),
                new DropTopic(
                        settings.string(GROUP_ID, DEFAULT_GROUP_ID),
                        settings.string(TRANSACTIONAL_ID, DEFAULT_TRANSACTIONAL_ID),
                        settings.duration(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT),
                        settings.integer(BATCH_SIZE, DEFAULT_BATCH_SIZE),
                        settings.duration(RETRY_BACKOFF, DEFAULT_RETRY_BACKOFF)),
                RegistryClientSettings.from(settings, false));
        settings.requireAllUsed();
        return config;
    }
}
