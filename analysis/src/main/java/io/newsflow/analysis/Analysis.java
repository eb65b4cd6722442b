package io.newsflow.analysis;

import java.util.List;

/** Everything the analyzer found in one article. Lists are immutable and never {@code null}. */
public record Analysis(
        LanguageGuess language,
        List<LinkedEntity> entities,
        List<TopicMatch> topics,
        Fingerprint fingerprint,
        Versions versions) {
    public Analysis {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }
}
