package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStateTest {

    @TempDir
    Path dir;

    @Test
    void shouldStartEmptyWithoutAFile() throws IOException {
        FeedState state = FeedState.load(dir.resolve("missing.json"));

        assertThat(state.seen("http://a.test/feed", "item")).isFalse();
        assertThat(state.etag("http://a.test/feed")).isNull();
    }

    @Test
    void shouldKeepSeenItemsAndValidatorsAcrossALoad() throws IOException {
        Path file = dir.resolve("sub/state.json");
        FeedState state = FeedState.load(file);
        state.markSeen("http://a.test/feed", "guid-1");
        state.validators("http://a.test/feed", "\"etag\"", "Tue, 01 Dec 2026 08:00:00 GMT");
        state.save();

        FeedState reloaded = FeedState.load(file);

        assertThat(reloaded.seen("http://a.test/feed", "guid-1")).isTrue();
        assertThat(reloaded.seen("http://a.test/feed", "guid-2")).isFalse();
        assertThat(reloaded.seen("http://b.test/feed", "guid-1")).isFalse();
        assertThat(reloaded.etag("http://a.test/feed")).isEqualTo("\"etag\"");
        assertThat(reloaded.lastModified("http://a.test/feed")).isEqualTo("Tue, 01 Dec 2026 08:00:00 GMT");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void shouldForgetTheOldestItemsBeyondTheLimit() throws IOException {
        FeedState state = FeedState.load(dir.resolve("state.json"));
        for (int i = 0; i <= FeedState.MAX_SEEN_PER_FEED; i++) {
            state.markSeen("http://a.test/feed", "guid-" + i);
        }

        assertThat(state.seen("http://a.test/feed", "guid-0")).isFalse();
        assertThat(state.seen("http://a.test/feed", "guid-1")).isTrue();
        assertThat(state.seen("http://a.test/feed", "guid-" + FeedState.MAX_SEEN_PER_FEED))
                .isTrue();
    }

    @Test
    void shouldNameTheFileWhenItIsNotAStateFile() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "[1, 2]");

        assertThatThrownBy(() -> FeedState.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }
}
