package io.newsflow.analysis;

import java.util.List;

/**
 * Everything the analyzer found in one article. Lists are immutable and never {@code null}.
 *
 * @param entities     knowledge-base entities, one per QID, in first-mention order
 * @param unknownNames capitalised names the knowledge base does not know: kind {@link EntityKind#UNKNOWN}, id
 *                     {@code null}, low confidence, one per distinct surface
 */
public record Analysis(
        LanguageGuess language,
        List<LinkedEntity> entities,
        List<TopicMatch> topics,
        Fingerprint fingerprint,
        Versions versions,
        List<LinkedEntity> unknownNames) {
    public Analysis {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
        unknownNames = List.copyOf(unknownNames);
    }

    /** An analysis without unknown names. */
    public Analysis(
            LanguageGuess language,
            List<LinkedEntity> entities,
            List<TopicMatch> topics,
            Fingerprint fingerprint,
            Versions versions) {
        this(language, entities, topics, fingerprint, versions, List.of());
    }
}
