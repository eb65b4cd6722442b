package io.newsflow.analysis.topics;

import java.util.List;

/** A taxonomy topic and its rules. */
public record TopicDefinition(String id, List<TopicRule> rules) {
    public TopicDefinition {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("topic " + id + " has no rules");
        }
    }
}
