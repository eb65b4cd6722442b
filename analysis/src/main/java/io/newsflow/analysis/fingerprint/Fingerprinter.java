package io.newsflow.analysis.fingerprint;

import io.newsflow.analysis.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Content fingerprints. Text is normalised (NFKC, lower case, diacritics removed, punctuation removed, white space
 * collapsed); the SHA-256 covers normalised title, a newline, normalised body; the SimHash covers word 3-shingles of
 * the same words, each hashed with 64-bit FNV-1a and a MurmurHash3 finaliser. Stateless and thread-safe.
 */
public final class Fingerprinter {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final int SHINGLE = 3;

    private Fingerprinter() {}

    public static Fingerprint of(String title, String body) {
        String t = normalise(title);
        String b = normalise(body);
        String joined = t + "\n" + b;
        return new Fingerprint(sha256(joined), simhash((t + " " + b).strip()));
    }

    /** The normalised form: words of letters and digits, lower case, no diacritics, single spaces. */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(s).replaceAll(" ").strip();
    }

    /** 64-bit SimHash of word 3-shingles of normalised text (fewer words: one shingle of them all; none: 0). */
    public static long simhash(String normalised) {
        if (normalised.isEmpty()) {
            return 0L;
        }
        String[] words = normalised.split(" ");
        int[] votes = new int[64];
        int shingles = Math.max(1, words.length - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = 0xcbf29ce484222325L;
            for (int w = i; w < Math.min(words.length, i + SHINGLE); w++) {
                h = fnv(h, words[w]);
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

    private static long fnv(long h, String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
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
