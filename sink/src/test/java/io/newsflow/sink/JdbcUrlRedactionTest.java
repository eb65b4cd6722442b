package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcUrlRedactionTest {

    @Test
    void shouldHideThePasswordInTheQueryString() {
        String redacted = JdbcArticleStore.redact("jdbc:postgresql://db:5432/news?user=sink&password=s3cret");

        assertThat(redacted).isEqualTo("jdbc:postgresql://db:5432/news?***").doesNotContain("s3cret");
    }

    @Test
    void shouldHideUserInfoBeforeTheHost() {
        assertThat(JdbcArticleStore.redact("jdbc:mysql://sink:s3cret@db/news")).isEqualTo("jdbc:mysql://***@db/news");
    }

    @Test
    void shouldLeaveAUrlWithoutSecretsAsItIs() {
        assertThat(JdbcArticleStore.redact("jdbc:sqlite:.newsflow/newsflow.db"))
                .isEqualTo("jdbc:sqlite:.newsflow/newsflow.db");
    }

    @Test
    void shouldNotEchoThePasswordInAConfigurationError() {
        Settings settings = Settings.of(Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:9092",
                "schema.registry.url", "http://127.0.0.1:8081",
                "sink.jdbc.url", "jdbc:oracle:thin:scott/tiger@db?password=s3cret"));

        assertThatThrownBy(() -> SinkConfig.from(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sink.jdbc.url")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldNotShowThePasswordWhenTheDatabaseCannotBeReached() {
        assertThatThrownBy(() -> JdbcArticleStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=s3cret"))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(((StoreException) e).isTransient())
                        .as("connection refused is an outage")
                        .isTrue());
    }
}
