package io.newsflow.bench;

/**
 * One row of the results table: a figure, the baseline it is compared with in the same run, their ratio and the
 * target the ratio or figure must reach.
 *
 * @param what what was measured
 * @param figure the measured figure with its unit
 * @param baseline the baseline figure, or "" when there is none
 * @param ratio figure over baseline (or as the row says), or ""
 * @param target the target for this row, or ""
 * @param verdict "met", "MISSED by ..." or "" when there is no target
 */
public record Line(String what, String figure, String baseline, String ratio, String target, String verdict) {

    static Line of(String what, String figure) {
        return new Line(what, figure, "", "", "", "");
    }

    /** "met" when {@code ok}, else "MISSED" with how far off. */
    static String verdict(boolean ok, String shortfall) {
        return ok ? "met" : "MISSED (" + shortfall + ")";
    }
}
