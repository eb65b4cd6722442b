package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void shouldReadEnvironmentVariablesAsDottedLowerCaseKeys() {
        Settings settings =
                Settings.fromEnvironment(Map.of("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "h:1", "PATH", "/bin"), Map.of());

        assertThat(settings.requiredString("kafka.bootstrap.servers")).isEqualTo("h:1");
    }

    @Test
    void shouldLetExplicitValuesWinOverTheEnvironment() {
        Settings settings =
                Settings.fromEnvironment(Map.of("NEWSFLOW_SINK_BATCH_SIZE", "10"), Map.of("sink.batch.size", "20"));

        assertThat(settings.integer("sink.batch.size", 1)).isEqualTo(20);
    }

    @Test
    void shouldRejectUnknownExplicitKeyNamingIt() {
        Settings settings = Settings.of(Map.of("kafka.bootstrap.servers", "h:1", "kafka.bootstrap.server", "typo"));
        settings.requiredString("kafka.bootstrap.servers");

        assertThatThrownBy(settings::requireAllUsed)
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("kafka.bootstrap.server");
    }

    @Test
    void shouldNotRejectEnvironmentKeysThatBelongToOtherServices() {
        Settings settings = Settings.fromEnvironment(
                Map.of("NEWSFLOW_SINK_JDBC_URL", "jdbc:sqlite:x", "NEWSFLOW_JAVA_OPTS", "-Xmx1g"),
                Map.of("kafka.bootstrap.servers", "h:1"));
        settings.requiredString("kafka.bootstrap.servers");

        assertThatCode(settings::requireAllUsed).doesNotThrowAnyException();
        // the same unused key given explicitly is refused: the environment's are let through on purpose
        Settings explicit = Settings.fromEnvironment(Map.of(), Map.of("sink.jdbc.url", "jdbc:sqlite:x"));
        assertThatThrownBy(explicit::requireAllUsed).hasMessageContaining("sink.jdbc.url");
    }

    @Test
    void shouldNameTheKeyWhenAValueHasTheWrongType() {
        Settings settings = Settings.of(Map.of("sink.batch.size", "many"));

        assertThatThrownBy(() -> settings.integer("sink.batch.size", 1))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("sink.batch.size")
                .hasMessageContaining("many");
    }

    @Test
    void shouldFailWhenARequiredKeyIsMissing() {
        assertThatThrownBy(() -> Settings.of(Map.of()).requiredString("schema.registry.url"))
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("required");
    }

    @Test
    void shouldReadDurationsAsIsoOrMilliseconds() {
        Settings settings = Settings.of(Map.of("a", "PT2S", "b", "1500"));

        assertThat(settings.duration("a", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.duration("b", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldHandOutPrefixedKeysWithoutThePrefixAndCountThemAsUsed() {
        Settings settings = Settings.of(Map.of(
                "ingest.kafka.security.protocol", "SASL_SSL",
                "ingest.kafka.sasl.mechanism", " PLAIN ",
                "ingest.source", "x"));

        Map<String, String> kafka = settings.withPrefix("ingest.kafka.");
        settings.string("ingest.source", null);

        assertThat(kafka).containsExactly(entry("sasl.mechanism", "PLAIN"), entry("security.protocol", "SASL_SSL"));
        settings.requireAllUsed();
    }
}
