package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.SchemaRegistryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private static final Throwable REGISTRY_AWAY = new StreamsException(new SerializationException(
            "cannot read",
            new SchemaRegistryUnavailableException("fetch schema 7", "http://127.0.0.1:1", -1, null, null, null)));

    private final List<Duration> waits = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final List<String> limitReads = new ArrayList<>();
    private final StreamThreadFailures failures =
            new StreamThreadFailures(clock, waits::add, () -> limitReads.add("read"));

    @Test
    void shouldReplaceAThreadThatFailedInAnOutageAfterABackoffThatDoubles() {
        List<StreamThreadExceptionResponse> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(failures.handle(REGISTRY_AWAY));
        }

        assertThat(responses).containsOnly(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void shouldStopTheClientWithAReasonAfterTheLastReplacementInARow() {
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            assertThat(failures.handle(REGISTRY_AWAY)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }

        assertThat(failures.handle(REGISTRY_AWAY)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.stopReason())
                .contains("gave up after " + StreamThreadFailures.MAX_REPLACEMENTS)
                .contains("127.0.0.1:1");
        assertThat(waits).last().isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldCountAgainAfterTheThreadRanWellForAWhile() {
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            failures.handle(REGISTRY_AWAY);
        }
        clock.advance(StreamThreadFailures.HEALTHY_AFTER);

        assertThat(failures.handle(REGISTRY_AWAY)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(waits).last().isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldStopAtOnceAndSayWhyWhenTheRegistryCannotBeUsed() {
        Throwable wrongPath = new StreamsException(new SerializationException(
                "cannot read",
                new SchemaRegistryException(
                        "Fetching schema id 7", "http://r/wrong", 404, 0, "no registry API at this path", null)));

        assertThat(failures.handle(wrongPath)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.stopReason())
                .contains("schema registry cannot be used")
                .contains("http://r/wrong");
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldReadTheOutputLimitsAgainAndRetryWhenTheBrokerRefusedAnOutputRecord() {
        // what Kafka Streams hands the handler when the broker refuses a record of a topic whose limit was lowered
        Throwable refused = new StreamsException(
                "Error encountered sending record to topic news-articles-enriched for task 4_1",
                new RecordTooLargeException("The request included a message larger than the max message size"));

        assertThat(failures.handle(refused)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(limitReads).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void shouldReplaceAThreadWhoseTransactionABrokerRestartLeftUncommittable() {
        // what the fault suite's broker SIGKILL once left the enricher's stream thread with
        Throwable lost = new StreamsException(
                "Error encountered trying to commit a transaction",
                new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state."));

        assertThat(failures.handle(lost)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void shouldNotReadTheOutputLimitsAgainForAnOutage() {
        failures.handle(REGISTRY_AWAY);

        assertThat(limitReads).isEmpty();
    }

    @Test
    void shouldStopAtOnceOnAFailureThatARetryWouldNotCure() {
        Throwable bug = new StreamsException("task failed", new IllegalStateException("a bug"));

        assertThat(failures.handle(bug)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.stopReason()).contains("a bug");
        assertThat(waits).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
