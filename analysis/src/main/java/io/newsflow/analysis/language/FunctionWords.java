package io.newsflow.analysis.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A first look at a text's language by its function words: each word of {@code function-words.tsv} belongs to one
 * Latin-script language and to none of the others, so a text with {@value #MIN_WORDS} or more of one language's
 * words and at most one in {@value #MIN_RATIO} of any other's leaves no doubt, and the n-gram models, which cost
 * 1.5-2 µs a character, need not be read. Anything less clear is left to them. Measured on the first 1,000 chars of
 * the 1,244 corpus articles and of 2,040 of their headlines and first sentences sent as one-line articles: 2,003
 * decided, every one in the language Lingua's models give it, with their confidence 0.94 or more (1.0 for all but
 * 40). Immutable, thread-safe.
 */
final class FunctionWords {
    static final int MIN_WORDS = 8;
    static final int MIN_RATIO = 6;

    private final Map<String, String> languageOfWord;

    private FunctionWords(Map<String, String> languageOfWord) {
        this.languageOfWord = Map.copyOf(languageOfWord);
    }

    /** The shipped lists, for the languages among {@code languages}. */
    static FunctionWords forLanguages(Set<String> languages) {
        Map<String, String> words = new HashMap<>();
        for (Map.Entry<String, List<String>> e : lists().entrySet()) {
            if (languages.contains(e.getKey())) {
                e.getValue().forEach(w -> words.put(w, e.getKey()));
            }
        }
        return new FunctionWords(words);
    }

    /** The shipped lists by language, as written. */
    static Map<String, List<String>> lists() {
        String text;
        try (InputStream in = FunctionWords.class.getResourceAsStream("function-words.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource function-words.tsv");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> out = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 2);
            out.put(cells[0].strip(), List.of(cells[1].strip().split("\\s+")));
        }
        return out;
    }

    /** The language of {@code sample} when its function words leave no doubt, else empty. */
    Optional<String> decisive(String sample) {
        Map<String, Integer> counts = new HashMap<>(8);
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= sample.length(); i++) {
            char c = i < sample.length() ? sample.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
                continue;
            }
            if (word.length() > 0) {
                String language = languageOfWord.get(word.toString());
                if (language != null) {
                    counts.merge(language, 1, Integer::sum);
                }
                word.setLength(0);
            }
        }
        String best = null;
        int top = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return top >= MIN_WORDS && top >= MIN_RATIO * second ? Optional.of(best) : Optional.empty();
    }
}
