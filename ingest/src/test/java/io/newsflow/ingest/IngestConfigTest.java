package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
}
