package io.newsflow.analysis.fingerprint;

import io.newsflow.analysis.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Content fingerprints. Text is normalised (NFKC, lower case, diacritics removed, punctuation removed, white space
 * collapsed); the SHA-256 covers normalised title, a newline, normalised body; the SimHash covers word 3-shingles of
 * the same words, each hashed with 64-bit FNV-1a and a MurmurHash3 finaliser. Stateless and thread-safe.
 */
public final class Fingerprinter {
    static final int SHINGLE = 3;

    private Fingerprinter() {}

    public static Fingerprint of(String title, String body) {
        String t = normalise(title);
        String b = normalise(body);
        String words = t.isEmpty() ? b : b.isEmpty() ? t : t + " " + b;
        return new Fingerprint(sha256(t + "\n" + b), simhash(words));
    }

    /**
     * The normalised form: words of letters and digits, lower case, no diacritics, single spaces. Equal, code point
     * for code point, to NFKC, lower case, NFD, then removing {@code \p{M}+} and replacing {@code [^\p{L}\p{N}]+} by
     * one space and stripping (the definition {@code FingerprinterDefinitionTest} checks it against); done in one pass
     * after the two normalisations because the regex passes were a fifth of enrichment's time (JFR, bench/RESULTS.md).
     */
    public static String normalise(String text) {
        String s = Normalizer.normalize(
                Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (Character.getType(cp)) {
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> {
                    // removed before words are found: a mark never separates two letters
                }
                case Character.UPPERCASE_LETTER,
                        Character.LOWERCASE_LETTER,
                        Character.TITLECASE_LETTER,
                        Character.MODIFIER_LETTER,
                        Character.OTHER_LETTER,
                        Character.DECIMAL_DIGIT_NUMBER,
                        Character.LETTER_NUMBER,
                        Character.OTHER_NUMBER -> {
                    if (gap && !out.isEmpty()) {
                        out.append(' ');
                    }
                    gap = false;
                    out.appendCodePoint(cp);
                }
                default -> gap = true;
            }
        }
        return out.toString();
    }

    /** 64-bit SimHash of word 3-shingles of normalised text (fewer words: one shingle of them all; none: 0). */
    public static long simhash(String normalised) {
        if (normalised.isEmpty()) {
            return 0L;
        }
        // word i is normalised[starts[i], ends[i]): the pieces of split(" "), trailing empty ones dropped
        int[] starts = new int[16];
        int[] ends = new int[16];
        int words = 0;
        int from = 0;
        while (true) {
            int space = normalised.indexOf(' ', from);
            int end = space < 0 ? normalised.length() : space;
            if (words == starts.length) {
                starts = Arrays.copyOf(starts, words * 2);
                ends = Arrays.copyOf(ends, words * 2);
            }
            starts[words] = from;
            ends[words] = end;
            words++;
            if (space < 0) {
                break;
            }
            from = space + 1;
        }
        while (words > 0 && starts[words - 1] == ends[words - 1]) {
            words--;
        }
        int[] votes = new int[64];
        int shingles = Math.max(1, words - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = 0xcbf29ce484222325L;
            for (int w = i; w < Math.min(words, i + SHINGLE); w++) {
                h = fnv(h, normalised, starts[w], ends[w]);
                h = (h ^ ' ') * 0x100000001b3L;
            }
            h = mix(h);
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

    private static long fnv(long h, String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
            h = (h ^ (c >>> 8)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
