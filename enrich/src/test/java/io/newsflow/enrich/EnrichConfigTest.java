package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The de-duplication and per-topic keys of the enricher's configuration. */
class EnrichConfigTest {

    private static Map<String, String> required() {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", "localhost:9092");
        values.put("schema.registry.url", "mem://enrich-config-test");
        return values;
    }

    @Test
    void shouldDefaultToASevenDayWindowDistanceSixAndPartitionsLikeTheEnrichedTopic() {
        EnrichConfig config = EnrichConfig.from(Settings.of(required()));

        assertThat(config.dedup().window()).isEqualTo(Duration.ofDays(7));
        assertThat(config.dedup().maxDistance()).isEqualTo(6);
        assertThat(config.dedup().bands()).isEqualTo(7);
        assertThat(config.topicPartitions()).isEqualTo(-1);
    }

    @Test
    void shouldReadTheWindowAsAnIsoDuration() {
        Map<String, String> values = required();
        values.put("enrich.dedup.window", "P2D");
        values.put("enrich.dedup.simhash.distance", "3");
        values.put("enrich.topic.partitions", "6");

        EnrichConfig config = EnrichConfig.from(Settings.of(values));

        assertThat(config.dedup()).isEqualTo(new DedupSettings(Duration.ofDays(2), 3));
        assertThat(config.topicPartitions()).isEqualTo(6);
    }

    @Test
    void shouldRejectADistanceBeyondFifteenNamingTheKey() {
        Map<String, String> values = required();
        values.put("enrich.dedup.simhash.distance", "16");

        assertThatThrownBy(() -> EnrichConfig.from(Settings.of(values)))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("enrich.dedup.simhash.distance");
    }

    @Test
    void shouldRejectAWindowShorterThanAMinuteNamingTheKey() {
        Map<String, String> values = required();
        values.put("enrich.dedup.window", "PT10S");

        assertThatThrownBy(() -> EnrichConfig.from(Settings.of(values)))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("enrich.dedup.window");
    }

    @Test
    void shouldRejectZeroPartitionsNamingTheKey() {
        Map<String, String> values = required();
        values.put("enrich.topic.partitions", "0");

        assertThatThrownBy(() -> EnrichConfig.from(Settings.of(values)))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("enrich.topic.partitions");
    }

    @Test
    void shouldLookSchemasUpOnlyByDefaultAndReadTheRegistryCredentialsUnderConfluentsKeys() {
        assertThat(EnrichConfig.from(Settings.of(required())).registry().autoRegister())
                .isFalse();
        Map<String, String> m = required();
        m.put("auto.register.schemas", "true");
        m.put("basic.auth.credentials.source", "USER_INFO");
        m.put("basic.auth.user.info", "newsflow:s3cret");

        EnrichConfig config = EnrichConfig.from(Settings.of(m));

        assertThat(config.registry().autoRegister()).isTrue();
        assertThat(config.registry().access().toString())
                .contains("source=USER_INFO")
                .contains("userInfo=***")
                .doesNotContain("s3cret");
        Map<String, String> withoutUserInfo = required();
        withoutUserInfo.put("basic.auth.credentials.source", "USER_INFO");
        assertThatThrownBy(() -> EnrichConfig.from(Settings.of(withoutUserInfo)))
                .hasMessageContaining("basic.auth.user.info");
    }
}
