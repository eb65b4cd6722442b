package io.newsflow.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.RandomInputs;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FoldingPropertiesTest {

    static LongStream seeds() {
        return RandomInputs.seeds(500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldingNeverChangesLength(long seed) {
        String text = RandomInputs.anyUtf16(new Random(seed), 200);

        assertThat(Folding.fold(text)).hasSameSizeAs(text);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldingNeverChangesLengthOfAccentedAndCyrillicText(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(201); i > 0; i--) {
            switch (random.nextInt(3)) {
                case 0 -> text.append(RandomInputs.stringOf(random, '\u00C0', '\u024F', 1, 1));
                case 1 -> text.append(RandomInputs.stringOf(random, '\u0400', '\u04FF', 1, 1));
                default -> text.append(RandomInputs.oneOf(random, ' ', '-', '\u2019', '\u00A0'));
            }
        }

        assertThat(Folding.fold(text.toString())).hasSameSizeAs(text);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldingIsIdempotent(long seed) {
        String once = Folding.fold(RandomInputs.anyUtf16(new Random(seed), 200));

        assertThat(Folding.fold(once)).isEqualTo(once);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void foldingKeepsSurrogatesInPlace(long seed) {
        String text = RandomInputs.anyUtf16(new Random(seed), 50);
        String folded = Folding.fold(text);

        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                assertThat(folded.charAt(i)).isEqualTo(text.charAt(i));
            }
        }
    }

    @Test
    void shouldLowerCaseAndStripDiacritics() {
        assertThat(Folding.fold("Moscú, Pekín, ERDOĞAN, Łódź, Ørsted"))
                .isEqualTo("moscu, pekin, erdogan, lodz, orsted");
    }

    @Test
    void shouldTurnHyphensAndTypographicApostrophesIntoMatchableForms() {
        assertThat(Folding.fold("Kim Jong‑un’s")).isEqualTo("kim jong un's");
    }
}
