package io.newsflow.enrich;

import io.newsflow.enrich.trend.TrendSettings;
import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.RegistryClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The enricher's configuration: immutable, validated when built.
 *
 * <table>
 * <caption>Settings (environment: {@code NEWSFLOW_} + key in upper case with '_' for '.')</caption>
 * <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 * <tr><td>kafka.bootstrap.servers</td><td>host:port list</td><td>required</td><td>Kafka brokers</td></tr>
 * <tr><td>schema.registry.url</td><td>URL</td><td>required</td><td>Confluent-compatible schema registry
 * (for Apicurio: {@code http://host:port/apis/ccompat/v7})</td></tr>
 * <tr><td>enrich.application.id</td><td>string</td><td>newsflow-enrich</td><td>Kafka Streams application id (consumer
 * group and prefix of internal topics)</td></tr>
 * <tr><td>enrich.state.dir</td><td>path</td><td>.newsflow/streams</td><td>Kafka Streams state directory</td></tr>
 * <tr><td>enrich.threads</td><td>int 1..32</td><td>1</td><td>stream threads</td></tr>
 * <tr><td>enrich.commit.interval</td><td>duration</td><td>PT0.1S</td><td>transaction commit interval (exactly-once
 * latency)</td></tr>
 * <tr><td>enrich.replication.factor</td><td>int, -1 = broker default</td><td>-1</td><td>replication of internal
 * topics</td></tr>
 * <tr><td>enrich.trends.enabled</td><td>boolean</td><td>true</td><td>count trends and write {@code news-trends}</td></tr>
 * <tr><td>enrich.trends.grace.short</td><td>duration 0..P1D</td><td>PT1H</td><td>grace period of the 15-minute trend
 * windows: how long after its end a window still takes late articles</td></tr>
 * <tr><td>enrich.trends.grace.daily</td><td>duration 0..P7D</td><td>PT6H</td><td>grace period of the 1-day trend
 * windows</td></tr>
 * <tr><td>enrich.trends.baseline.windows</td><td>int 1..96</td><td>8</td><td>N, previous windows in a trend's spike
 * baseline</td></tr>
 * <tr><td>enrich.dedup.window</td><td>duration, PT1M..P365D</td><td>P7D</td><td>how long an article is remembered for
 * de-duplication: exact copies within it are not published again, near copies get {@code duplicateOf}</td></tr>
 * <tr><td>enrich.dedup.simhash.distance</td><td>int 0..15</td><td>6</td><td>largest Hamming distance between two
 * 64-bit SimHashes still called a near-duplicate</td></tr>
 * <tr><td>enrich.topic.partitions</td><td>int, -1 = like news-articles-enriched</td><td>-1</td><td>partitions of a
 * {@code news-topic-<id>} the enricher creates at start-up because it was missing</td></tr>
 * <tr><td>auto.register.schemas</td><td>boolean</td><td>false</td><td>whether the enricher's serializers may register
 * their schemas; off: {@code newsflow topics --create} registers them, and a missing one stops the enricher naming
 * the subject (the enricher still registers {@code news-topic-<id>-value} for a topic it creates itself)</td></tr>
 * <tr><td>basic.auth.credentials.source, basic.auth.user.info, schema.registry.ssl.*</td><td></td><td>none</td>
 * <td>registry credentials and TLS, as Confluent names them ({@link RegistryClientSettings})</td></tr>
 * </table>
 *
 * <p>The trend keys are validated by {@link TrendSettings}.
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

    public EnrichConfig {
        bootstrapServers = ConfigChecks.bootstrapServers("kafka.bootstrap.servers", bootstrapServers);
        schemaRegistryUrl = ConfigChecks.registryUrl("schema.registry.url", schemaRegistryUrl);
        applicationId = ConfigChecks.plainText("enrich.application.id", applicationId);
        Objects.requireNonNull(stateDir, "enrich.state.dir");
        ConfigChecks.inRange("enrich.threads", threads, 1, 32);
        ConfigChecks.inRange("enrich.commit.interval", commitInterval, Duration.ofMillis(1), Duration.ofMinutes(10));
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new Settings.ConfigException(
                    "enrich.replication.factor", "must be -1 or positive, got " + replicationFactor);
        }
        Objects.requireNonNull(trends, "trends");
        Objects.requireNonNull(dedup, "dedup");
        if (topicPartitions == 0 || topicPartitions < -1 || topicPartitions > 10_000) {
            throw new Settings.ConfigException(
                    "enrich.topic.partitions", "must be -1 or in 1..10000, got " + topicPartitions);
        }
        Objects.requireNonNull(registry, "registry");
    }

    /** Reads the keys documented above; any other key is an error. */
    public static EnrichConfig from(Settings settings) {
        EnrichConfig config = new EnrichConfig(
                settings.requiredString("kafka.bootstrap.servers"),
                settings.requiredString("schema.registry.url"),
                settings.string("enrich.application.id", "newsflow-enrich"),
                Path.of(settings.string("enrich.state.dir", ".newsflow/streams")),
                settings.integer("enrich.threads", 1),
                settings.duration("enrich.commit.interval", Duration.ofMillis(100)),
                settings.integer("enrich.replication.factor", -1),
                new TrendSettings(
                        settings.bool(TrendSettings.ENABLED, TrendSettings.DEFAULTS.enabled()),
                        settings.duration(TrendSettings.SHORT_GRACE, TrendSettings.DEFAULTS.shortGrace()),
                        settings.duration(TrendSettings.DAILY_GRACE, TrendSettings.DEFAULTS.dailyGrace()),
                        settings.integer(TrendSettings.BASELINE_WINDOWS, TrendSettings.DEFAULTS.baselineWindows())),
                new DedupSettings(
                        settings.duration("enrich.dedup.window", DedupSettings.DEFAULTS.window()),
                        settings.integer("enrich.dedup.simhash.distance", DedupSettings.DEFAULTS.maxDistance())),
                settings.integer("enrich.topic.partitions", -1),
                RegistryClientSettings.from(settings, false));
        settings.requireAllUsed();
        return config;
    }
}
