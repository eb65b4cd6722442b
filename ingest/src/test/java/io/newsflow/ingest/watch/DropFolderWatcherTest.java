package io.newsflow.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the drop folder; the folder itself runs against the real broker in integration-tests. */
class DropFolderWatcherTest {

    @TempDir
    Path dir;

    @Test
    void shouldIgnoreHiddenAndTemporaryNames() {
        assertThat(DropFolderWatcher.isIgnored(Path.of(".draft.json"))).isTrue();
        assertThat(DropFolderWatcher.isIgnored(Path.of("upload.json.tmp"))).isTrue();
        assertThat(DropFolderWatcher.isIgnored(Path.of("upload.json.PART"))).isTrue();
        assertThat(DropFolderWatcher.isIgnored(Path.of("a.txt~"))).isTrue();
        assertThat(DropFolderWatcher.isIgnored(Path.of("article.json"))).isFalse();
        assertThat(DropFolderWatcher.isIgnored(Path.of("scan.pdf"))).isFalse();
    }

    @Test
    void shouldGiveANewcomerAFreeNameInsteadOfOverwriting() throws IOException {
        assertThat(DropFolderWatcher.freeName(dir, "a.json")).isEqualTo(dir.resolve("a.json"));
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("a-1.json.error"), "reason");

        assertThat(DropFolderWatcher.freeName(dir, "a.json")).isEqualTo(dir.resolve("a-2.json"));
    }

    @Test
    void shouldWriteAtomicallyWithoutLeavingTheTemporaryFile() throws IOException {
        Path target = dir.resolve("marker");
        DropFolderWatcher.writeAtomically(target, new byte[] {1});
        DropFolderWatcher.writeAtomically(target, new byte[] {2});

        assertThat(Files.readAllBytes(target)).containsExactly(2);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void shouldReadItsKeysWithDefaults() {
        DropFolderConfig defaults = DropFolderConfig.from(Settings.of(Map.of()));
        DropFolderConfig set = DropFolderConfig.from(
                Settings.of(Map.of("ingest.watch.settle", "PT0.5S", "ingest.watch.rescan", "PT2M")));

        assertThat(defaults).isEqualTo(DropFolderConfig.defaults());
        assertThat(set.settle()).isEqualTo(Duration.ofMillis(500));
        assertThat(set.rescan()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldRefuseARescanIntervalBelow100Milliseconds() {
        assertThatThrownBy(() -> DropFolderConfig.from(Settings.of(Map.of("ingest.watch.rescan", "10"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.watch.rescan");
    }
}
