package io.newsflow.enrich.trend;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The per-subject history behind the baseline: gaps count 0, eviction keeps what baselines need, the serde. */
class SubjectHistoryTest {

    private static final long SIZE = 900_000L;

    @Test
    void shouldCountMissingWindowsAsZeroAndIgnoreWindowsBeforeTheFirst() {
        SubjectHistory history = SubjectHistory.startingAt("Russia", 10 * SIZE);
        history.update(10 * SIZE, 4, "Russia");
        history.update(12 * SIZE, 2, "Russia");

        assertThat(history.previousCounts(13 * SIZE, SIZE, 8)).containsExactly(2, 0, 4);
        assertThat(history.previousCounts(13 * SIZE, SIZE, 2)).containsExactly(2, 0);
        assertThat(history.previousCounts(10 * SIZE, SIZE, 8)).isEmpty();
    }

    @Test
    void shouldForgetOnlyClosedWindowsBeforeTheBound() {
        SubjectHistory history = SubjectHistory.startingAt("Russia", 0);
        history.update(0, 1, "Russia");
        history.update(SIZE, 2, "Russia");
        history.update(2 * SIZE, 3, "Russia");
        history.close(0);

        boolean changed = history.forgetClosedBefore(3 * SIZE);

        assertThat(changed).isTrue();
        assertThat(history.windows()).containsOnlyKeys(SIZE, 2 * SIZE);
        assertThat(history.oldestOpenStart()).isEqualTo(SIZE);
        assertThat(history.firstWindowStart()).isZero();
    }

    @Test
    void shouldReadBackWhatItWrites() {
        SubjectHistory history = SubjectHistory.startingAt("Corea del Norte", 5 * SIZE);
        history.update(5 * SIZE, 7, "North Korea");
        history.update(7 * SIZE, 1, "North Korea");
        history.close(5 * SIZE);
        Serde<SubjectHistory> serde = SubjectHistory.serde();

        SubjectHistory read =
                serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", history));

        assertThat(read.label()).isEqualTo("North Korea");
        assertThat(read.firstWindowStart()).isEqualTo(5 * SIZE);
        assertThat(read.windows()).isEqualTo(history.windows());
        assertThat(read.windows().get(5 * SIZE).closed()).isTrue();
    }
}
