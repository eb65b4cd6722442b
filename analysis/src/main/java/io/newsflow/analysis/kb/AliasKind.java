package io.newsflow.analysis.kb;

/** How a surface form names its entity; {@link #label()} is what {@code EntityMention.matchedBy} carries. */
public enum AliasKind {
    /** An official or common full name in some language. */
    NAME("name"),
    /** An abbreviation or informal full form ("EE. UU.", "OTAN"). */
    ALIAS("alias"),
    /** A nationality adjective ("norcoreanos"): stands for the country, with less certainty. */
    DEMONYM("demonym"),
    /** A surname or other short form of a person ("Trump", "Kim"). */
    SHORT_NAME("short-name");

    private final String label;

    AliasKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
