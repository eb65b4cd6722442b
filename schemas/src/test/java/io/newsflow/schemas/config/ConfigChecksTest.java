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
}
