package io.newsflow.sink;

import java.time.Duration;

/**
 * Counts of one {@link EnrichedArticleSink} run so far; what {@code runUntil} predicates look at and what it returns.
 *
 * @param stored       articles written to the store and committed (a redelivered article counts again)
 * @param deadLettered records sent to {@code news-dlq} because they could not be deserialised
 * @param polls        polls made
 * @param commitsRefused written batches whose offset commit the group refused because it was rebalancing; their
 *                     records are read again by their partitions' next owner and rewritten (same rows)
 * @param idle         time since the last record arrived (or since the run started, when none has)
 */
public record SinkProgress(long stored, long deadLettered, long polls, long commitsRefused, Duration idle) {

    /** Records handled: stored plus dead-lettered. */
    public long handled() {
        return stored + deadLettered;
    }
}
