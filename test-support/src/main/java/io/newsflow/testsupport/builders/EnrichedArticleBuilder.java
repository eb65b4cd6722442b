package io.newsflow.testsupport.builders;

import io.newsflow.schemas.avro.ContentFingerprint;
import io.newsflow.schemas.avro.DetectedLanguage;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EnrichmentVersions;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.Mention;
import io.newsflow.schemas.avro.TextField;
import io.newsflow.schemas.avro.TopicAssignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test-data builder for {@link EnrichedArticle}: {@code anEnrichedArticle().withId("a").withTopic("sanctions", 0.7)
 * .build()}. Every field has a valid default. Mentions made by {@link #withEntity} carry the entity's name as surface
 * at placeholder offsets: for storage and transport tests, not for checks against the text.
 */
public final class EnrichedArticleBuilder {

    private String id = "a-1";
    private String title = "North Korea and Russia sign pact";
    private String lede = "The leaders met in Pyongyang.";
    private String body = "Kim Jong Un and Vladimir Putin signed a treaty.";
    private String url = "https://example.com/a-1";
    private Instant publishedAt = Instant.parse("2026-11-29T08:00:00Z");
    private Instant enrichedAt = Instant.parse("2026-11-30T00:10:01.456Z");
    private Instant ingestedAt = Instant.parse("2026-11-30T00:10:00.123Z");
    private final List<Entity> entities = new ArrayList<>();
    private final List<TopicAssignment> topics = new ArrayList<>();
    private String sha256 = "ab".repeat(32);
    private long simhash = -8_123_456_789L;
    private String knowledgeBase = "kb-1";
    private String taxonomy = "geo-topics-v1";

    private EnrichedArticleBuilder() {}

    public static EnrichedArticleBuilder anEnrichedArticle() {
        return new EnrichedArticleBuilder();
    }

    public EnrichedArticleBuilder withId(String value) {
        this.id = value;
        return this;
    }

    /** When the enricher produced it; a later enrichment of the same id is a newer version. */
    public EnrichedArticleBuilder withEnrichedAt(Instant value) {
        this.enrichedAt = value;
        return this;
    }

    public EnrichedArticleBuilder withTitle(String value) {
        this.title = value;
        return this;
    }

    /** When the article was published; {@code null} for an article that does not say. */
    public EnrichedArticleBuilder withPublishedAt(Instant value) {
        this.publishedAt = value;
        return this;
    }

    public EnrichedArticleBuilder withIngestedAt(Instant value) {
        this.ingestedAt = value;
        return this;
    }

    public EnrichedArticleBuilder withoutOptionalFields() {
        this.lede = null;
        this.url = null;
        this.publishedAt = null;
        return this;
    }

    public EnrichedArticleBuilder withEntity(
            String entityId, EntityType type, String name, int mentions, double confidence) {
        List<Mention> list = new ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            list.add(Mention.newBuilder()
                    .setField(TextField.BODY)
                    .setStart(i)
                    .setEnd(i + 1)
                    .setSurface(name)
                    .build());
        }
        entities.add(Entity.newBuilder()
                .setId(entityId)
                .setType(type)
                .setName(name)
                .setConfidence(confidence)
                .setMentions(list)
                .build());
        return this;
    }

    public EnrichedArticleBuilder withTopic(String topicId, double score) {
        topics.add(TopicAssignment.newBuilder()
                .setId(topicId)
                .setScore(score)
                .setEvidence(List.of())
                .build());
        return this;
    }

    /** The content fingerprint: hex SHA-256 of the normalised text and its 64-bit SimHash. */
    public EnrichedArticleBuilder withFingerprint(String sha256Hex, long simhashValue) {
        this.sha256 = sha256Hex;
        this.simhash = simhashValue;
        return this;
    }

    /** The versions of the knowledge base and taxonomy that enriched it (defaults {@code kb-1}, geo-topics-v1). */
    public EnrichedArticleBuilder withVersions(String knowledgeBaseVersion, String taxonomyVersion) {
        this.knowledgeBase = knowledgeBaseVersion;
        this.taxonomy = taxonomyVersion;
        return this;
    }

    public EnrichedArticle build() {
        return EnrichedArticle.newBuilder()
                .setArticleId(id)
                .setSource("Reuters")
                .setChannel(IngestChannel.FILE)
                .setOrigin("samples/a.txt")
                .setUrl(url)
                .setPublishedAt(publishedAt)
                .setIngestedAt(ingestedAt)
                .setEnrichedAt(enrichedAt)
                .setLanguage(DetectedLanguage.newBuilder()
                        .setCode("en")
                        .setConfidence(0.97)
                        .build())
                .setTitle(title)
                .setLede(lede)
                .setBody(body)
                .setEntities(List.copyOf(entities))
                .setTopics(List.copyOf(topics))
                .setFingerprint(ContentFingerprint.newBuilder()
                        .setSha256(sha256)
                        .setSimhash(simhash)
                        .build())
                .setVersions(EnrichmentVersions.newBuilder()
                        .setEnrichment("0.1.0")
                        .setKnowledgeBase(knowledgeBase)
                        .setTaxonomy(taxonomy)
                        .build())
                .setAttributes(Map.of())
                .build();
    }
}
