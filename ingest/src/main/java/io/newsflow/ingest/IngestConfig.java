package io.newsflow.ingest;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import io.newsflow.schemas.registry.RegistryClientSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Configuration of ingestion (files, folders, feeds, HTTP, and the {@code news-ingest} drop topic), immutable and
 * validated on construction.
 *
 * <p>Each key is defined once, by the {@link Setting} constants below (name, default, validation, meaning); the
 * README's configuration table is generated from them. Any other key is an error ({@link Settings#requireAllUsed()}).
 *
 * @param bootstrapServers  value of {@link #BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl value of {@link #SCHEMA_REGISTRY_URL}
 * @param source            value of {@link #SOURCE}
 * @param clientId          value of {@link #CLIENT_ID}
 * @param linger            value of {@link #LINGER}
 * @param maxArticleBytes   value of {@link #MAX_ARTICLE_BYTES}
 * @param kafka             the {@link #KAFKA} settings without the prefix; unmodifiable
 * @param dropTopic         the keys of the {@code news-ingest} consumer ({@link #GROUP_ID} ... {@link #RETRY_BACKOFF})
 * @param registry          registry credentials, TLS and {@link RegistryClientSettings#AUTO_REGISTER} (keys in
 *                          {@link RegistryClientSettings#KEYS})
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

    /** Kafka brokers to produce to. */
    public static final Setting<String> BOOTSTRAP_SERVERS = CommonSettings.BOOTSTRAP_SERVERS;
    /** The schema registry. */
    public static final Setting<String> SCHEMA_REGISTRY_URL = CommonSettings.SCHEMA_REGISTRY_URL;

    /** Default article source. */
    public static final Setting<String> SOURCE = Setting.string("ingest.source")
            .withDefault("unknown")
            .withCheck(ConfigChecks::plainText)
            .usedBy("ingest")
            .withDoc("source (outlet) recorded on articles that do not declare their own");

    /** Kafka client id prefix. */
    public static final Setting<String> CLIENT_ID = Setting.string("ingest.client.id")
            .withDefault("newsflow-ingest")
            .withCheck(ConfigChecks::plainText)
            .usedBy("ingest")
            .withDoc("Kafka `client.id` prefix of the producers (shows up in broker logs and quotas)");

    /** Producer linger. */
    public static final Setting<Duration> LINGER = Setting.duration("ingest.linger")
            .withDefault(Duration.ofMillis(20))
            .withRange(Duration.ZERO, Duration.ofMinutes(1))
            .usedBy("ingest")
            .withDoc("producer `linger.ms`: how long a batch may wait for more records");

    /** Largest article text accepted, in bytes; at most half of what the topics carry. */
    public static final Setting<Integer> MAX_ARTICLE_BYTES = Setting.integer("ingest.max.article.bytes")
            .withDefault(ArticleNormaliser.DEFAULT_MAX_ARTICLE_BYTES)
            .withRange(1024, Topics.MAX_MESSAGE_BYTES / 2)
            .usedBy("ingest")
            .withDefaultDoc("`" + ArticleNormaliser.DEFAULT_MAX_ARTICLE_BYTES + "` (4 MiB)")
            .withDoc("largest article accepted: the UTF-8 size of its text (title, lede, body, URL, source,"
                    + " attributes). A larger one is rejected with a slim dead letter (origin, size, SHA-256, first"
                    + " 8 KiB). At most half the " + (Topics.MAX_MESSAGE_BYTES >> 20) + " MiB the topics carry, to"
                    + " leave room for the enrichment");

    /** Keys passed through to the Kafka producers, without their prefix. */
    public static final Setting<Map<String, String>> KAFKA = Setting.prefix("ingest.kafka.", "producer setting")
            .withCheck(IngestConfig::producerSettings)
            .usedBy("ingest")
            .withDoc("passed to both Kafka producers, e.g. `ingest.kafka.security.protocol=SASL_SSL`; the name must"
                    + " be a Kafka producer setting, and those newsflow sets itself cannot be overridden (see"
                    + " [Producer settings](#producer-settings))");

    /** Consumer group of the drop topic. */
    public static final Setting<String> GROUP_ID = Setting.string("ingest.group.id")
            .withDefault("newsflow-ingest")
            .withCheck(ConfigChecks::plainText)
            .usedBy("ingest `--from-topic`")
            .withDoc("consumer group of `news-ingest`; instances in one group share its partitions, a new group starts"
                    + " at the earliest record");

    /** Transactional id of the drop-topic producer. */
    public static final Setting<String> TRANSACTIONAL_ID = Setting.string("ingest.transactional.id")
            .withDefault("newsflow-ingest-drop-topic")
            .withCheck(ConfigChecks::plainText)
            .usedBy("ingest `--from-topic`")
            .withDoc("the producer's `transactional.id`, used as given; give every running instance its own (a second"
                    + " one with the same id fences, i.e. stops, the first)");

    /** Drop-topic poll timeout. */
    public static final Setting<Duration> POLL_TIMEOUT = Setting.duration("ingest.poll.timeout")
            .withDefault(Duration.ofSeconds(1))
            .withRange(Duration.ofMillis(10), Duration.ofMinutes(1))
            .usedBy("ingest `--from-topic`")
            .withDoc("how long one poll of `news-ingest` waits for records");

    /** Most drop-topic records per transaction. */
    public static final Setting<Integer> BATCH_SIZE = Setting.integer("ingest.batch.size")
            .withDefault(100)
            .withRange(1, 10_000)
            .usedBy("ingest `--from-topic`")
            .withDoc("most records per poll, all handled in one transaction");

    /** Pause after an aborted drop-topic transaction. */
    public static final Setting<Duration> RETRY_BACKOFF = Setting.duration("ingest.retry.backoff")
            .withDefault(Duration.ofSeconds(1))
            .withRange(Duration.ZERO, Duration.ofMinutes(5))
            .usedBy("ingest `--from-topic`")
            .withDoc("pause after an aborted transaction (broker or registry briefly away) before the records are read"
                    + " again");

    /**
     * Every key of this record besides the common ones ({@link CommonSettings#ALL}), drop-topic keys last; in the order
     * the README lists them.
     */
    public static final List<Setting<?>> KEYS = List.of(
            SOURCE,
            CLIENT_ID,
            LINGER,
            MAX_ARTICLE_BYTES,
            KAFKA,
            GROUP_ID,
            TRANSACTIONAL_ID,
            POLL_TIMEOUT,
            BATCH_SIZE,
            RETRY_BACKOFF);

    /** Validates every field; the exception names the key. */
    public IngestConfig {
        bootstrapServers = BOOTSTRAP_SERVERS.check(bootstrapServers);
        schemaRegistryUrl = SCHEMA_REGISTRY_URL.check(schemaRegistryUrl);
        source = SOURCE.check(source);
        clientId = CLIENT_ID.check(clientId);
        LINGER.check(linger);
        MAX_ARTICLE_BYTES.check(maxArticleBytes);
        kafka = KAFKA.check(kafka == null ? Map.of() : kafka);
        Objects.requireNonNull(dropTopic, "dropTopic");
        Objects.requireNonNull(registry, "registry");
    }

    private static Map<String, String> producerSettings(String prefix, Map<String, String> settings) {
        Map<String, String> passed = new TreeMap<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = prefix + e.getKey();
            if (RESERVED.contains(e.getKey())) {
                throw new ConfigException(key, "cannot be overridden: newsflow sets it; reserved are " + RESERVED_LIST);
            }
            if (!ProducerConfig.configNames().contains(e.getKey())) {
                throw new ConfigException(key, "names no Kafka producer setting ('" + e.getKey() + "')");
            }
            passed.put(e.getKey(), ConfigChecks.required(key, e.getValue()));
        }
        return Collections.unmodifiableMap(passed);
    }

    /**
     * The configuration before {@link #MAX_ARTICLE_BYTES}, {@link #KAFKA} and the drop topic's keys
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
                MAX_ARTICLE_BYTES.defaultValue(),
                Map.of(),
                DropTopic.defaults(),
                RegistryClientSettings.defaults(false));
    }

    /**
     * The settings of the {@code news-ingest} consumer ({@code newsflow ingest --from-topic}), validated on
     * construction; see the keys in the {@linkplain IngestConfig class comment}.
     *
     * @param groupId         value of {@link #GROUP_ID}
     * @param transactionalId value of {@link #TRANSACTIONAL_ID}
     * @param pollTimeout     value of {@link #POLL_TIMEOUT}
     * @param batchSize       value of {@link #BATCH_SIZE}
     * @param retryBackoff    value of {@link #RETRY_BACKOFF}
     */
    public record DropTopic(
            String groupId, String transactionalId, Duration pollTimeout, int batchSize, Duration retryBackoff) {

        /** Validates every field; the exception names the key. */
        public DropTopic {
            groupId = GROUP_ID.check(groupId);
            transactionalId = TRANSACTIONAL_ID.check(transactionalId);
            POLL_TIMEOUT.check(pollTimeout);
            BATCH_SIZE.check(batchSize);
            RETRY_BACKOFF.check(retryBackoff);
        }

        /** The defaults. */
        public static DropTopic defaults() {
            return new DropTopic(
                    GROUP_ID.defaultValue(),
                    TRANSACTIONAL_ID.defaultValue(),
                    POLL_TIMEOUT.defaultValue(),
                    BATCH_SIZE.defaultValue(),
                    RETRY_BACKOFF.defaultValue());
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
     * Reads the keys above from {@code settings}; any other key given explicitly is an error.
     *
     * @throws ConfigException naming the first missing, invalid or unknown key
     */
    public static IngestConfig from(Settings settings) {
        IngestConfig config = new IngestConfig(
                BOOTSTRAP_SERVERS.read(settings),
                SCHEMA_REGISTRY_URL.read(settings),
                SOURCE.read(settings),
                CLIENT_ID.read(settings),
                LINGER.read(settings),
                MAX_ARTICLE_BYTES.read(settings),
                KAFKA.read(settings),
                new DropTopic(
                        GROUP_ID.read(settings),
                        TRANSACTIONAL_ID.read(settings),
                        POLL_TIMEOUT.read(settings),
                        BATCH_SIZE.read(settings),
                        RETRY_BACKOFF.read(settings)),
                RegistryClientSettings.from(settings, false));
        settings.requireAllUsed();
        return config;
    }
}
