package io.newsflow.enrich;

import io.newsflow.enrich.trend.TrendSettings;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.RegistryClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The enricher's configuration: immutable, validated when built.
 *
 * <p>Each key is defined once, by the {@link Setting} constants below and in {@link TrendSettings} and
 * {@link DedupSettings} (name, default, validation, meaning); the README's configuration table is generated from
 * them. Environment: {@code NEWSFLOW_} + the key in upper case with '_' for '.'. Any other key is an error
 * ({@link Settings#requireAllUsed()}).
 *
 * @param bootstrapServers  value of {@link #BOOTSTRAP_SERVERS}
 * @param schemaRegistryUrl value of {@link #SCHEMA_REGISTRY_URL}
 * @param applicationId     value of {@link #APPLICATION_ID}
 * @param stateDir          value of {@link #STATE_DIR}
 * @param threads           value of {@link #THREADS}
 * @param commitInterval    value of {@link #COMMIT_INTERVAL}
 * @param replicationFactor value of {@link #REPLICATION_FACTOR}
 * @param trends            the trend keys ({@link TrendSettings#KEYS})
 * @param dedup             the de-duplication keys ({@link DedupSettings#KEYS})
 * @param topicPartitions   value of {@link #TOPIC_PARTITIONS}
 * @param registry          registry credentials, TLS and {@link RegistryClientSettings#AUTO_REGISTER} (keys in
 *                          {@link RegistryClientSettings#KEYS})
 */
public record EnrichConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String applicationId,
        Path stateDir,
        int threads,
        Duration commitInterval,
        int replicationFactor,
        TrendSettings trends,
        DedupSettings dedup,
        int topicPartitions,
        RegistryClientSettings registry) {

    /** Kafka brokers. */
    public static final Setting<String> BOOTSTRAP_SERVERS = CommonSettings.BOOTSTRAP_SERVERS;
    /** The schema registry. */
    public static final Setting<String> SCHEMA_REGISTRY_URL = CommonSettings.SCHEMA_REGISTRY_URL;

    /** Kafka Streams application id. */
    public static final Setting<String> APPLICATION_ID = Setting.string("enrich.application.id")
            .withDefault("newsflow-enrich")
            .withCheck(ConfigChecks::plainText)
            .usedBy("enrich")
            .withDoc("Kafka Streams application id (consumer group and prefix of internal topics)");

    /** Kafka Streams state directory. */
    public static final Setting<Path> STATE_DIR = Setting.path("enrich.state.dir")
            .withDefault(Path.of(".newsflow/streams"))
            .usedBy("enrich")
            .withDoc("Kafka Streams state directory");

    /** Stream threads. */
    public static final Setting<Integer> THREADS = Setting.integer("enrich.threads")
            .withDefault(1)
            .withRange(1, 32)
            .usedBy("enrich")
            .withDoc("stream threads");

    /** Commit interval. */
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("enrich.commit.interval")
            .withDefault(Duration.ofMillis(100))
            .withRange(Duration.ofMillis(1), Duration.ofMinutes(10))
            .usedBy("enrich")
            .withDoc("exactly-once transaction commit interval (the latency of the output)");

    /** Replication of the topics the enricher creates. */
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.integer("enrich.replication.factor")
            .withDefault(-1)
            .withCheck((key, v) -> {
                if (v == 0 || v < -1) {
                    throw new Settings.ConfigException(key, "must be -1 or positive, got " + v);
                }
                return v;
            })
            .usedBy("enrich, taxonomy")
            .withDefaultDoc("`-1` (broker default)")
            .withDoc("replication of internal topics and of the `news-topic-<id>` topics created for new topic ids;"
                    + " -1 or positive");

    /** Partitions of a missing per-topic topic. */
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.integer("enrich.topic.partitions")
            .withDefault(-1)
            .withCheck((key, v) -> {
                if (v == 0 || v < -1 || v > 10_000) {
                    throw new Settings.ConfigException(key, "must be -1 or in 1..10000, got " + v);
                }
                return v;
            })
            .usedBy("enrich")
            .withDefaultDoc("`-1` (as many as `news-articles-enriched`)")
            .withDoc("partitions of a `news-topic-<id>` the enricher creates at start-up because it was missing; -1 or"
                    + " 1 to 10000");

    /**
     * Every key the enricher reads besides the common ones ({@link CommonSettings#ALL}): this record's, then the trend
     * and de-duplication keys; in the order the README lists them.
     */
    public static final List<Setting<?>> KEYS = Stream.of(
                    List.<Setting<?>>of(
                            APPLICATION_ID, STATE_DIR, THREADS, COMMIT_INTERVAL, REPLICATION_FACTOR, TOPIC_PARTITIONS),
                    TrendSettings.KEYS,
                    DedupSettings.KEYS)
            .flatMap(List::stream)
            .toList();

    public EnrichConfig {
        bootstrapServers = BOOTSTRAP_SERVERS.check(bootstrapServers);
        schemaRegistryUrl = SCHEMA_REGISTRY_URL.check(schemaRegistryUrl);
        applicationId = APPLICATION_ID.check(applicationId);
        Objects.requireNonNull(stateDir, STATE_DIR.name());
        THREADS.check(threads);
        COMMIT_INTERVAL.check(commitInterval);
        REPLICATION_FACTOR.check(replicationFactor);
        Objects.requireNonNull(trends, "trends");
        Objects.requireNonNull(dedup, "dedup");
        TOPIC_PARTITIONS.check(topicPartitions);
        Objects.requireNonNull(registry, "registry");
    }

    /** Reads the keys documented above; any other key given explicitly is an error. */
    public static EnrichConfig from(Settings settings) {
        EnrichConfig config = new EnrichConfig(
                BOOTSTRAP_SERVERS.read(settings),
                SCHEMA_REGISTRY_URL.read(settings),
                APPLICATION_ID.read(settings),
                STATE_DIR.read(settings),
                THREADS.read(settings),
                COMMIT_INTERVAL.read(settings),
                REPLICATION_FACTOR.read(settings),
                TrendSettings.from(settings),
                DedupSettings.from(settings),
                TOPIC_PARTITIONS.read(settings),
                RegistryClientSettings.from(settings, false));
        settings.requireAllUsed();
        return config;
    }
}
