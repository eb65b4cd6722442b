package io.newsflow.analysis;

/**
 * The detected language.
 *
 * @param code       ISO 639-1 code, or {@code "und"} when the text is too short or no supported language fits
 * @param confidence 0..1; 0 for {@code "und"}
 */
public record LanguageGuess(String code, double confidence) {
    public static final String UNDETERMINED = "und";

    public static LanguageGuess undetermined() {
        return new LanguageGuess(UNDETERMINED, 0.0);
    }

    public boolean isDetermined() {
        return !UNDETERMINED.equals(code);
    }
}
