package io.newsflow.ingest.feed;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of feed polling ({@code newsflow ingest --feed URL}), immutable and validated on construction. The
 * feed URLs themselves are command-line arguments, not keys.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #INTERVAL}</td><td>duration</td><td>{@code PT5M}</td>
 *       <td>Time between two polls of a feed that answered; 1 s to 1 day.</td></tr>
 *   <tr><td>{@value #BACKOFF_INITIAL}</td><td>duration</td><td>{@code PT30S}</td>
 *       <td>Wait after the first failed poll of a feed; it doubles with each further failure in a row; 10 ms to 1
 *       hour.</td></tr>
 *   <tr><td>{@value #BACKOFF_MAX}</td><td>duration</td><td>{@code PT1H}</td>
 *       <td>Longest wait between failed polls; at least {@value #BACKOFF_INITIAL}, at most 1 day.</td></tr>
 *   <tr><td>{@value #TIMEOUT}</td><td>duration</td><td>{@code PT30S}</td>
 *       <td>Connect and response timeout of each request (feed or page); 100 ms to 5 minutes.</td></tr>
 *   <tr><td>{@value #FOLLOW_LINKS}</td><td>boolean</td><td>{@code true}</td>
 *       <td>Fetch an item's page and extract its main text when the feed carries only a summary.</td></tr>
 *   <tr><td>{@value #STATE_FILE}</td><td>path</td><td>{@code .newsflow/feeds-state.json}</td>
 *       <td>Where validators (ETag, Last-Modified) and the ids of items already published are kept across
 *       restarts; written atomically.</td></tr>
 * </table>
 *
 * <p>{@link #from} reads its keys without checking for unknown ones: read it before {@code IngestConfig.from}, which
 * calls {@link Settings#requireAllUsed()} over every key read so far.
 *
 * @param interval       value of {@value #INTERVAL}
 * @param backoffInitial value of {@value #BACKOFF_INITIAL}
 * @param backoffMax     value of {@value #BACKOFF_MAX}
 * @param timeout        value of {@value #TIMEOUT}
 * @param followLinks    value of {@value #FOLLOW_LINKS}
 * @param stateFile      value of {@value #STATE_FILE}
 */
public record FeedConfig(
        Duration interval,
        Duration backoffInitial,
        Duration backoffMax,
        Duration timeout,
        boolean followLinks,
        Path stateFile) {

    /** Key: poll interval. */
    public static final String INTERVAL = "ingest.feed.interval";
    /** Key: first back-off. */
    public static final String BACKOFF_INITIAL = "ingest.feed.backoff.initial";
    /** Key: longest back-off. */
    public static final String BACKOFF_MAX = "ingest.feed.backoff.max";
    /** Key: request timeout. */
    public static final String TIMEOUT = "ingest.feed.timeout";
    /** Key: follow summary-only items to their page. */
    public static final String FOLLOW_LINKS = "ingest.feed.follow.links";
    /** Key: state file. */
    public static final String STATE_FILE = "ingest.feed.state.file";

    /** Default of {@value #INTERVAL}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    /** Default of {@value #BACKOFF_INITIAL}. */
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(30);
    /** Default of {@value #BACKOFF_MAX}. */
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(1);
    /** Default of {@value #TIMEOUT}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Validates every field; the exception names the key. */
    public FeedConfig {
        ConfigChecks.inRange(INTERVAL, interval, Duration.ofSeconds(1), Duration.ofDays(1));
        ConfigChecks.inRange(BACKOFF_INITIAL, backoffInitial, Duration.ofMillis(10), Duration.ofHours(1));
        ConfigChecks.inRange(BACKOFF_MAX, backoffMax, backoffInitial, Duration.ofDays(1));
        ConfigChecks.inRange(TIMEOUT, timeout, Duration.ofMillis(100), Duration.ofMinutes(5));
        Objects.requireNonNull(stateFile, STATE_FILE);
    }

    /**
     * Reads the keys above from {@code settings} (see the class comment about unknown keys).
     *
     * @param defaultStateFile the state file when {@value #STATE_FILE} is not set (the workspace's)
     */
    public static FeedConfig from(Settings settings, Path defaultStateFile) {
        String state = settings.string(STATE_FILE, null);
        return new FeedConfig(
                settings.duration(INTERVAL, DEFAULT_INTERVAL),
                settings.duration(BACKOFF_INITIAL, DEFAULT_BACKOFF_INITIAL),
                settings.duration(BACKOFF_MAX, DEFAULT_BACKOFF_MAX),
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                settings.bool(FOLLOW_LINKS, true),
                state == null ? defaultStateFile : Path.of(state));
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
