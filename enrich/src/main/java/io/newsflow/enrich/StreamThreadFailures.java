package io.newsflow.enrich;

import io.newsflow.schemas.deadletter.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the enricher does when a stream thread dies, so that an outage never turns into a crash loop.
 *
 * <ul>
 *   <li>An outage ({@link DeadLetters.Blame#OUTAGE}: a broker or registry briefly away) replaces the thread, which
 *       retries from the last commit (exactly-once: the open transaction is aborted). Before each replacement it
 *       waits, {@link #FIRST_BACKOFF} doubling up to {@link #MAX_BACKOFF}; after {@link #MAX_REPLACEMENTS}
 *       replacements in a row it gives up and the client stops, saying why. A thread that ran for
 *       {@link #HEALTHY_AFTER} since the last failure starts the count again.</li>
 *   <li>A source topic that does not exist (yet, or again after a broker lost it) is waited for the same way: the
 *       replacement thread rejoins the group and looks again.</li>
 *   <li>A transaction a broker restart left the producer unable to commit ({@code InvalidTxnStateException}) too:
 *       the replacement thread's new producer aborts it and starts again from the last commit.</li>
 *   <li>An output record the broker refused (too large for its topic's {@code max.message.bytes}, lowered since the
 *       enricher last read it) is retried the same way, after the enricher has read the output topics' limits again
 *       ({@code onOutputRefused}): the replacement thread reads the input again and the size check, now up to date,
 *       dead-letters it ({@link DeadLetteringProductionHandler} says why it cannot be dead-lettered at once).</li>
 *   <li>A schema registry the service cannot use ({@link DeadLetters.Blame#SERVICE}) or any other failure stops the
 *       client at once: another attempt would fail the same way.</li>
 * </ul>
 *
 * <p>The wait happens on the dying thread, before Kafka Streams starts the new one: the other threads go on.
 * Thread-safe (several stream threads may fail at once).
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    static final int MAX_REPLACEMENTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration HEALTHY_AFTER = Duration.ofMinutes(5);

    /** How the handler waits; a test passes one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Runnable onOutputRefused;
    private int replacementsInARow;
    private Instant lastFailure;
    private volatile String stopReason;

    /**
     * @param onOutputRefused runs on the failed thread, before its backoff, when the broker refused an output record:
     *                        the service reads the output topics' limits again there
     */
    StreamThreadFailures(Clock clock, Sleeper sleeper, Runnable onOutputRefused) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.onOutputRefused = Objects.requireNonNull(onOutputRefused, "onOutputRefused");
    }

    /** The handler of a running service: real clock, real sleep; {@code onOutputRefused} as in the constructor. */
    static StreamThreadFailures forService(Runnable onOutputRefused) {
        return new StreamThreadFailures(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), onOutputRefused);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        DeadLetters.Blame blame = DeadLetters.blame(error);
        if (blame == DeadLetters.Blame.SERVICE) {
            return stop(
                    "the schema registry cannot be used (check schema.registry.url and its credentials); no record"
                            + " was dead-lettered for it: " + DeadLetters.describe(error),
                    error);
        }
        boolean outputRefused = isRefusedByBroker(error);
        if (blame != DeadLetters.Blame.OUTAGE
                && !isMissingSourceTopic(error)
                && !isTransactionLostInOutage(error)
                && !outputRefused) {
            return stop("a stream thread failed: " + DeadLetters.describe(error), error);
        }
        if (outputRefused) {
            onOutputRefused.run();
        }
        Duration backoff;
        int attempt;
        synchronized (this) {
            Instant now = clock.instant();
            if (lastFailure != null && Duration.between(lastFailure, now).compareTo(HEALTHY_AFTER) >= 0) {
                replacementsInARow = 0;
            }
            lastFailure = now;
            if (replacementsInARow >= MAX_REPLACEMENTS) {
                return stop(
                        "gave up after " + MAX_REPLACEMENTS + " replacements of a failed stream thread in a row; the"
                                + " last failure: " + DeadLetters.describe(error),
                        error);
            }
            attempt = ++replacementsInARow;
            backoff = backoff(attempt);
        }
        LOG.warn(
                "Enricher stream thread failed ({}, attempt {} of {}); a new thread retries from the last commit"
                        + " in {} ms",
                outputRefused ? "an output record refused by the broker" : "outage",
                attempt,
                MAX_REPLACEMENTS,
                backoff.toMillis(),
                error);
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stop("interrupted while waiting to replace a failed stream thread", error);
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static boolean isMissingSourceTopic(Throwable error) {
        return causedBy(error, t -> t instanceof MissingSourceTopicException);
    }

    /**
     * A commit the restarted broker no longer recognises: the fault suite's broker SIGKILL hit a transaction in flight,
     * and the producer's commit then failed with {@code InvalidTxnStateException}. The producer cannot go on, a new
     * thread (a new producer, the transaction aborted, the input read again from the last commit) can.
     */
    private static boolean isTransactionLostInOutage(Throwable error) {
        return causedBy(error, t -> t instanceof InvalidTxnStateException);
    }

    /** Whether {@code error} or one of its causes is what the broker says when it refuses a record itself. */
    static boolean isRefusedByBroker(Throwable error) {
        return causedBy(
                error,
                t -> t instanceof RecordTooLargeException
                        || t instanceof RecordBatchTooLargeException
                        || t instanceof InvalidRecordException);
    }

    private static boolean causedBy(Throwable error, Predicate<Throwable> test) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The wait before replacement number {@code attempt} (1-based). */
    static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** Why the handler stopped the client, or {@code null} while it has not. */
    String stopReason() {
        return stopReason;
    }

    private StreamThreadExceptionResponse stop(String reason, Throwable error) {
        stopReason = reason;
        LOG.error("Enricher stops: {}", reason, error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
