package io.newsflow.enrich;

import io.newsflow.schemas.config.ConfigChecks;
import java.time.Duration;
import java.util.Objects;

/**
 * How the enricher recognises duplicates (see {@link Deduplication}).
 *
 * @param window how long an article is remembered: a copy first seen longer ago than this is published again
 *     (exact copy) or published without {@code duplicateOf} (near copy). Bounds the state stores.
 * @param maxDistance the largest Hamming distance between two 64-bit SimHashes still called a near-duplicate. The
 *     hash is split into {@code maxDistance + 1} bands, so two hashes within the distance always share a band
 *     (pigeonhole) and are always found.
 */
public record DedupSettings(Duration window, int maxDistance) {

    /** 7 days, distance 6: measured on the corpus, see the enrich README. */
    public static final DedupSettings DEFAULTS = new DedupSettings(Duration.ofDays(7), 6);

    /** The largest distance accepted: 16 bands of 4 bits, beyond which a band matches too many stories. */
    public static final int MAX_DISTANCE = 15;

    public DedupSettings {
        Objects.requireNonNull(window, "enrich.dedup.window");
        ConfigChecks.inRange("enrich.dedup.window", window, Duration.ofMinutes(1), Duration.ofDays(365));
        ConfigChecks.inRange("enrich.dedup.simhash.distance", maxDistance, 0, MAX_DISTANCE);
    }

    /** How many bands the 64-bit SimHash is split into. */
    public int bands() {
        return maxDistance + 1;
    }
}
