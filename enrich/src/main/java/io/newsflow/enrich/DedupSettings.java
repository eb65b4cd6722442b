package io.newsflow.enrich;

import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the enricher recognises duplicates (see {@link Deduplication}).
 *
 * <p>Read from the keys {@link #WINDOW} and {@link #SIMHASH_DISTANCE}, each defined once below.
 *
 * @param window how long an article is remembered: a copy first seen longer ago than this is published again
 *     (exact copy) or published without {@code duplicateOf} (near copy). Bounds the state stores.
 * @param maxDistance the largest Hamming distance between two 64-bit SimHashes still called a near-duplicate. The
 *     hash is split into {@code maxDistance + 1} bands, so two hashes within the distance always share a band
 *     (pigeonhole) and are always found.
 */
public record DedupSettings(Duration window, int maxDistance) {

    /** The largest distance accepted: 16 bands of 4 bits, beyond which a band matches too many stories. */
    public static final int MAX_DISTANCE = 15;

    /** How long an article is remembered. */
    public static final Setting<Duration> WINDOW = Setting.duration("enrich.dedup.window")
            .withDefault(Duration.ofDays(7))
            .withRange(Duration.ofMinutes(1), Duration.ofDays(365))
            .usedBy("enrich")
            .withDoc("how long an article is remembered: exact copies within it are not published again, near copies"
                    + " get `duplicateOf`; bounds the state stores");

    /** The near-duplicate distance. */
    public static final Setting<Integer> SIMHASH_DISTANCE = Setting.integer("enrich.dedup.simhash.distance")
            .withDefault(6)
            .withRange(0, MAX_DISTANCE)
            .usedBy("enrich")
            .withDoc("largest Hamming distance between two 64-bit SimHashes still called a near-duplicate, as measured"
                    + " in [`enrich/README.md`](enrich/README.md)");

    /** Both keys, in the order the README lists them. */
    public static final List<Setting<?>> KEYS = List.of(WINDOW, SIMHASH_DISTANCE);

    /** 7 days, distance 6: measured on the corpus, see the enrich README. */
    public static final DedupSettings DEFAULTS =
            new DedupSettings(WINDOW.defaultValue(), SIMHASH_DISTANCE.defaultValue());

    public DedupSettings {
        Objects.requireNonNull(window, WINDOW.name());
        WINDOW.check(window);
        SIMHASH_DISTANCE.check(maxDistance);
    }

    /** Reads the keys above from {@code settings} (unknown keys are the caller's to reject). */
    public static DedupSettings from(Settings settings) {
        return new DedupSettings(WINDOW.read(settings), SIMHASH_DISTANCE.read(settings));
    }

    /** How many bands the 64-bit SimHash is split into. */
    public int bands() {
        return maxDistance + 1;
    }
}
