package io.newsflow.enrich;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;

/**
 * What processing one raw record produced: an enriched article, or a dead letter explaining why there is none.
 * Failures are values here, not exceptions, so the topology can route them (compare bakdata's {@code ProcessedValue}).
 */
public sealed interface Outcome {

    /** The record was enriched. */
    record Enriched(EnrichedArticle article) implements Outcome {}

    /** The record was rejected; {@code deadLetter} carries the original bytes and the reason. */
    record Rejected(DeadLetter deadLetter) implements Outcome {}

    default boolean isEnriched() {
        return this instanceof Enriched;
    }

    /** The enriched article; only valid when {@link #isEnriched()}. */
    default EnrichedArticle article() {
        if (this instanceof Enriched e) {
            return e.article();
        }
        throw new IllegalStateException("Not an enriched outcome: " + this);
    }

    /** The dead letter; only valid when not {@link #isEnriched()}. */
    default DeadLetter deadLetter() {
        if (this instanceof Rejected r) {
            return r.deadLetter();
        }
        throw new IllegalStateException("Not a rejected outcome: " + this);
    }
}
