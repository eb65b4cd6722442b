package io.newsflow.enrich.trend;

import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * How the enricher counts trends on {@code news-trends}: immutable, validated when built. Part of
 * {@link io.newsflow.enrich.EnrichConfig}, which reads it from the keys defined below (each once, as a
 * {@link Setting}; the README's configuration table is generated from them).
 *
 * @param enabled whether {@link TrendTopology} is added to the enricher's topology at all ({@link #ENABLED})
 * @param shortGrace grace period of the 15-minute windows ({@link #SHORT_GRACE})
 * @param dailyGrace grace period of the 1-day windows ({@link #DAILY_GRACE})
 * @param baselineWindows N, the number of previous windows in the baseline ({@link #BASELINE_WINDOWS})
 */
public record TrendSettings(boolean enabled, Duration shortGrace, Duration dailyGrace, int baselineWindows) {

    /** Whether trends are counted. */
    public static final Setting<Boolean> ENABLED = Setting.bool("enrich.trends.enabled")
            .withDefault(true)
            .usedBy("enrich")
            .withDoc("count trends and write `news-trends`");

    /** Grace of the 15-minute windows. */
    public static final Setting<Duration> SHORT_GRACE = Setting.duration("enrich.trends.grace.short")
            .withDefault(Duration.ofHours(1))
            .withRange(Duration.ZERO, Duration.ofDays(1))
            .usedBy("enrich")
            .withDoc("grace period of the 15-minute trend windows: how long after its end a window still takes late"
                    + " (out-of-order) articles");

    /** Grace of the 1-day windows. */
    public static final Setting<Duration> DAILY_GRACE = Setting.duration("enrich.trends.grace.daily")
            .withDefault(Duration.ofHours(6))
            .withRange(Duration.ZERO, Duration.ofDays(7))
            .usedBy("enrich")
            .withDoc("grace period of the 1-day trend windows");

    /** N, the windows of the baseline. */
    public static final Setting<Integer> BASELINE_WINDOWS = Setting.integer("enrich.trends.baseline.windows")
            .withDefault(8)
            .withRange(1, 96)
            .usedBy("enrich")
            .withDoc("N: how many previous windows of the same size form a subject's baseline for the spike score");

    /** Every key, in the order the README lists them. */
    public static final List<Setting<?>> KEYS = List.of(ENABLED, SHORT_GRACE, DAILY_GRACE, BASELINE_WINDOWS);

    /** Size of the short tumbling windows. */
    public static final Duration SHORT_WINDOW = Duration.ofMinutes(15);
    /** Size of the daily tumbling windows (aligned to midnight UTC). */
    public static final Duration DAILY_WINDOW = Duration.ofDays(1);

    /** The defaults of the keys above. */
    public static final TrendSettings DEFAULTS = new TrendSettings(
            ENABLED.defaultValue(),
            SHORT_GRACE.defaultValue(),
            DAILY_GRACE.defaultValue(),
            BASELINE_WINDOWS.defaultValue());

    public TrendSettings {
        SHORT_GRACE.check(shortGrace);
        DAILY_GRACE.check(dailyGrace);
        BASELINE_WINDOWS.check(baselineWindows);
    }

    /** Reads the keys above from {@code settings} (unknown keys are the caller's to reject). */
    public static TrendSettings from(Settings settings) {
        return new TrendSettings(
                ENABLED.read(settings),
                SHORT_GRACE.read(settings),
                DAILY_GRACE.read(settings),
                BASELINE_WINDOWS.read(settings));
    }
}
