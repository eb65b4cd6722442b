package io.newsflow.enrich.trend;

import io.newsflow.schemas.config.ConfigChecks;
import java.time.Duration;

/**
 * How the enricher counts trends on {@code news-trends}: immutable, validated when built. Part of
 * {@link io.newsflow.enrich.EnrichConfig}, which reads it from these keys:
 *
 * <table>
 * <caption>Trend settings</caption>
 * <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 * <tr><td>enrich.trends.enabled</td><td>boolean</td><td>true</td><td>count trends and write {@code news-trends}</td></tr>
 * <tr><td>enrich.trends.grace.short</td><td>duration 0..P1D</td><td>PT1H</td><td>how long after its end a 15-minute
 * window still accepts late (out-of-order) articles</td></tr>
 * <tr><td>enrich.trends.grace.daily</td><td>duration 0..P7D</td><td>PT6H</td><td>the same for 1-day windows</td></tr>
 * <tr><td>enrich.trends.baseline.windows</td><td>int 1..96</td><td>8</td><td>N: how many previous windows of the same
 * size form a subject's baseline for the spike score</td></tr>
 * </table>
 *
 * @param enabled whether {@link TrendTopology} is added to the enricher's topology at all
 * @param shortGrace grace period of the 15-minute windows
 * @param dailyGrace grace period of the 1-day windows
 * @param baselineWindows N, the number of previous windows in the baseline
 */
public record TrendSettings(boolean enabled, Duration shortGrace, Duration dailyGrace, int baselineWindows) {

    public static final String ENABLED = "enrich.trends.enabled";
    public static final String SHORT_GRACE = "enrich.trends.grace.short";
    public static final String DAILY_GRACE = "enrich.trends.grace.daily";
    public static final String BASELINE_WINDOWS = "enrich.trends.baseline.windows";

    /** Size of the short tumbling windows. */
    public static final Duration SHORT_WINDOW = Duration.ofMinutes(15);
    /** Size of the daily tumbling windows (aligned to midnight UTC). */
    public static final Duration DAILY_WINDOW = Duration.ofDays(1);

    /** The documented defaults: enabled, grace PT1H and PT6H, a baseline of 8 windows. */
    public static final TrendSettings DEFAULTS = new TrendSettings(true, Duration.ofHours(1), Duration.ofHours(6), 8);

    public TrendSettings {
        ConfigChecks.inRange(SHORT_GRACE, shortGrace, Duration.ZERO, Duration.ofDays(1));
        ConfigChecks.inRange(DAILY_GRACE, dailyGrace, Duration.ZERO, Duration.ofDays(7));
        ConfigChecks.inRange(BASELINE_WINDOWS, baselineWindows, 1, 96);
    }
}
