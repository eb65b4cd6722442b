package io.newsflow.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small rule-based sentence splitter for news text. A sentence ends at a line break, or at {@code . ! ? …}
 * followed by white space and an upper-case letter, digit, quote or opening punctuation. A period after a word of
 * one or two upper-case letters ("EE. UU.", "U.S.") or after a known abbreviation does not end a sentence.
 */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "sr", "sra", "srta", "dr", "dra", "mr", "mrs", "ms", "st", "prof", "gen", "gral", "lic", "ing", "no", "núm",
            "art", "vs", "etc", "jr", "inc", "corp", "co", "ltd", "mt", "ft", "av", "avda", "dept", "gob", "pres");

    private Sentences() {}

    /** The sentences of {@code text} as spans with surrounding white space trimmed; blank pieces are dropped. */
    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(text, start, i, out);
                start = i + 1;
            } else if ((c == '.' || c == '!' || c == '?' || c == '\u2026') && endsSentence(text, i)) {
                int end = i + 1;
                while (end < n && isClosing(text.charAt(end))) {
                    end++;
                }
                add(text, start, end, out);
                start = end;
                i = end - 1;
            }
        }
        add(text, start, n, out);
        return out;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == '\u00BB' || c == ')' || c == '.';
    }

    private static boolean endsSentence(String text, int i) {
        int j = i + 1;
        while (j < text.length() && isClosing(text.charAt(j))) {
            j++;
        }
        if (j >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(j))) {
            return false;
        }
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\u00A0' || text.charAt(j) == '\t')) {
            j++;
        }
        if (j >= text.length()) {
            return true;
        }
        char next = text.charAt(j);
        boolean opener = Character.isUpperCase(next)
                || Character.isDigit(next)
                || next == '"'
                || next == '\u201C'
                || next == '\u00AB'
                || next == '('
                || next == '\u00BF'
                || next == '\u00A1'
                || next == '-'
                || next == '\u2014'
                || next == '\n';
        if (!opener) {
            return false;
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        int w = i;
        while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
            w--;
        }
        String word = text.substring(w, i);
        if (word.length() >= 1 && word.length() <= 2 && word.chars().allMatch(Character::isUpperCase)) {
            return false;
        }
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(String text, int from, int to, List<Span> out) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            out.add(new Span(from, to));
        }
    }
}
