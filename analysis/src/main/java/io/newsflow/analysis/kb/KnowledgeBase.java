package io.newsflow.analysis.kb;

import io.newsflow.analysis.text.Folding;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The immutable multilingual knowledge base: entities, their surface forms keyed by folded surface, and per-language
 * stopwords. Thread-safe. Build with {@link KnowledgeBaseLoader}.
 */
public final class KnowledgeBase {
    private final Map<String, List<Alias>> aliasesByFoldedSurface;
    private final Map<String, KbEntity> entitiesByQid;
    private final Map<String, Set<String>> stopwordsByLanguage;
    private final Set<String> firstNames;
    private final String version;

    KnowledgeBase(
            Map<String, List<Alias>> aliasesByFoldedSurface,
            Map<String, KbEntity> entitiesByQid,
            Map<String, Set<String>> stopwordsByLanguage,
            Set<String> firstNames,
            String version) {
        this.aliasesByFoldedSurface = Map.copyOf(aliasesByFoldedSurface);
        this.entitiesByQid = Map.copyOf(entitiesByQid);
        this.stopwordsByLanguage = Map.copyOf(stopwordsByLanguage);
        this.firstNames = Set.copyOf(firstNames);
        this.version = version;
    }

    /** Folded surface → every alias with that folded form (each list non-empty and immutable). */
    public Map<String, List<Alias>> aliasesByFoldedSurface() {
        return aliasesByFoldedSurface;
    }

    public Optional<KbEntity> entity(String qid) {
        return Optional.ofNullable(entitiesByQid.get(qid));
    }

    public Collection<KbEntity> entities() {
        return entitiesByQid.values();
    }

    /** Whether {@code word} (any case) is a common word of {@code language}; unknown languages have none. */
    public boolean isStopword(String language, String word) {
        Set<String> words = stopwordsByLanguage.get(language);
        return words != null && words.contains(Folding.fold(word).trim());
    }

    /**
     * Whether {@code foldedWord} (folded, see {@link Folding}) is a given name that several people of the knowledge
     * base bear ("jorge", "paul") and that is not itself a name of anything the knowledge base knows: a place name
     * after it is a surname ("Jorge Madrid").
     */
    public boolean isFirstName(String foldedWord) {
        return firstNames.contains(foldedWord);
    }

    /** Content hash of the resources the knowledge base was built from. */
    public String version() {
        return version;
    }
}
