package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void shouldMaskTheUserInfoOfARegistryUrl() {
        assertThat(Redact.url("https://svc:pa55@registry.example:8081/apis/ccompat/v7"))
                .isEqualTo("https://***@registry.example:8081/apis/ccompat/v7");
    }

    @Test
    void shouldMaskPasswordsInJdbcUrlsInTheirUsualPlaces() {
        assertThat(Redact.url("jdbc:postgresql://app:pa55@db:5432/news"))
                .isEqualTo("jdbc:postgresql://***@db:5432/news");
        assertThat(Redact.url("jdbc:postgresql://db/news?user=app&password=pa55&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/news?user=app&password=***&ssl=true");
        assertThat(Redact.url("jdbc:sqlserver://db;user=app;password=pa55")).doesNotContain("pa55");
    }

    @Test
    void shouldLeaveAUrlWithoutCredentialsAsItIs() {
        assertThat(Redact.url("http://127.0.0.1:8081/apis/ccompat/v7"))
                .isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(Redact.url(null)).isNull();
    }

    @Test
    void shouldNotEchoThePasswordOfARefusedRegistryUrl() {
        assertThatThrownBy(() -> ConfigChecks.registryUrl("schema.registry.url", "ftp://svc:pa55@registry:8081"))
                .hasMessageContaining("ftp://***@registry:8081")
                .hasMessageNotContaining("pa55");
    }
}
