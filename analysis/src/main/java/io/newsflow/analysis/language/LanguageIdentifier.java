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
  /** Only this many chars are examined: accuracy is flat beyond about 1 KB and the cost is linear. */
  static final int MAX_CHARS = 1500;

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
    if (letters(sample) < MIN_LETTERS) {
      return LanguageGuess.undetermined();
    }
    SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
    Map.Entry<Language, Double> best = null;
    double total = 0;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      total += e.getValue();
      if (best == null || e.getValue() > best.getValue()) {
        best = e;
      }
    }
    if (best == null || best.getKey() == Language.UNKNOWN || total <= 0) {
      return LanguageGuess.undetermined();
    }
    // Lingua 1.2 reports probabilities that sum to 1; normalising keeps the contract if a version reports otherwise
    double confidence = Math.max(0.0, Math.min(1.0, best.getValue() / total));
    return new LanguageGuess(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), confidence);
  }

  private static int cutAtSpace(String text, int limit) {
    int cut = text.lastIndexOf(' ', limit);
    int end = cut > limit / 2 ? cut : limit;
    return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }

  private static int letters(String text) {
    int n = 0;
    for (int i = 0; i < text.length() && n < MIN_LETTERS; i++) {
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
