package io.newsflow.analysis.text;

import java.text.Normalizer;

/**
 * Folds text for matching: lower case, diacritics removed, typographic apostrophes, dashes and hyphens unified.
 * The mapping is strictly one {@code char} to one {@code char}, so an index into the folded text is the same index
 * into the original text. Surrogate halves are left unchanged.
 */
public final class Folding {
    private static final char[] TABLE = buildTable();

    private Folding() {}

    /** The folded form of {@code text}; always the same length as {@code text}. */
    public static String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = TABLE[text.charAt(i)];
        }
        return new String(out);
    }

    /** The folded form of one char. */
    public static char fold(char c) {
        return TABLE[c];
    }

    private static char[] buildTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            table[i] = foldOne((char) i);
        }
        // close the mapping so folding is idempotent: 'ǿ' decomposes to 'ø', which itself folds to 'o'
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = table[i];
            while (table[c] != c) {
                c = table[c];
            }
            table[i] = c;
        }
        return table;
    }

    private static char foldOne(char c) {
        if (Character.isSurrogate(c)) {
            return c;
        }
        switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u02BC', '\u00B4', '`' -> {
                return '\'';
            }
            case '-',
                    '\u2010',
                    '\u2011',
                    '\u2012',
                    '\u2013',
                    '\u2014',
                    '\u2015',
                    '\u00A0',
                    '\u2007',
                    '\u202F',
                    '\t',
                    '\n',
                    '\r',
                    '\u000B',
                    '\u000C' -> {
                return ' ';
            }
            case '\u00F8', '\u00D8' -> {
                return 'o';
            }
            case '\u0142', '\u0141' -> {
                return 'l';
            }
            case '\u0111', '\u0110' -> {
                return 'd';
            }
            case '\u0131' -> {
                return 'i';
            }
            default -> {
                // fall through to decomposition below
            }
        }
        char lower = Character.toLowerCase(c);
        if (lower < 0x80) {
            return lower;
        }
        String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        if (decomposed.length() > 1
                && !Character.isSurrogate(base)
                && Character.getType(base) != Character.NON_SPACING_MARK) {
            boolean onlyMarks = true;
            for (int k = 1; k < decomposed.length(); k++) {
                if (Character.getType(decomposed.charAt(k)) != Character.NON_SPACING_MARK) {
                    onlyMarks = false;
                    break;
                }
            }
            if (onlyMarks) {
                return Character.toLowerCase(base);
            }
        }
        return lower;
    }
}
