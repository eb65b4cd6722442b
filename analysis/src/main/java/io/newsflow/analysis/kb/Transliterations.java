package io.newsflow.analysis.kb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spelling variants of a romanised Russian, Ukrainian or other Cyrillic-script name, as the press writes them: the
 * source tables say "Volodymyr Zelenskyy" and "Sergey Lavrov", English news "Zelensky", Spanish news "Volodímir
 * Zelenski" and "Serguéi Lavrov" (accents are folded away before matching). Each rule rewrites one word; a name's
 * variants are every combination of its words' forms, at most {@value #MAX_VARIANTS}. Pure functions.
 */
final class Transliterations {
    /** Countries whose people's names reach the tables romanised from Cyrillic. */
    static final Set<String> COUNTRIES = Set.of("RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "TM", "MD");

    static final int MAX_VARIANTS = 16;

    /** An ending and its other spellings: Zelenskyy/Zelensky/Zelenski, Sergey/Sergei, Dmitry/Dmitri. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<=[a-z])yy$"), List.of("y", "i")),
            new Rule(Pattern.compile("(?<=[a-z])iy$"), List.of("y", "i")),
            new Rule(Pattern.compile("(?<=[a-z])ey$"), List.of("ei")),
            new Rule(Pattern.compile("(?<=[b-df-hj-np-tv-xz])y$"), List.of("i")),
            // Yevgeny/Evgeny; Aleksey/Alexey; Volodymyr/Volodimir; Sergei/Serguei (Spanish and French)
            new Rule(Pattern.compile("^Ye(?=[b-df-hj-np-tv-xz])"), List.of("E")),
            new Rule(Pattern.compile("ks"), List.of("x")),
            new Rule(Pattern.compile("ymyr$"), List.of("imir")),
            new Rule(Pattern.compile("(?<=[A-Za-z])gei$"), List.of("guei")));

    private record Rule(Pattern pattern, List<String> replacements) {}

    private Transliterations() {}

    /** The other spellings of {@code name} (the name itself excluded), in a stable order. */
    static List<String> variants(String name) {
        String[] words = name.strip().split("\\s+");
        List<List<String>> forms = new ArrayList<>();
        for (String word : words) {
            forms.add(forms(word));
        }
        Set<String> out = new LinkedHashSet<>();
        combine(forms, 0, new StringBuilder(), out);
        out.remove(String.join(" ", words));
        return out.stream().limit(MAX_VARIANTS).toList();
    }

    /** A word and its variants: every rule applied, in order, to every form found so far. */
    static List<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        for (Rule rule : RULES) {
            for (String form : List.copyOf(forms)) {
                Matcher m = rule.pattern().matcher(form);
                if (m.find()) {
                    for (String replacement : rule.replacements()) {
                        forms.add(form.substring(0, m.start()) + replacement + form.substring(m.end()));
                    }
                }
            }
        }
        return List.copyOf(forms);
    }

    private static void combine(List<List<String>> forms, int word, StringBuilder prefix, Set<String> out) {
        if (out.size() > MAX_VARIANTS) {
            return;
        }
        if (word == forms.size()) {
            out.add(prefix.toString());
            return;
        }
        for (String form : forms.get(word)) {
            int length = prefix.length();
            if (word > 0) {
                prefix.append(' ');
            }
            combine(forms, word + 1, prefix.append(form), out);
            prefix.setLength(length);
        }
    }
}
