package io.newsflow.analysis.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.Fingerprint;
import io.newsflow.analysis.RandomInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprinterPropertiesTest {

    static LongStream seeds() {
        return RandomInputs.seeds(200);
    }

    /** 100 to 300 words of 2 to 10 letters a-z. */
    private static List<String> words(Random random) {
        List<String> words = new ArrayList<>();
        for (int i = 100 + random.nextInt(201); i > 0; i--) {
            words.add(RandomInputs.stringOf(random, 'a', 'z', 2, 10));
        }
        return words;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fingerprintIsStableForIdenticalInput(long seed) {
        Random random = new Random(seed);
        String title = RandomInputs.anyString(random, 300);
        String body = RandomInputs.anyString(random, 1000);

        assertThat(Fingerprinter.of(title, body)).isEqualTo(Fingerprinter.of(new String(title), new String(body)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fingerprintIgnoresWhitespaceAndCase(long seed) {
        List<String> words = words(new Random(seed));
        String body = String.join(" ", words);
        String shouted = String.join("\n\t  ", words).toUpperCase(Locale.ROOT);

        assertThat(Fingerprinter.of("Título", body)).isEqualTo(Fingerprinter.of("  TÍTULO ", shouted));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneChangedWordMovesTheSimhashByFewBits(long seed) {
        Random random = new Random(seed);
        List<String> words = words(random);
        String original = String.join(" ", words);
        List<String> edited = new ArrayList<>(words);
        edited.set(random.nextInt(100), "zzedited");
        long a = Fingerprinter.of("t", original).simhash();
        long b = Fingerprinter.of("t", String.join(" ", edited)).simhash();

        // measured: at most 15 of 64 bits over 20,000 random 100-word texts (mean 4.8); unrelated texts differ by ~32
        assertThat(Long.bitCount(a ^ b)).isLessThanOrEqualTo(24);
    }

    @Test
    void shouldHashTheNormalisedTitleAndBody() {
        Fingerprint f = Fingerprinter.of("¡Hola,  Mundo!", "Ça va?");

        assertThat(Fingerprinter.normalise("¡Hola,  Mundo!")).isEqualTo("hola mundo");
        assertThat(f.sha256()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(f).isEqualTo(Fingerprinter.of("hola mundo", "ca va"));
    }

    @Test
    void shouldGiveUnrelatedTextsDistantSimhashes() {
        long a = Fingerprinter.simhash(
                Fingerprinter.normalise("Corea del Norte rechazó una carta enviada por el presidente"));
        long b = Fingerprinter.simhash(
                Fingerprinter.normalise("The central bank raised interest rates again on Thursday"));

        assertThat(Long.bitCount(a ^ b)).isGreaterThan(16);
    }
}
