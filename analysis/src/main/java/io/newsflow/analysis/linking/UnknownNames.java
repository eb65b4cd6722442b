package io.newsflow.analysis.linking;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityKind;
import io.newsflow.analysis.EntityMention;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.TextField;
import io.newsflow.analysis.kb.KnowledgeBase;
import io.newsflow.analysis.text.CodePoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the knowledge base does not know: runs of at least two capitalised words ("NK News", "Guardia Nacional",
 * "Acuerdo de París"), joined by single spaces or by a lower-case connector ("de", "of", "von"), that no resolved
 * mention overlaps. They come out as {@link EntityKind#UNKNOWN} entities with no id and a low confidence, so that
 * subscribers see new names and can count them. Not attempted in a field written in capitals or in title case (a
 * headline's capitals say nothing about names), nor in scripts without letter case. Leading words that are common
 * words of the article's language ("El", "The") and words written entirely in capitals of more than
 * {@value #MAX_ACRONYM} letters ("PUEDES VER") or that are common words ("POR", "UN") are not part of a name.
 * Stateless and thread-safe.
 */
final class UnknownNames {
    /** The confidence of an unknown name: visibly below every knowledge-base link (demonyms are 0.6). */
    static final double CONFIDENCE = 0.3;

    static final String MATCHED_BY = "unknown-name";
    private static final int MAX_ACRONYM = 5;
    private static final int MAX_WORDS = 6;
    private static final Set<String> CONNECTORS = Set.of(
            "de", "del", "la", "las", "los", "of", "the", "von", "van", "der", "du", "des", "da", "do", "di", "al");

    private final KnowledgeBase kb;

    UnknownNames(KnowledgeBase kb) {
        this.kb = kb;
    }

    private record Word(int start, int end, boolean capitalised) {}

    /** The unknown names of {@code text}, one entity per distinct surface, in first-mention order. */
    List<LinkedEntity> find(
            ArticleText text, String language, List<ResolvedMention> resolved, Set<TextField> skippedFields) {
        Map<String, List<EntityMention>> bySurface = new LinkedHashMap<>();
        for (TextField field : TextField.values()) {
            String original = text.field(field);
            if (original.isEmpty() || skippedFields.contains(field)) {
                continue;
            }
            CodePoints cp = null;
            List<Word> run = new ArrayList<>();
            // resolved mentions come in reading order; words too: one pointer finds the mention a word may overlap
            List<ResolvedMention> inField = new ArrayList<>();
            for (ResolvedMention m : resolved) {
                if (m.field() == field) {
                    inField.add(m);
                }
            }
            int next = 0;
            for (Word word : words(original)) {
                // a common word written in capitals ("OPTE POR UN BIKINI") is that word, not an acronym in a name
                Word w = word.capitalised() && isCommonWordInCapitals(original, word, language)
                        ? new Word(word.start(), word.end(), false)
                        : word;
                while (next < inField.size() && inField.get(next).end() <= w.start()) {
                    next++;
                }
                boolean inMention = next < inField.size() && inField.get(next).start() < w.end();
                boolean joins = run.isEmpty()
                        ? w.capitalised()
                        : isSingleSpace(original, run.get(run.size() - 1).end(), w.start())
                                && (w.capitalised() || CONNECTORS.contains(original.substring(w.start(), w.end())));
                if (!joins || run.size() == MAX_WORDS || inMention) {
                    cp = emit(original, field, language, run, bySurface, cp);
                    run.clear();
                    if (!w.capitalised() || inMention) {
                        continue;
                    }
                }
                run.add(w);
            }
            emit(original, field, language, run, bySurface, cp);
        }
        List<LinkedEntity> out = new ArrayList<>(bySurface.size());
        bySurface.forEach((surface, mentions) ->
                out.add(new LinkedEntity(null, EntityKind.UNKNOWN, null, surface, null, CONFIDENCE, mentions)));
        return out;
    }

    private CodePoints emit(
            String original,
            TextField field,
            String language,
            List<Word> run,
            Map<String, List<EntityMention>> bySurface,
            CodePoints cp) {
        int from = 0;
        while (from < run.size() && isCommonWord(original, run.get(from), language)) {
            from++;
        }
        int to = run.size();
        while (to > from && !run.get(to - 1).capitalised()) {
            to--; // a connector never ends a name
        }
        int capitalised = 0;
        for (int i = from; i < to; i++) {
            if (run.get(i).capitalised()) {
                capitalised++;
            }
        }
        if (capitalised < 2) {
            return cp;
        }
        CodePoints points = cp != null ? cp : new CodePoints(original);
        int start = run.get(from).start();
        int end = run.get(to - 1).end();
        String surface = original.substring(start, end);
        bySurface
                .computeIfAbsent(surface, k -> new ArrayList<>())
                .add(new EntityMention(field, points.offset(start), points.offset(end), surface, MATCHED_BY));
        return points;
    }

    private boolean isCommonWord(String original, Word w, String language) {
        return !w.capitalised() || kb.isStopword(language, original.substring(w.start(), w.end()));
    }

    private boolean isCommonWordInCapitals(String original, Word w, String language) {
        for (int i = w.start(); i < w.end(); i++) {
            if (Character.isLowerCase(original.charAt(i))) {
                return false;
            }
        }
        return kb.isStopword(language, original.substring(w.start(), w.end()));
    }

    private static boolean isSingleSpace(String text, int end, int nextStart) {
        return nextStart == end + 1 && text.charAt(end) == ' ';
    }

    /**
     * The words of {@code text}: letters, with inner hyphens and apostrophes ("Jong-un", "O'Brien"). A word is
     * capitalised when its first letter is upper case and, unless it is a short acronym, it has a lower-case letter.
     */
    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int upper = 0;
            int lower = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else if (Character.isLowerCase(c)) {
                        lower++;
                    }
                    i++;
                } else if ((c == '-' || c == '\'' || c == '\u2019')
                        && i + 1 < n
                        && Character.isLetter(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            boolean initialCapital = Character.isUpperCase(text.charAt(start));
            boolean acronym = lower == 0 && upper >= 2 && upper <= MAX_ACRONYM;
            boolean capitalised = initialCapital && (lower > 0 || acronym);
            out.add(new Word(start, i, capitalised));
        }
        return out;
    }
}
