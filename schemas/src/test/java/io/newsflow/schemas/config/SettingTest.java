package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.newsflow.schemas.config.Settings.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static final Setting<Integer> BATCH = Setting.integer("x.batch.size")
            .withDefault(100)
            .withRange(1, 10_000)
            .usedBy("x")
            .withDoc("records per poll");

    private static final Setting<Duration> TIMEOUT = Setting.duration("x.timeout")
            .withDefault(Duration.ofSeconds(1))
            .withRange(Duration.ofMillis(10), Duration.ofHours(1))
            .usedBy("x")
            .withDoc("poll timeout");

    private static final Setting<String> URL = Setting.string("x.url")
            .required()
            .withCheck(ConfigChecks::plainText)
            .usedBy("x")
            .withDoc("where");

    @Test
    void shouldReadTheDefaultWhenUnsetAndMarkTheKeyUsed() {
        Settings settings = Settings.of(Map.of("x.timeout", "PT2S"));

        assertThat(BATCH.read(settings)).isEqualTo(100);
        assertThat(TIMEOUT.read(settings)).isEqualTo(Duration.ofSeconds(2));
        settings.requireAllUsed();
    }

    @Test
    void shouldReadUnsetAsNullForAKeyWithoutDefault() {
        Settings settings = Settings.of(Map.of());

        assertThat(Setting.integer("x.port").read(settings)).isNull();
        assertThat(Setting.bool("x.flag").read(settings)).isNull();
        assertThat(Setting.integer("x.port").read(settings, 9401)).isEqualTo(9401);
    }

    @Test
    void shouldReadAValueAsSettingsReadsIt() {
        Settings settings = Settings.of(Map.of("x.batch.size", " 7 ", "x.timeout", "1500"));

        assertThat(BATCH.read(settings)).isEqualTo(7);
        assertThat(TIMEOUT.read(settings)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldNameARequiredKeyThatIsUnset() {
        assertThatThrownBy(() -> URL.read(Settings.of(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Setting 'x.url' is required but not set");
    }

    @Test
    void shouldNameTheKeyWhenAValueIsNotOfItsType() {
        assertThatThrownBy(() -> BATCH.read(Settings.of(Map.of("x.batch.size", "many"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("x.batch.size")
                .hasMessageContaining("many");
    }

    @Test
    void shouldCheckTheRangeNamingTheKeyAndDocumentIt() {
        assertThat(BATCH.check(10_000)).isEqualTo(10_000);
        assertThatThrownBy(() -> BATCH.check(0))
                .hasMessage("Setting 'x.batch.size' must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> TIMEOUT.check(Duration.ofHours(2)))
                .hasMessageContaining("'x.timeout'")
                .hasMessageContaining("between 10 ms and 1 hour");
        assertThat(BATCH.meaning()).isEqualTo("records per poll; 1 to 10000");
        assertThat(TIMEOUT.meaning()).isEqualTo("poll timeout; 10 ms to 1 hour");
    }

    @Test
    void shouldRunTheChecksInOrderAndReturnTheCleanedValue() {
        Setting<String> twice =
                Setting.string("x.name").withCheck((key, v) -> v.strip()).withCheck((key, v) -> v + "!");

        assertThat(twice.check("  a ")).isEqualTo("a!");
    }

    @Test
    void shouldAcceptUnsetForAnOptionalKeyOnly() {
        Setting<String> token = Setting.string("x.token").optional().withCheck(ConfigChecks::required);

        assertThat(token.check(null)).isNull();
        assertThatThrownBy(() -> URL.check(null)).hasMessageContaining("x.url");
        assertThatThrownBy(() -> TIMEOUT.check(null)).hasMessageContaining("x.timeout");
    }

    @Test
    void shouldDocumentTheDefaultAsValueWordsRequiredOrNone() {
        assertThat(TIMEOUT.documentedDefault()).isEqualTo("`PT1S`");
        assertThat(TIMEOUT.withDefault(Duration.ofDays(7)).documentedDefault()).isEqualTo("`P7D`");
        assertThat(URL.documentedDefault()).isEqualTo("required");
        assertThat(Setting.string("x.token").optional().documentedDefault()).isEqualTo("none");
        assertThat(BATCH.withDefaultDoc("per service").documentedDefault()).isEqualTo("per service");
    }

    @Test
    void shouldReadAPrefixFamilyAsAMapWithoutThePrefix() {
        Setting<Map<String, String>> family = Setting.prefix("x.kafka.", "producer setting");
        Settings settings = Settings.of(Map.of("x.kafka.acks", "all", "x.kafka.linger.ms", "5"));

        assertThat(family.read(settings)).containsOnly(entry("acks", "all"), entry("linger.ms", "5"));
        assertThat(family.documentedName()).isEqualTo("x.kafka.<producer setting>");
        settings.requireAllUsed();
    }

    @Test
    void shouldDefineTheKeyInAKafkaConfigDefWithItsValidation() {
        ConfigDef def = BATCH.define(TIMEOUT.define(new ConfigDef()));

        assertThat(def.configKeys().get("x.batch.size").defaultValue).isEqualTo(100);
        assertThat(def.configKeys().get("x.timeout").defaultValue).isEqualTo("PT1S");
        assertThat(def.parse(Map.of("x.batch.size", "5")).get("x.batch.size")).isEqualTo(5);
        assertThatThrownBy(() -> def.parse(Map.of("x.timeout", "PT5H")))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("between 10 ms and 1 hour");
    }

    @Test
    void shouldLetKafkaRefuseAKeyDefinedTwice() {
        ConfigDef def = BATCH.define(new ConfigDef());
        Setting<Integer> again = Setting.integer("x.batch.size").withDefault(5);

        assertThatThrownBy(() -> again.define(def)).hasMessageContaining("x.batch.size");
    }

    @Test
    void shouldLetKafkaRefuseADefaultOutsideTheKeysOwnRange() {
        Setting<Integer> wrong = Setting.integer("x.threads").withDefault(0).withRange(1, 32);

        assertThatThrownBy(() -> wrong.define(new ConfigDef()))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("x.threads");
    }
}
