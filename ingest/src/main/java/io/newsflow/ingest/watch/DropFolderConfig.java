package io.newsflow.ingest.watch;

import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of the drop folder ({@code newsflow ingest --watch DIR}), immutable and validated on construction.
 * The folder itself is a command-line argument, not a key. Each key is defined once, by the {@link Setting} constants
 * below; the README's configuration table is generated from them.
 *
 * <p>{@link #from} reads its keys without checking for unknown ones: read it before {@code IngestConfig.from}, which
 * calls {@link Settings#requireAllUsed()} over every key read so far.
 *
 * @param settle value of {@link #SETTLE}
 * @param rescan value of {@link #RESCAN}
 */
public record DropFolderConfig(Duration settle, Duration rescan) {

    /** Quiet time before a file counts as complete. */
    public static final Setting<Duration> SETTLE = Setting.duration("ingest.watch.settle")
            .withDefault(Duration.ofSeconds(1))
            .withRange(Duration.ZERO, Duration.ofMinutes(10))
            .usedBy("ingest `--watch`")
            .withDoc("how long a file's size and modification time must stay unchanged before it counts as complete"
                    + " and is read");

    /** Interval of the safety-net rescan. */
    public static final Setting<Duration> RESCAN = Setting.duration("ingest.watch.rescan")
            .withDefault(Duration.ofSeconds(30))
            .withRange(Duration.ofMillis(100), Duration.ofHours(1))
            .usedBy("ingest `--watch`")
            .withDoc("interval of the full listing behind the file-system events (events can be lost on overflow, on"
                    + " network file systems and while a file is being processed)");

    /** Both keys, in the order the README lists them. */
    public static final List<Setting<?>> KEYS = List.of(SETTLE, RESCAN);

    /** Validates every field; the exception names the key. */
    public DropFolderConfig {
        SETTLE.check(settle);
        RESCAN.check(rescan);
    }

    /** The defaults. */
    public static DropFolderConfig defaults() {
        return new DropFolderConfig(SETTLE.defaultValue(), RESCAN.defaultValue());
    }

    /** Reads the keys above from {@code settings} (see the class comment about unknown keys). */
    public static DropFolderConfig from(Settings settings) {
        return new DropFolderConfig(SETTLE.read(settings), RESCAN.read(settings));
    }
}
