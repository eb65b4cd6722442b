package io.newsflow.analysis.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newsflow.analysis.LanguageGuess;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Identifies the language of a text among a fixed set, with Lingua. The detector and its models are built once in
 * the constructor; {@link #identify} is thread-safe.
 */
public final class LanguageIdentifier {
    /** The languages newsflow detects: the ones its sources publish in. */
    public static final Set<String> DEFAULT_LANGUAGES =
            Set.of("en", "es", "fr", "de", "pt", "it", "nl", "ru", "zh", "ar", "ko");
    /** Texts with fewer letters than this are "und": n-gram statistics mean nothing on them. */
    static final int MIN_LETTERS = 12;
    /**
     * The first pass reads this many chars. Measured on the 1,244 corpus articles (es, en) with the fallback below:
     * 200, 250, 300, 400 and 500 chars all identify every article, falling back on 76, 20, 10, 1 and 0 of them; the
     * cost is linear in the sample, and 300 chars cost about 0.65x what 500 did. 300 keeps a margin over the shortest
     * prefix that needed no more than a handful of fallbacks.
     */
    static final int PREFIX_CHARS = 300;
    /** How much of a text {@link FunctionWords} reads: a few microseconds, against 1.5-2 µs a char for the models. */
    static final int FUNCTION_WORD_CHARS = 1000;
    /** A first pass less confident than this reads up to {@link #MAX_CHARS} chars instead. */
    static final double FALLBACK_BELOW = 0.95;
    /** The most chars ever examined: 1,500 chars identify all 1,244 corpus articles (1,000 chars miss one). */
    static final int MAX_CHARS = 1500;
    /**
     * Lingua reads a text of fewer than 120 chars (after its clean-up) with every n-gram model (1- to 5-grams) and a
     * longer one with its trigram models only: pieces of at most this many chars are read with every model. On a few hundred chars trigrams alone can be close to a tie: a Spanish sentence given as
     * title and body (134 chars) came out Portuguese 1.0 / Spanish 0.994, which is "und".
     */
    static final int ALL_NGRAMS_CHARS = 119;
    /** The most chars read in pieces of {@link #ALL_NGRAMS_CHARS} when a short text is unsure (5 pieces at most). */
    static final int MAX_PIECEWISE_CHARS = 600;
    /** Below this confidence the answer is "und": the best and the runner-up are too close to choose. */
    static final double UNSURE_BELOW = 0.2;

    /** Scale of the log-likelihood margin estimate, chosen so that a 100-letter sentence whose runner-up scores 0.9 gets about 0.94. */
    static final double NATS_PER_LETTER = 0.25;

    /**
     * Identified once at construction: plain ASCII of more than 120 chars, which Lingua reads with its trigram models
     * only, and which no rule narrows to one language, so that it loads the trigram model of every Latin-script
     * language, the models every article of a paragraph or more needs.
     */
    static final String WARM_UP = "the quick brown fox jumps over the lazy dog while el perro come la comida and "
            + "le chat mange le poisson der Hund spielt im Garten o gato bebe leite il cane dorme het huis is groot";

    private final LanguageDetector detector;
    private final FunctionWords functionWords;

    /** When Lingua's language models are loaded. */
    public enum ModelLoading {
        /**
         * Every model (1- to 5-grams of every language, about 3 s and 200 MB) before the first text: what a service
         * needs, since a model loaded on demand inside a Kafka Streams transaction stalls it for seconds (under load,
         * past the transaction timeout: the producer is fenced and the tasks are rebuilt).
         */
        ALL_UPFRONT,
        /**
         * The trigram models of the Latin-script languages at construction (see {@link #WARM_UP}, about 0.5 s), the
         * others the first time a text under 120 chars or in another script needs them: for one-shot commands
         * ({@code annotate}, {@code eval}), where start-up is most of the time taken.
         */
        ON_DEMAND
    }

    public LanguageIdentifier(Set<String> isoCodes, ModelLoading loading) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (String code : isoCodes) {
            languages.add(languageOf(code));
        }
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new));
        if (loading == ModelLoading.ALL_UPFRONT) {
            builder = builder.withPreloadedLanguageModels();
        }
        this.detector = builder.build();
        this.functionWords = FunctionWords.forLanguages(isoCodes);
        if (loading == ModelLoading.ON_DEMAND) {
            detector.computeLanguageConfidenceValues(WARM_UP);
        }
    }

    /** The default languages, every model loaded up front (see {@link ModelLoading#ALL_UPFRONT}). */
    public static LanguageIdentifier withDefaultLanguages() {
        return withDefaultLanguages(ModelLoading.ALL_UPFRONT);
    }

    public static LanguageIdentifier withDefaultLanguages(ModelLoading loading) {
        return new LanguageIdentifier(DEFAULT_LANGUAGES, loading);
    }

    /** The most likely language of {@code text}, or "und" with confidence 0 for short or unrecognisable text. */
    public LanguageGuess identify(String text) {
        if (text.length() > ALL_NGRAMS_CHARS) {
            // a text whose function words leave no doubt (FunctionWords: the models agree on every corpus text it
            // decides) is reported with confidence 1.0 without reading the models, the larger half of enrichment's cost
            Optional<String> clear = functionWords.decisive(prefix(text, FUNCTION_WORD_CHARS));
            if (clear.isPresent()) {
                return new LanguageGuess(clear.get(), 1.0);
            }
        }
        return identifyWithModels(text);
    }

    /** As {@link #identify}, always with Lingua's models (the function words not consulted). */
    LanguageGuess identifyWithModels(String text) {
        LanguageGuess first = identifyPrefix(text, PREFIX_CHARS);
        if (first.confidence() >= FALLBACK_BELOW) {
            return first;
        }
        if (text.length() > PREFIX_CHARS) {
            return identifyPrefix(text, MAX_CHARS);
        }
        if (text.length() <= ALL_NGRAMS_CHARS) {
            return first;
        }
        // a short text read with trigrams only and unsure: read it again in pieces Lingua reads with every n-gram
        LanguageGuess pieces = identifyInPieces(text);
        return pieces.confidence() > first.confidence() ? pieces : first;
    }

    /**
     * The language of the first {@value #MAX_PIECEWISE_CHARS} chars read in pieces of at most
     * {@value #ALL_NGRAMS_CHARS} (cut at spaces): each language's relative values summed over the pieces, weighted
     * by their letters; the confidence is that of the sums, as for one text.
     */
    private LanguageGuess identifyInPieces(String text) {
        Map<Language, Double> sums = new EnumMap<>(Language.class);
        int totalLetters = 0;
        int from = 0;
        int end = Math.min(text.length(), MAX_PIECEWISE_CHARS);
        while (from < end) {
            int to = end - from <= ALL_NGRAMS_CHARS ? end : from + cutAtSpace(text.substring(from), ALL_NGRAMS_CHARS);
            String piece = text.substring(from, to);
            from = to;
            int letters = letters(piece, Integer.MAX_VALUE);
            if (letters < MIN_LETTERS) {
                continue;
            }
            totalLetters += letters;
            for (Map.Entry<Language, Double> e :
                    detector.computeLanguageConfidenceValues(piece).entrySet()) {
                sums.merge(e.getKey(), e.getValue() * letters, Double::sum);
            }
        }
        return best(sums, totalLetters);
    }

    private LanguageGuess identifyPrefix(String text, int limit) {
        String sample = prefix(text, limit);
        if (letters(sample, MIN_LETTERS) < MIN_LETTERS) {
            return LanguageGuess.undetermined();
        }
        return best(detector.computeLanguageConfidenceValues(sample), letters(sample, Integer.MAX_VALUE));
    }

    /** The best of Lingua's values, "und" when it is no language or too close to the runner-up. */
    private static LanguageGuess best(Map<Language, Double> values, int letters) {
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
        double confidence = confidence(top, second, letters);
        if (confidence < UNSURE_BELOW) {
            return LanguageGuess.undetermined();
        }
        return new LanguageGuess(best.getIsoCode639_1().name().toLowerCase(Locale.ROOT), confidence);
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

    /** The first {@code limit} chars of {@code text}, cut at a space (see {@link #cutAtSpace}), or all of it. */
    private static String prefix(String text, int limit) {
        return text.length() > limit ? text.substring(0, cutAtSpace(text, limit)) : text;
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
