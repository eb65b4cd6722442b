package io.newsflow.analysis.text;

/**
 * Converts {@code char} indexes of one string to Unicode code point offsets. Cheap when the string has no
 * supplementary characters (the usual case): then both are equal.
 */
public final class CodePoints {
    private final String text;
    private final boolean identity;

    public CodePoints(String text) {
        this.text = text;
        this.identity = text.codePointCount(0, text.length()) == text.length();
    }

    /** The code point offset of char index {@code charIndex} (0..length). */
    public int offset(int charIndex) {
        return identity ? charIndex : text.codePointCount(0, charIndex);
    }
}
