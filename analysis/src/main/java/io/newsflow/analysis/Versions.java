package io.newsflow.analysis;

/**
 * Versions of what produced an {@link Analysis}, so consumers can tell when re-enrichment is due.
 *
 * @param enrichment    version of this module's code
 * @param knowledgeBase content hash of the knowledge-base resources
 * @param taxonomy      the topic taxonomy, e.g. {@code geo-topics-v1}
 */
public record Versions(String enrichment, String knowledgeBase, String taxonomy) {}
