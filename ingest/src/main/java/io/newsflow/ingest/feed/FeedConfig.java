package io.newsflow.ingest.feed;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of feed polling ({@code newsflow ingest --feed URL}), immutable and validated on construction. The
 * feed URLs themselves are command-line arguments, not keys. Each key is defined once, by the {@link Setting}
 * constants below; the README's configuration table is generated from them.
 *
 * <p>{@link #from} reads its keys without checking for unknown ones: read it before {@code IngestConfig.from}, which
 * calls {@link Settings#requireAllUsed()} over every key read so far.
 *
 * @param interval       value of {@link #INTERVAL}
 * @param backoffInitial value of {@link #BACKOFF_INITIAL}
 * @param backoffMax     value of {@link #BACKOFF_MAX}
 * @param timeout        value of {@link #TIMEOUT}
 * @param followLinks    value of {@link #FOLLOW_LINKS}
 * @param stateFile      value of {@link #STATE_FILE}
 */
public record FeedConfig(
        Duration interval,
        Duration backoffInitial,
        Duration backoffMax,
        Duration timeout,
        boolean followLinks,
        Path stateFile) {

    /** Poll interval. */
    public static final Setting<Duration> INTERVAL = Setting.duration("ingest.feed.interval")
            .withDefault(Duration.ofMinutes(5))
            .withRange(Duration.ofSeconds(1), Duration.ofDays(1))
            .usedBy("ingest `--feed`")
            .withDoc("time between two polls of a feed that answered");

    /** First back-off. */
    public static final Setting<Duration> BACKOFF_INITIAL = Setting.duration("ingest.feed.backoff.initial")
            .withDefault(Duration.ofSeconds(30))
            .withRange(Duration.ofMillis(10), Duration.ofHours(1))
            .usedBy("ingest `--feed`")
            .withDoc("wait after the first failed poll of a feed; doubles with each further failure in a row");

    /** Longest back-off; also at least {@link #BACKOFF_INITIAL} (checked by the constructor). */
    public static final Setting<Duration> BACKOFF_MAX = Setting.duration("ingest.feed.backoff.max")
            .withDefault(Duration.ofHours(1))
            .withRange(Duration.ofMillis(10), Duration.ofDays(1))
            .usedBy("ingest `--feed`")
            .withDoc("longest wait between failed polls; at least `ingest.feed.backoff.initial`");

    /** Request timeout. */
    public static final Setting<Duration> TIMEOUT = Setting.duration("ingest.feed.timeout")
            .withDefault(Duration.ofSeconds(30))
            .withRange(Duration.ofMillis(100), Duration.ofMinutes(5))
            .usedBy("ingest `--feed`")
            .withDoc("connect and response timeout of each request (feed or page)");

    /** Follow summary-only items to their page. */
    public static final Setting<Boolean> FOLLOW_LINKS = Setting.bool("ingest.feed.follow.links")
            .withDefault(true)
            .usedBy("ingest `--feed`")
            .withDoc("fetch an item's page and extract its main text when the feed carries only a summary");

    /** State file; its default is in the workspace. */
    public static final Setting<Path> STATE_FILE = Setting.path("ingest.feed.state.file")
            .usedBy("ingest `--feed`")
            .withDefaultDoc("`.newsflow/feeds-state.json`")
            .withDoc("where validators (ETag, Last-Modified) and the ids of items already published are kept across"
                    + " restarts; written atomically");

    /** Every key, in the order the README lists them. */
    public static final List<Setting<?>> KEYS =
            List.of(INTERVAL, BACKOFF_INITIAL, BACKOFF_MAX, TIMEOUT, FOLLOW_LINKS, STATE_FILE);

    /** Validates every field; the exception names the key. */
    public FeedConfig {
        INTERVAL.check(interval);
        BACKOFF_INITIAL.check(backoffInitial);
        ConfigChecks.inRange(BACKOFF_MAX.name(), backoffMax, backoffInitial, Duration.ofDays(1));
        BACKOFF_MAX.check(backoffMax);
        TIMEOUT.check(timeout);
        Objects.requireNonNull(stateFile, STATE_FILE.name());
    }

    /**
     * Reads the keys above from {@code settings} (see the class comment about unknown keys).
     *
     * @param defaultStateFile the state file when {@link #STATE_FILE} is not set (the workspace's)
     */
    public static FeedConfig from(Settings settings, Path defaultStateFile) {
        return new FeedConfig(
                INTERVAL.read(settings),
                BACKOFF_INITIAL.read(settings),
                BACKOFF_MAX.read(settings),
                TIMEOUT.read(settings),
                FOLLOW_LINKS.read(settings),
                STATE_FILE.read(settings, defaultStateFile));
    }

    /**
     * The wait before the next poll after {@code failuresInARow} failed polls in a row: the interval when the last
     * poll worked, else {@code backoffInitial * 2^(failures-1)}, capped at {@code backoffMax}.
     */
    public Duration nextDelay(int failuresInARow) {
        if (failuresInARow <= 0) {
            return interval;
        }
        int shift = Math.min(failuresInARow - 1, 30);
        Duration delay = backoffInitial.multipliedBy(1L << shift);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
