package io.newsflow.analysis.kb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Regular inflection of masculine-singular demonyms. Forms are produced lower-case; matching folds case and
 * diacritics anyway, so "alemán" + "es" gives "alemanes" after folding.
 */
final class Demonyms {
    private Demonyms() {}

    /** The base form and its regular feminine and plural forms in {@code language}. */
    static List<String> inflect(String language, String base) {
        String b = base.strip().toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        out.add(b);
        switch (language) {
            case "es" -> {
                if (b.endsWith("o")) {
                    String stem = b.substring(0, b.length() - 1);
                    out.add(stem + "a");
                    out.add(stem + "os");
                    out.add(stem + "as");
                } else if (b.endsWith("e")) {
                    out.add(b + "s");
                } else if (b.endsWith("í") || b.endsWith("ú")) {
                    out.add(b + "es");
                    out.add(b + "s");
                } else if (b.matches(".*[nslrz]$")) {
                    String stem = unaccentLast(b);
                    out.add(stem + "a");
                    out.add(stem + "es");
                    out.add(stem + "as");
                }
            }
            case "en" -> {
                if (b.endsWith("n") || b.endsWith("i")) {
                    out.add(b + "s");
                }
            }
            case "fr" -> {
                if (b.endsWith("en")) {
                    out.add(b + "ne");
                    out.add(b + "s");
                    out.add(b + "nes");
                } else if (b.endsWith("e")) {
                    out.add(b + "s");
                } else if (b.endsWith("s")) {
                    out.add(b + "e");
                    out.add(b + "es");
                } else {
                    out.add(b + "e");
                    out.add(b + "s");
                    out.add(b + "es");
                }
            }
            case "de" -> {
                if (b.endsWith("isch")) {
                    out.add(b + "e");
                    out.add(b + "en");
                    out.add(b + "er");
                    out.add(b + "es");
                }
            }
            case "it" -> {
                if (b.endsWith("o")) {
                    String stem = b.substring(0, b.length() - 1);
                    out.add(stem + "a");
                    out.add(stem + "i");
                    out.add(stem + "e");
                } else if (b.endsWith("e")) {
                    out.add(b.substring(0, b.length() - 1) + "i");
                }
            }
            case "nl" -> {
                if (b.endsWith("s")) {
                    out.add(b + "e");
                }
            }
            default -> {
                // base form only
            }
        }
        return List.copyOf(out);
    }

    /** Spanish drops the written accent of the last syllable when a syllable is added (alemán → alemanes). */
    private static String unaccentLast(String s) {
        return s.replace("án", "an")
                .replace("és", "es")
                .replace("ín", "in")
                .replace("ón", "on")
                .replace("ús", "us");
    }
}
