package io.newsflow.analysis;

/** Coarse entity type. */
public enum EntityKind {
    PERSON,
    ORG,
    LOC,
    /** A name the knowledge base does not know: no id, low confidence (see {@code linking.UnknownNames}). */
    UNKNOWN
}
