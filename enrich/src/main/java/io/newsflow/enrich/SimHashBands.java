package io.newsflow.enrich;

/**
 * Splits a 64-bit SimHash into bands for locality-sensitive lookups. With {@code n} bands, two hashes at Hamming
 * distance below {@code n} agree on at least one whole band (pigeonhole: each differing bit spoils one band at most),
 * so looking a hash up under each of its bands finds every hash within distance {@code n - 1}. Pure and thread-safe.
 */
final class SimHashBands {

    private final int bands;
    private final int[] starts;
    private final int[] widths;

    SimHashBands(int bands) {
        if (bands < 1 || bands > 64) {
            throw new IllegalArgumentException("bands must be in 1..64, got " + bands);
        }
        this.bands = bands;
        this.starts = new int[bands];
        this.widths = new int[bands];
        int start = 0;
        for (int i = 0; i < bands; i++) {
            widths[i] = 64 / bands + (i < 64 % bands ? 1 : 0);
            starts[i] = start;
            start += widths[i];
        }
    }

    int count() {
        return bands;
    }

    /** The bits of band {@code index}, shifted down. */
    long band(long simhash, int index) {
        long bits = simhash >>> starts[index];
        return widths[index] == 64 ? bits : bits & ((1L << widths[index]) - 1);
    }

    /** The store and partitioning key of band {@code index} of {@code simhash}: {@code b<index>:<hex bits>}. */
    String key(long simhash, int index) {
        return "b" + index + ":" + Long.toHexString(band(simhash, index));
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
