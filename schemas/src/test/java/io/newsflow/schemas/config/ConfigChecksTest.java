package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    @Test
    void shouldAcceptHostPortListsIncludingIpv6() {
        assertThat(ConfigChecks.bootstrapServers("k", " a:9092,[::1]:9093 ")).isEqualTo("a:9092,[::1]:9093");
    }

    @Test
    void shouldRejectABootstrapServerWithoutPortNamingTheKey() {
        assertThatThrownBy(() -> ConfigChecks.bootstrapServers("kafka.bootstrap.servers", "localhost"))
                .hasMessageContaining("kafka.bootstrap.servers")
                .hasMessageContaining("host:port");
    }

    @Test
    void shouldRejectARegistryUrlWithAnUnknownScheme() {
        assertThatThrownBy(() -> ConfigChecks.registryUrl("schema.registry.url", "ftp://r"))
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldRejectAValueOutsideItsRange() {
        assertThat(ConfigChecks.inRange("n", 5, 1, 5)).isEqualTo(5);
        assertThatThrownBy(() -> ConfigChecks.inRange("n", 0, 1, 5)).hasMessageContaining("between 1 and 5");
    }

    @Test
    void shouldRejectADurationOutsideItsRangeWritingTheBoundsAsPeopleDo() {
        var min = java.time.Duration.ofMillis(1);
        var max = java.time.Duration.ofMinutes(1);

        assertThat(ConfigChecks.inRange("t", java.time.Duration.ofSeconds(5), min, max))
                .hasSeconds(5);
        assertThatThrownBy(() -> ConfigChecks.inRange("t", java.time.Duration.ofMinutes(2), min, max))
                .hasMessageContaining("'t'")
                .hasMessageContaining("between 1 ms and 1 minute");
        assertThatThrownBy(() -> ConfigChecks.inRange("t", null, min, max)).hasMessageContaining("'t'");
    }

    @Test
    void shouldWriteWholeHoursAndDaysAsPeopleDo() {
        var min = java.time.Duration.ofHours(1);
        var max = java.time.Duration.ofDays(7);

        assertThatThrownBy(() -> ConfigChecks.inRange("t", java.time.Duration.ZERO, min, max))
                .hasMessageContaining("between 1 hour and 7 days");
        assertThatThrownBy(
                        () -> ConfigChecks.inRange("t", java.time.Duration.ZERO, java.time.Duration.ofMinutes(90), max))
                .hasMessageContaining("between 90 minutes and 7 days");
    }
}
