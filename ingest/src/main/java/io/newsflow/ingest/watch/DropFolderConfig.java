package io.newsflow.ingest.watch;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import java.time.Duration;

/**
 * Configuration of the drop folder ({@code newsflow ingest --watch DIR}), immutable and validated on construction.
 * The folder itself is a command-line argument, not a key.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #SETTLE}</td><td>duration</td><td>{@code PT1S}</td>
 *       <td>How long a file's size and modification time must stay unchanged before it counts as complete and is
 *       read; 0 to 10 minutes.</td></tr>
 *   <tr><td>{@value #RESCAN}</td><td>duration</td><td>{@code PT30S}</td>
 *       <td>Interval of the full listing that backs up the file-system events (events can be lost on overflow, on
 *       network file systems and while a file is being processed); 100 ms to 1 hour.</td></tr>
 * </table>
 *
 * <p>{@link #from} reads its keys without checking for unknown ones: read it before {@code IngestConfig.from}, which
 * calls {@link Settings#requireAllUsed()} over every key read so far.
 *
 * @param settle value of {@value #SETTLE}
 * @param rescan value of {@value #RESCAN}
 */
public record DropFolderConfig(Duration settle, Duration rescan) {

    /** Key: quiet time before a file counts as complete. */
    public static final String SETTLE = "ingest.watch.settle";
    /** Key: interval of the safety-net rescan. */
    public static final String RESCAN = "ingest.watch.rescan";

    /** Default of {@value #SETTLE}. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(1);
    /** Default of {@value #RESCAN}. */
    public static final Duration DEFAULT_RESCAN = Duration.ofSeconds(30);

    /** Validates every field; the exception names the key. */
    public DropFolderConfig {
        ConfigChecks.inRange(SETTLE, settle, Duration.ZERO, Duration.ofMinutes(10));
        ConfigChecks.inRange(RESCAN, rescan, Duration.ofMillis(100), Duration.ofHours(1));
    }

    /** The defaults. */
    public static DropFolderConfig defaults() {
        return new DropFolderConfig(DEFAULT_SETTLE, DEFAULT_RESCAN);
    }

    /** Reads the keys above from {@code settings} (see the class comment about unknown keys). */
    public static DropFolderConfig from(Settings settings) {
        return new DropFolderConfig(
                settings.duration(SETTLE, DEFAULT_SETTLE), settings.duration(RESCAN, DEFAULT_RESCAN));
    }
}
