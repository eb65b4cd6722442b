package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedConfigTest {

    private static final Path STATE = Path.of("state.json");

    @Test
    void shouldApplyDefaults() {
        FeedConfig config = FeedConfig.from(Settings.of(Map.of()), STATE);

        assertThat(config.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.backoffInitial()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.backoffMax()).isEqualTo(Duration.ofHours(1));
        assertThat(config.followLinks()).isTrue();
        assertThat(config.stateFile()).isEqualTo(STATE);
    }

    @Test
    void shouldDoubleTheWaitAfterEachFailureUpToTheMaximum() {
        FeedConfig config = new FeedConfig(
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(3),
                Duration.ofSeconds(30),
                true,
                STATE);

        assertThat(config.nextDelay(0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.nextDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.nextDelay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.nextDelay(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.nextDelay(4)).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.nextDelay(1000)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void shouldRefuseAMaximumBackOffBelowTheInitialOne() {
        assertThatThrownBy(() -> FeedConfig.from(
                        Settings.of(Map.of("ingest.feed.backoff.initial", "PT10M", "ingest.feed.backoff.max", "PT1M")),
                        STATE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.feed.backoff.max");
    }

    @Test
    void shouldRefuseAnIntervalBelowOneSecond() {
        assertThatThrownBy(() -> FeedConfig.from(Settings.of(Map.of("ingest.feed.interval", "10")), STATE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.feed.interval");
    }
}
