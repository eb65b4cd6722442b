package io.newsflow.enrich;

import io.newsflow.schemas.avro.DeadLetter;

/**
 * Where the enricher sends a {@code news-taxonomy} record it refuses. A global store's processor cannot forward to a
 * sink, so this is a separate path: in production {@link ProducerTaxonomyDeadLetters}, an idempotent producer to
 * {@code news-dlq}.
 */
@FunctionalInterface
public interface TaxonomyDeadLetters {

    /**
     * Sends one dead letter and returns once it is acknowledged.
     *
     * @param key the refused record's key as text, or null
     * @throws RuntimeException when it could not be sent; the caller then fails rather than lose the letter
     */
    void send(String key, DeadLetter letter);
}
