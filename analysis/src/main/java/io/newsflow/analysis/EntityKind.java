package io.newsflow.analysis;

/** Coarse entity type. */
public enum EntityKind {
    PERSON,
    ORG,
    LOC
}
