package io.newsflow.analysis;

import java.util.List;

/** A taxonomy topic the article is about, with a score in 0..1 and the sentences that made it fire. */
public record TopicMatch(String id, double score, List<TopicEvidence> evidence) {
    public TopicMatch {
        evidence = List.copyOf(evidence);
    }
}
