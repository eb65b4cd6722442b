package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap.servers", "127.0.0.1:9092,127.0.0.1:9093");
        m.put("schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7");
        return m;
    }

    @Test
    void shouldApplyDefaults() {
        SinkConfig config = SinkConfig.from(Settings.of(minimal()));

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:sqlite:.newsflow/newsflow.db");
        assertThat(config.groupId()).isEqualTo("newsflow-sink");
        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.pollTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.clientId()).isEqualTo("newsflow-sink");
    }

    @Test
    void shouldReadEveryKey() {
        Map<String, String> m = minimal();
        m.put("sink.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/news?user=postgres");
        m.put("sink.group.id", "g");
        m.put("sink.batch.size", "50");
        m.put("sink.poll.timeout", "250");
        m.put("sink.client.id", "c");

        SinkConfig config = SinkConfig.from(Settings.of(m));

        assertThat(config.jdbcUrl()).startsWith("jdbc:postgresql:");
        assertThat(config.groupId()).isEqualTo("g");
        assertThat(config.batchSize()).isEqualTo(50);
        assertThat(config.pollTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.clientId()).isEqualTo("c");
    }

    @Test
    void shouldFailNamingMissingRequiredKey() {
        Map<String, String> m = minimal();
        m.remove("kafka.bootstrap.servers");

        assertThatThrownBy(() -> SinkConfig.from(Settings.of(m)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("kafka.bootstrap.servers"));
    }

    @Test
    void shouldFailNamingUnknownKey() {
        Map<String, String> m = minimal();
        m.put("sink.batchsize", "10");

        assertThatThrownBy(() -> SinkConfig.from(Settings.of(m)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.batchsize"));
    }

    @Test
    void shouldFailNamingKeyOfInvalidValues() {
        Map<String, String> badJdbc = minimal();
        badJdbc.put("sink.jdbc.url", "jdbc:mysql://x/y");
        Map<String, String> badBatch = minimal();
        badBatch.put("sink.batch.size", "0");
        Map<String, String> badTimeout = minimal();
        badTimeout.put("sink.poll.timeout", "PT2M");

        assertThatThrownBy(() -> SinkConfig.from(Settings.of(badJdbc)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.jdbc.url"));
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(badBatch)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.batch.size"));
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(badTimeout)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.poll.timeout"));
    }

    @Test
    void shouldRejectControlCharactersInGroupAndClientIdsLikeTheOtherServices() {
        Map<String, String> badGroup = minimal();
        badGroup.put("sink.group.id", "newsflow\u0000sink");
        Map<String, String> badClient = minimal();
        badClient.put("sink.client.id", "newsflow\u001bsink");

        assertThatThrownBy(() -> SinkConfig.from(Settings.of(badGroup)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.group.id"));
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(badClient)))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.client.id"));
    }

    @Test
    void shouldLookSchemasUpOnlyByDefaultAndReadTheRegistryCredentialsUnderConfluentsKeys() {
        assertThat(SinkConfig.from(Settings.of(minimal())).registry().autoRegister())
                .isFalse();
        Map<String, String> m = minimal();
        m.put("auto.register.schemas", "true");
        m.put("basic.auth.credentials.source", "USER_INFO");
        m.put("basic.auth.user.info", "newsflow:s3cret");

        SinkConfig config = SinkConfig.from(Settings.of(m));

        assertThat(config.registry().autoRegister()).isTrue();
        assertThat(config.registry().access().toString())
                .contains("source=USER_INFO")
                .contains("userInfo=***")
                .doesNotContain("s3cret");
        Map<String, String> withoutUserInfo = minimal();
        withoutUserInfo.put("basic.auth.credentials.source", "USER_INFO");
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(withoutUserInfo)))
                .hasMessageContaining("basic.auth.user.info");
    }
}
