package io.newsflow.analysis.text;

/** A half-open range {@code [start, end)} of {@code char} indexes. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public boolean encloses(int from, int to) {
        return from >= start && to <= end;
    }
}
