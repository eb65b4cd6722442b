package io.newsflow.sink;

import java.time.Instant;
import java.util.List;

/**
 * An article as read back from the store, with its entities (ordered by entity id) and topics (ordered by topic id).
 * Column names in brackets.
 *
 * @param articleId          [article_id]
 * @param source             [source]
 * @param url                [url], nullable
 * @param title              [title]
 * @param lede               [lede], nullable
 * @param body               [body]
 * @param language           [language], ISO 639-1 or {@code und}
 * @param languageConfidence [language_confidence]
 * @param publishedAt        [published_at], nullable
 * @param ingestedAt         [ingested_at]
 * @param enrichedAt         [enriched_at]
 * @param fingerprintSha256  [fingerprint_sha256]
 * @param simhash            [simhash]
 * @param enrichmentVersion  [enrichment_version]
 * @param kbVersion          [kb_version]
 * @param taxonomyVersion    [taxonomy_version]
 * @param kafkaTopic         [kafka_topic]
 * @param kafkaPartition     [kafka_partition]
 * @param kafkaOffset        [kafka_offset]
 * @param entities           rows of article_entities
 * @param topics             rows of article_topics
 */
public record StoredArticle(
        String articleId,
        String source,
        String url,
        String title,
        String lede,
        String body,
        String language,
        double languageConfidence,
        Instant publishedAt,
        Instant ingestedAt,
        Instant enrichedAt,
        String fingerprintSha256,
        long simhash,
        String enrichmentVersion,
        String kbVersion,
        String taxonomyVersion,
        String kafkaTopic,
        int kafkaPartition,
        long kafkaOffset,
        List<Entity> entities,
        List<Topic> topics) {

    public StoredArticle {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }

    /** A row of article_entities. */
    public record Entity(String entityId, String type, String name, int mentionCount, double confidence) {}

    /** A row of article_topics. */
    public record Topic(String topicId, double score) {}
}
