package io.newsflow.enrich.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented formula, on hand-made and on seeded generated baselines. */
class SpikeScoreTest {

    @Test
    void shouldHaveNoScoreWithoutABaseline() {
        SpikeScore none = SpikeScore.baseline(new long[0]);

        assertThat(none.baselineWindows()).isZero();
        assertThat(none.score(5)).isNull();
    }

    @Test
    void shouldComputeMeanAndPopulationStddevOfTheBaseline() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population standard deviation exactly 2
        SpikeScore baseline = SpikeScore.baseline(new long[] {2, 4, 4, 4, 5, 5, 7, 9});

        assertThat(baseline.mean()).isEqualTo(5.0);
        assertThat(baseline.stddev()).isEqualTo(2.0);
        assertThat(baseline.score(11)).isEqualTo(3.0);
    }

    @Test
    void shouldUseTheFloorWhenTheBaselineIsFlat() {
        SpikeScore flat = SpikeScore.baseline(new long[] {3, 3, 3, 3});

        assertThat(flat.stddev()).isZero();
        assertThat(flat.score(7)).isEqualTo(4.0);
        assertThat(flat.score(3)).isZero();
    }

    static Stream<long[]> generatedBaselines() {
        SplittableRandom random = new SplittableRandom(20261203L);
        return Stream.generate(() -> random.longs(1 + random.nextInt(96), 0, 50).toArray())
                .limit(200);
    }

    @ParameterizedTest
    @MethodSource("generatedBaselines")
    void shouldScoreTheMeanAsZeroAndGrowByOneStddevPerStddevAboveIt(long[] counts) {
        SpikeScore baseline = SpikeScore.baseline(counts);
        double scale = Math.max(baseline.stddev(), SpikeScore.STDDEV_FLOOR);
        long max = Arrays.stream(counts).max().orElseThrow();

        assertThat(baseline.mean()).isBetween(0.0, (double) max);
        assertThat(baseline.score(max)).isGreaterThanOrEqualTo(0.0);
        assertThat(baseline.score(max + 1) - baseline.score(max)).isCloseTo(1.0 / scale, within(1e-9));
        assertThat(baseline.score(0)).isCloseTo(-baseline.mean() / scale, within(1e-9));
    }
}
