package io.newsflow.enrich.trend;

/**
 * The spike score of a window: a z-score of its count against the counts of the subject's previous windows of the same
 * size.
 *
 * <pre>
 *   baseline  = counts c_1 .. c_k of the k windows just before this one, k = min(N, windows since the subject was
 *               first counted); a window without articles counts 0
 *   mean      = (c_1 + ... + c_k) / k
 *   stddev    = sqrt(((c_1 - mean)^2 + ... + (c_k - mean)^2) / k)        (population standard deviation)
 *   score     = (count - mean) / max(stddev, 1.0)                          (undefined, i.e. null, when k = 0)
 * </pre>
 *
 * The floor of 1.0 on the standard deviation keeps a flat baseline (a subject named exactly twice in each of the last
 * eight windows) from turning one extra article into an infinite score: below the floor the score reads as "articles
 * above the usual count". Plain Java, no Kafka.
 *
 * @param baselineWindows k
 * @param mean mean of the baseline counts (0 when k = 0)
 * @param stddev population standard deviation of the baseline counts, before the floor (0 when k = 0)
 */
public record SpikeScore(int baselineWindows, double mean, double stddev) {

    /** The floor on the standard deviation. */
    public static final double STDDEV_FLOOR = 1.0;

    /** The baseline of these previous window counts (oldest or newest first: order does not matter). */
    public static SpikeScore baseline(long[] previousCounts) {
        int k = previousCounts.length;
        if (k == 0) {
            return new SpikeScore(0, 0.0, 0.0);
        }
        double sum = 0;
        for (long c : previousCounts) {
            sum += c;
        }
        double mean = sum / k;
        double squares = 0;
        for (long c : previousCounts) {
            squares += (c - mean) * (c - mean);
        }
        return new SpikeScore(k, mean, Math.sqrt(squares / k));
    }

    /** The score of a window with this count, or null when there is no baseline. */
    public Double score(long count) {
        return baselineWindows == 0 ? null : (count - mean) / Math.max(stddev, STDDEV_FLOOR);
    }
}
