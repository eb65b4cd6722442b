package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap.servers", "127.0.0.1:9092");
        m.put("schema.registry.url", "mem://ingest-config");
        return m;
    }

    @Test
    void shouldApplyDefaultsForOptionalKeys() {
        IngestConfig config = IngestConfig.from(Settings.of(minimal()));

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("mem://ingest-config");
        assertThat(config.source()).isEqualTo("unknown");
        assertThat(config.clientId()).isEqualTo("newsflow-ingest");
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void shouldReadEveryKey() {
        Map<String, String> m = minimal();
        m.put("ingest.source", "Reuters");
        m.put("ingest.client.id", "cli");
        m.put("ingest.linger", "PT0.1S");

        IngestConfig config = IngestConfig.from(Settings.of(m));

        assertThat(config.source()).isEqualTo("Reuters");
        assertThat(config.clientId()).isEqualTo("cli");
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldFailNamingMissingRequiredKey() {
        Map<String, String> m = minimal();
        m.remove("schema.registry.url");

        assertThatThrownBy(() -> IngestConfig.from(Settings.of(m)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("schema.registry.url"))
                .hasMessageContaining("is required");
    }

    @Test
    void shouldFailNamingUnknownKey() {
        Map<String, String> m = minimal();
        m.put("ingest.sorce", "typo");

        assertThatThrownBy(() -> IngestConfig.from(Settings.of(m)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.sorce"));
    }

    @Test
    void shouldFailNamingKeyOfInvalidValues() {
        Map<String, String> badServers = minimal();
        badServers.put("kafka.bootstrap.servers", "localhost");
        Map<String, String> badUrl = minimal();
        badUrl.put("schema.registry.url", "registry:8081");
        Map<String, String> badLinger = minimal();
        badLinger.put("ingest.linger", "PT5M");

        assertThatThrownBy(() -> IngestConfig.from(Settings.of(badServers)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("kafka.bootstrap.servers"));
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(badUrl)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("schema.registry.url"));
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(badLinger)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.linger"));
    }

    @Test
    void shouldDefaultTheArticleSizeLimitTo4MiBAndReadIt() {
        Map<String, String> m = minimal();
        assertThat(IngestConfig.from(Settings.of(m)).maxArticleBytes()).isEqualTo(4 * 1024 * 1024);

        m.put("ingest.max.article.bytes", "65536");

        assertThat(IngestConfig.from(Settings.of(m)).maxArticleBytes()).isEqualTo(65536);
    }

    @Test
    void shouldRefuseASizeLimitTheTopicsCannotCarry() {
        Map<String, String> m = minimal();
        m.put("ingest.max.article.bytes", Integer.toString(9 * 1024 * 1024));

        assertThatThrownBy(() -> IngestConfig.from(Settings.of(m)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.max.article.bytes"));
    }

    @Test
    void shouldPassPrefixedKafkaSettingsToTheProducers() {
        Map<String, String> m = minimal();
        m.put("ingest.kafka.security.protocol", "SASL_SSL");
        m.put("ingest.kafka.sasl.mechanism", "PLAIN");
        m.put("ingest.kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;");
        m.put("ingest.kafka.compression.type", "zstd");

        Properties props = ArticlePublisher.producerProperties(IngestConfig.from(Settings.of(m)), "articles");

        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;")
                .containsEntry("compression.type", "zstd")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.request.size", Integer.toString(16 * 1024 * 1024));
    }

    @Test
    void shouldPassKafkaSettingsFromTheEnvironmentToo() {
        Settings settings = Settings.fromEnvironment(
                Map.of(
                        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                        "NEWSFLOW_SCHEMA_REGISTRY_URL", "mem://ingest-config",
                        "NEWSFLOW_INGEST_KAFKA_SECURITY_PROTOCOL", "SSL"),
                Map.of());

        Properties props = ArticlePublisher.producerProperties(IngestConfig.from(settings), "dlq");

        assertThat(props).containsEntry("security.protocol", "SSL").containsEntry("compression.type", "lz4");
    }

    @Test
    void shouldRefuseToOverrideWhatNewsflowSetsOrAnUnknownProducerSetting() {
        Map<String, String> acks = minimal();
        acks.put("ingest.kafka.acks", "1");
        Map<String, String> typo = minimal();
        typo.put("ingest.kafka.securty.protocol", "SSL");

        assertThatThrownBy(() -> IngestConfig.from(Settings.of(acks)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.kafka.acks"))
                .hasMessageContaining("cannot be overridden");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(typo)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.kafka.securty.protocol"))
                .hasMessageContaining("no Kafka producer setting");
    }

    @Test
    void shouldApplyDropTopicDefaults() {
        IngestConfig.DropTopic drop = IngestConfig.from(Settings.of(minimal())).dropTopic();

        assertThat(drop.groupId()).isEqualTo("newsflow-ingest");
        assertThat(drop.transactionalId()).isEqualTo("newsflow-ingest-drop-topic");
        assertThat(drop.pollTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(drop.batchSize()).isEqualTo(100);
        assertThat(drop.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldReadEveryDropTopicKey() {
        Map<String, String> m = minimal();
        m.put("ingest.group.id", "g");
        m.put("ingest.transactional.id", "tx-1");
        m.put("ingest.poll.timeout", "250");
        m.put("ingest.batch.size", "7");
        m.put("ingest.retry.backoff", "PT0S");

        IngestConfig.DropTopic drop = IngestConfig.from(Settings.of(m)).dropTopic();

        assertThat(drop).isEqualTo(new IngestConfig.DropTopic("g", "tx-1", Duration.ofMillis(250), 7, Duration.ZERO));
    }

    @Test
    void shouldFailNamingTheDropTopicKeyOfInvalidValues() {
        Map<String, String> badBatch = minimal();
        badBatch.put("ingest.batch.size", "0");
        Map<String, String> badPoll = minimal();
        badPoll.put("ingest.poll.timeout", "PT2M");
        Map<String, String> badTransactionalId = minimal();
        badTransactionalId.put("ingest.transactional.id", "t\u0007x");

        assertThatThrownBy(() -> IngestConfig.from(Settings.of(badBatch)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.batch.size"));
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(badPoll)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.poll.timeout"));
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(badTransactionalId)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("ingest.transactional.id"));
    }

    @Test
    void shouldLookSchemasUpOnlyByDefaultAndReadTheRegistryCredentialsUnderConfluentsKeys() {
        assertThat(IngestConfig.from(Settings.of(minimal())).registry().autoRegister())
                .isFalse();
        Map<String, String> m = minimal();
        m.put("auto.register.schemas", "true");
        m.put("basic.auth.credentials.source", "USER_INFO");
        m.put("basic.auth.user.info", "newsflow:s3cret");

        IngestConfig config = IngestConfig.from(Settings.of(m));

        assertThat(config.registry().autoRegister()).isTrue();
        assertThat(config.registry().access().toString())
                .contains("source=USER_INFO")
                .contains("userInfo=***")
                .doesNotContain("s3cret");
        Map<String, String> withoutUserInfo = minimal();
        withoutUserInfo.put("basic.auth.credentials.source", "USER_INFO");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(withoutUserInfo)))
                .hasMessageContaining("basic.auth.user.info");
    }
}
