package io.newsflow.analysis.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SpansTest {

    private final Spans spans = new Spans();

    @Test
    void shouldSeeAnOverlapWithAnySpanTakenWhateverTheOrderTheyWereAddedIn() {
        spans.add(20, 30);
        spans.add(0, 5);
        spans.add(10, 15);

        assertThat(spans.overlaps(12, 13)).as("inside").isTrue();
        assertThat(spans.overlaps(4, 11)).as("across two").isTrue();
        assertThat(spans.overlaps(29, 40)).as("over the end of the last").isTrue();
        assertThat(spans.overlaps(18, 21)).as("over the start of the last").isTrue();
        assertThat(spans.overlaps(0, 100)).as("around all").isTrue();
    }

    @Test
    void shouldLetSpansTouchWithoutOverlapping() {
        spans.add(10, 15);

        assertThat(spans.overlaps(5, 10)).isFalse();
        assertThat(spans.overlaps(15, 20)).isFalse();
        assertThat(spans.overlaps(0, 9)).isFalse();
    }

    @Test
    void shouldRefuseToTakeASpanThatOverlapsOne() {
        spans.add(10, 15);

        assertThatIllegalArgumentException().isThrownBy(() -> spans.add(14, 16));
    }
}
