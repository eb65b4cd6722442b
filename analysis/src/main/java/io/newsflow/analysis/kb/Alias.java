package io.newsflow.analysis.kb;

import java.util.Objects;
import java.util.Set;

/**
 * One surface form of an entity.
 *
 * @param surface            the form as written in the knowledge base
 * @param caseSensitive      the text must spell it exactly so (short acronyms: "US", "UN", "EU")
 * @param requiresAntecedent links only after a {@link AliasKind#NAME} or {@link AliasKind#ALIAS} mention of the same
 *                           entity earlier in the article (ambiguous short forms: "Kim", "Xi")
 * @param languages          the languages (ISO 639-1) in which the form means this entity; empty means all. Mexican
 *                           Spanish writes "EU" for the United States, English for the European Union
 */
public record Alias(
        KbEntity entity,
        AliasKind kind,
        String surface,
        boolean caseSensitive,
        boolean requiresAntecedent,
        Set<String> languages) {
    public Alias {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(surface, "surface");
        languages = Set.copyOf(languages);
    }

    public Alias(KbEntity entity, AliasKind kind, String surface, boolean caseSensitive, boolean requiresAntecedent) {
        this(entity, kind, surface, caseSensitive, requiresAntecedent, Set.of());
    }

    /** Whether the form may mean this entity in text of {@code language} ("und" accepts every form). */
    public boolean appliesTo(String language) {
        return languages.isEmpty() || "und".equals(language) || languages.contains(language);
    }

    /** Proper names must start with a capital letter in the text; demonyms need not (Spanish writes them lower case). */
    public boolean requiresCapital() {
        return kind != AliasKind.DEMONYM;
    }
}
