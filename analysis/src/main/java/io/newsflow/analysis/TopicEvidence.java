package io.newsflow.analysis;

import java.util.List;

/**
 * One sentence that fired a topic rule.
 *
 * @param rule    the rule's name in the taxonomy rules file
 * @param start   code point offset of the sentence in the field, inclusive
 * @param end     code point offset of the sentence in the field, exclusive
 * @param text    the sentence
 * @param matched what satisfied the rule: country codes or QIDs, then cue words as they appear in the text
 */
public record TopicEvidence(String rule, TextField field, int start, int end, String text, List<String> matched) {
    public TopicEvidence {
        matched = List.copyOf(matched);
    }
}
