package io.newsflow.analysis;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeded, reproducible inputs for the property tests of this module (JUnit parameterised tests over generated
 * inputs, in place of jqwik, whose author asks AI agents not to use it). Each case is one seed: a failing case names
 * its seed, and {@code new Random(seed)} rebuilds exactly its inputs. Each module that has property tests keeps its
 * own copy of this small class, because the modules' test trees share no test-only dependency.
 */
public final class RandomInputs {

    /** Characters that break naive text handling: whitespace of every kind, controls, BOM, surrogates, emoji. */
    private static final List<String> EDGE = List.of(
            " ",
            "\r\n",
            "\t",
            "\n",
            "\u00a0",
            "\u2028",
            "\u0085",
            "\u0000",
            "\ufeff",
            "\u200b",
            "\ud83d\ude00",
            "\ud83c\uddf0\ud83c\uddf5",
            "\u0301",
            "\ufb01");

    private RandomInputs() {}

    /** Seeds 0 to {@code count - 1}, one per test case. */
    public static LongStream seeds(int count) {
        return LongStream.range(0, count);
    }

    /**
     * Well-formed text (what UTF-8 can carry) of about {@code maxLength} chars at most: printable ASCII, Latin-1, any
     * BMP char that is not a surrogate, and the edge cases above.
     */
    public static String anyString(Random random, int maxLength) {
        return generate(random, maxLength, false);
    }

    /** Like {@link #anyString} but any UTF-16 char may appear, lone surrogates included. */
    public static String anyUtf16(Random random, int maxLength) {
        return generate(random, maxLength, true);
    }

    private static String generate(Random random, int maxLength, boolean loneSurrogates) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            switch (random.nextInt(4)) {
                case 0 -> s.append((char) (' ' + random.nextInt(95)));
                case 1 -> s.append((char) random.nextInt(0x100));
                case 2 -> {
                    char c = (char) random.nextInt(0x10000);
                    s.append(loneSurrogates || !Character.isSurrogate(c) ? c : 'x');
                }
                default -> s.append(EDGE.get(random.nextInt(EDGE.size())));
            }
        }
        return s.toString();
    }

    /** One of the given values. */
    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A string of {@code min} to {@code max} chars from the inclusive range {@code from}–{@code to}. */
    public static String stringOf(Random random, char from, char to, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (from + random.nextInt(to - from + 1)));
        }
        return s.toString();
    }
}
