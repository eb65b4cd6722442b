package io.newsflow.analysis.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.RandomInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fingerprint's one-pass normaliser and index-based SimHash against the plain statement of what they compute,
 * written the slow and obvious way here (two regexes, {@code split}). Fingerprints are stored and compared across
 * versions (de-duplication), so the fast code must give the same normalised text and the same SimHash for any input:
 * seeded random text with marks, ligatures, surrogates and every kind of space, and real news.
 */
class FingerprinterDefinitionTest {

    static LongStream seeds() {
        return RandomInputs.seeds(500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldNormaliseAndHashRandomTextAsTheDefinitionSays(long seed) {
        Random random = new Random(seed);
        String title = RandomInputs.anyUtf16(random, 80);
        String body = RandomInputs.anyUtf16(random, 600);

        assertThat(Fingerprinter.normalise(body)).isEqualTo(definition(body));
        assertThat(Fingerprinter.of(title, body).simhash()).isEqualTo(simhashDefinition(title, body));
    }

    @Test
    void shouldNormaliseAndHashTheCorpusAsTheDefinitionSays() throws IOException {
        Path corpus =
                Path.of(System.getProperty("newsflow.project.dir", "..")).resolve("../shared/corpus/es-news.jsonl");
        Assumptions.assumeTrue(Files.exists(corpus), "no corpus at " + corpus);
        for (String line : Files.readAllLines(corpus)) {
            assertThat(Fingerprinter.normalise(line)).isEqualTo(definition(line));
            assertThat(Fingerprinter.of("", line).simhash()).isEqualTo(simhashDefinition("", line));
        }
    }

    @Test
    void shouldKeepTheFingerprintOfAWordlessTitleOrBody() {
        assertThat(Fingerprinter.of("", "").simhash()).isZero();
        assertThat(Fingerprinter.of("¿?", "Hola mundo").simhash()).isEqualTo(simhashDefinition("¿?", "Hola mundo"));
        assertThat(Fingerprinter.of("Hola mundo", "...").simhash()).isEqualTo(simhashDefinition("Hola mundo", "..."));
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** NFKC, lower case, NFD, marks removed, every run of non-letters-or-digits one space, stripped. */
    private static String definition(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(s).replaceAll(" ").strip();
    }

    /** SimHash over word 3-shingles of the normalised title and body as one word sequence, words by split. */
    private static long simhashDefinition(String title, String body) {
        String words = (definition(title) + " " + definition(body)).strip();
        if (words.isEmpty()) {
            return 0L;
        }
        String[] w = words.split(" ");
        int[] votes = new int[64];
        for (int i = 0; i < Math.max(1, w.length - 2); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < Math.min(w.length, i + 3); j++) {
                for (char c : w[j].toCharArray()) {
                    h = (h ^ (c & 0xff)) * 0x100000001b3L;
                    h = (h ^ (c >>> 8)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long out = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                out |= 1L << bit;
            }
        }
        return out;
    }
}
