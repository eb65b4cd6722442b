package io.newsflow.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorConfigTest {

    @Test
    void shouldUseTheServicesDefaultPortWhenNoneIsSet() {
        MonitorConfig config = MonitorConfig.from(Settings.of(Map.of()), MonitorConfig.SINK_PORT);

        assertThat(config).isEqualTo(new MonitorConfig("127.0.0.1", 9403, false));
    }

    @Test
    void shouldMarkASetPortAsExplicit() {
        MonitorConfig config =
                MonitorConfig.from(Settings.of(Map.of("monitor.port", "0", "monitor.host", "0.0.0.0")), 9401);

        assertThat(config).isEqualTo(new MonitorConfig("0.0.0.0", 0, true));
    }

    @Test
    void shouldRefuseAPortOutsideItsRangeNamingTheKey() {
        assertThatThrownBy(() -> MonitorConfig.from(Settings.of(Map.of("monitor.port", "-2")), 9401))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("monitor.port");
    }
}
