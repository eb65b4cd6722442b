package io.newsflow.analysis.linking;

import java.util.Map;
import java.util.TreeMap;

/**
 * A set of non-overlapping text spans {@code [start, end)}, ordered by start, that answers "does this span overlap
 * one already taken?" in logarithmic time. The linker asks that once per candidate; a scan of every span taken so
 * far made a long article with tens of thousands of mentions quadratic (seconds for 300 KB). Not thread-safe.
 */
final class Spans {
    private final TreeMap<Integer, Integer> endByStart = new TreeMap<>();

    /**
     * Whether {@code [start, end)} overlaps a span of this set. The spans never overlap one another, so the one
     * starting last before {@code end} is the only one that can.
     */
    boolean overlaps(int start, int end) {
        Map.Entry<Integer, Integer> before = endByStart.lowerEntry(end);
        return before != null && before.getValue() > start;
    }

    /**
     * Adds {@code [start, end)}, which must not overlap a span of this set.
     *
     * @throws IllegalArgumentException when it does
     */
    void add(int start, int end) {
        if (overlaps(start, end)) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") overlaps a span already taken");
        }
        endByStart.put(start, end);
    }
}
