package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.IngestCommand.ProgressMode;
import org.junit.jupiter.api.Test;

class IngestCommandTest {

    @Test
    void shouldDrawTheBarInAutoModeOnlyOnATerminalForAtLeastOneMebibyte() {
        assertThat(IngestCommand.showBar(ProgressMode.auto, true, 1024 * 1024)).isTrue();
        assertThat(IngestCommand.showBar(ProgressMode.auto, true, 1024 * 1024 - 1))
                .isFalse();
        assertThat(IngestCommand.showBar(ProgressMode.auto, false, 100L * 1024 * 1024))
                .isFalse();
    }

    @Test
    void shouldObeyAlwaysAndNever() {
        assertThat(IngestCommand.showBar(ProgressMode.always, false, 1)).isTrue();
        assertThat(IngestCommand.showBar(ProgressMode.never, true, 100L * 1024 * 1024))
                .isFalse();
    }
}
