package io.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpIngestConfigTest {

    @Test
    void shouldBindToLoopbackWithoutTokenByDefault() {
        HttpIngestConfig config = HttpIngestConfig.from(Settings.of(Map.of()));

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8090);
        assertThat(config.token()).isNull();
        assertThat(config.maxBytes()).isEqualTo(4 * 1024 * 1024);
    }

    @Test
    void shouldRefuseANonLoopbackAddressWithoutToken() {
        assertThatThrownBy(() -> HttpIngestConfig.from(Settings.of(Map.of("ingest.http.host", "0.0.0.0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.http.token")
                .hasMessageContaining("0.0.0.0");
    }

    @Test
    void shouldAllowANonLoopbackAddressWithToken() {
        HttpIngestConfig config = HttpIngestConfig.from(
                Settings.of(Map.of("ingest.http.host", "0.0.0.0", "ingest.http.token", "0123456789abcdef0123")));

        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void shouldRefuseAShortToken() {
        assertThatThrownBy(() -> HttpIngestConfig.from(Settings.of(Map.of("ingest.http.token", "secret"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.http.token");
    }

    @Test
    void shouldRefuseASizeLimitOutOfRange() {
        assertThatThrownBy(() -> HttpIngestConfig.from(Settings.of(Map.of("ingest.http.max.bytes", "10"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.http.max.bytes");
    }

    @Test
    void shouldNeverPrintTheToken() {
        HttpIngestConfig config = new HttpIngestConfig("127.0.0.1", 0, "0123456789abcdef0123", 2048);

        assertThat(config.toString()).doesNotContain("0123456789abcdef0123").contains("token=set");
    }

    @Test
    void shouldAcceptOnlyJsonAndPlainTextInUtf8() {
        assertThat(HttpIngestServer.mediaType("application/json")).isEqualTo("application/json");
        assertThat(HttpIngestServer.mediaType("Text/Plain; charset=UTF-8")).isEqualTo("text/plain");
        assertThat(HttpIngestServer.mediaType("text/plain; charset=ISO-8859-1")).isNull();
        assertThat(HttpIngestServer.mediaType("application/xml")).isNull();
        assertThat(HttpIngestServer.mediaType(null)).isNull();
    }
}
