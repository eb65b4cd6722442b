package io.newsflow.enrich.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trend keys of the enricher's configuration: defaults, reading, and validation that names the key. */
class TrendSettingsTest {

    private static EnrichConfig configWith(Map<String, String> trendKeys) {
        Map<String, String> values = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:9092",
                "schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7"));
        values.putAll(trendKeys);
        return EnrichConfig.from(Settings.of(values));
    }

    @Test
    void shouldDefaultToTrendsOnWithOneHourAndSixHourGraceAndABaselineOfEight() {
        TrendSettings trends = configWith(Map.of()).trends();

        assertThat(trends.enabled()).isTrue();
        assertThat(trends.shortGrace()).isEqualTo(Duration.ofHours(1));
        assertThat(trends.dailyGrace()).isEqualTo(Duration.ofHours(6));
        assertThat(trends.baselineWindows()).isEqualTo(8);
        assertThat(trends).isEqualTo(TrendSettings.DEFAULTS);
    }

    @Test
    void shouldReadEveryTrendKey() {
        TrendSettings trends = configWith(Map.of(
                        "enrich.trends.enabled", "false",
                        "enrich.trends.grace.short", "PT30M",
                        "enrich.trends.grace.daily", "PT2H",
                        "enrich.trends.baseline.windows", "12"))
                .trends();

        assertThat(trends).isEqualTo(new TrendSettings(false, Duration.ofMinutes(30), Duration.ofHours(2), 12));
    }

    @Test
    void shouldRejectAGraceLongerThanItsLimitNamingTheKey() {
        assertThatThrownBy(() -> configWith(Map.of("enrich.trends.grace.short", "P2D")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("enrich.trends.grace.short"));
        assertThatThrownBy(() -> configWith(Map.of("enrich.trends.grace.daily", "-PT1H")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("enrich.trends.grace.daily"));
    }

    @Test
    void shouldRejectABaselineOutsideOneToNinetySixNamingTheKey() {
        assertThatThrownBy(() -> configWith(Map.of("enrich.trends.baseline.windows", "0")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("enrich.trends.baseline.windows"));
        assertThatThrownBy(() -> configWith(Map.of("enrich.trends.baseline.windows", "eight")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("enrich.trends.baseline.windows"));
    }

    @Test
    void shouldRejectAMisspeltTrendKey() {
        assertThatThrownBy(() -> configWith(Map.of("enrich.trends.grace.shrot", "PT1H")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("enrich.trends.grace.shrot"));
    }
}
