package io.newsflow.schemas;

import io.newsflow.schemas.avro.ContentFingerprint;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.DetectedLanguage;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EnrichmentVersions;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.Mention;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TextField;
import io.newsflow.schemas.avro.TopicAssignment;
import io.newsflow.schemas.avro.TopicEvidence;
import io.newsflow.schemas.serde.TrustedAvroClasses;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fully populated example records of every contract type, for the tests of this module.
 *
 * <p>The tests of this module run without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} (see schemas/pom.xml), so
 * building a record whose enum takes its default needs {@link TrustedAvroClasses#install()} first, as a program's
 * {@code main} would.
 */
public final class TestRecords {

    static {
        TrustedAvroClasses.install();
    }

    public static final Instant PUBLISHED = Instant.parse("2026-11-29T18:30:00Z");
    public static final Instant INGESTED = Instant.parse("2026-11-30T00:00:00Z");
    public static final Instant ENRICHED = Instant.parse("2026-11-30T00:00:01.250Z");

    private TestRecords() {}

    public static RawArticle rawArticle() {
        return RawArticle.newBuilder()
                .setArticleId("a-1")
                .setSource("Example Times")
                .setChannel(IngestChannel.RSS)
                .setOrigin("https://example.org/feed.xml")
                .setUrl("https://example.org/news/1")
                .setTitle("Pyongyang and Moscow sign pact")
                .setLede(null)
                .setBody("First paragraph.\nSecond paragraph with ünïcödé and 北朝鮮.")
                .setDeclaredLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setIngestedAt(INGESTED)
                .setAttributes(Map.of("author", "A. Writer"))
                .build();
    }

    /** A RawArticle that leaves every defaulted field at its default (channel UNKNOWN, nulls, empty map). */
    public static RawArticle minimalRawArticle() {
        return RawArticle.newBuilder()
                .setArticleId("a-2")
                .setSource("unknown")
                .setTitle("t")
                .setBody("b")
                .setIngestedAt(INGESTED)
                .build();
    }

    public static EnrichedArticle enrichedArticle() {
        Mention mention = Mention.newBuilder()
                .setField(TextField.TITLE)
                .setStart(0)
                .setEnd(9)
                .setSurface("Pyongyang")
                .setMatchedBy("name")
                .build();
        Entity entity = Entity.newBuilder()
                .setId("Q18808")
                .setType(EntityType.LOC)
                .setSubtype("capital")
                .setName("Pyongyang")
                .setCountryCode("KP")
                .setConfidence(0.93)
                .setMentions(List.of(mention))
                .build();
        TopicEvidence evidence = TopicEvidence.newBuilder()
                .setRule("kp-and-ru")
                .setField(TextField.TITLE)
                .setStart(0)
                .setEnd(30)
                .setText("Pyongyang and Moscow sign pact")
                .setMatched(List.of("Q18808", "Q649"))
                .build();
        TopicAssignment topic = TopicAssignment.newBuilder()
                .setId("kp-ru-rapprochement")
                .setScore(0.8)
                .setEvidence(List.of(evidence))
                .build();
        return EnrichedArticle.newBuilder()
                .setArticleId("a-1")
                .setSource("Example Times")
                .setChannel(IngestChannel.RSS)
                .setOrigin(null)
                .setUrl("https://example.org/news/1")
                .setPublishedAt(PUBLISHED)
                .setIngestedAt(INGESTED)
                .setEnrichedAt(ENRICHED)
                .setLanguage(DetectedLanguage.newBuilder()
                        .setCode("en")
                        .setConfidence(0.99)
                        .setDeclared("en")
                        .build())
                .setTitle("Pyongyang and Moscow sign pact")
                .setLede(null)
                .setBody("Body.")
                .setEntities(List.of(entity))
                .setTopics(List.of(topic))
                .setFingerprint(ContentFingerprint.newBuilder()
                        .setSha256("ab".repeat(32))
                        .setSimhash(-42L)
                        .build())
                .setVersions(EnrichmentVersions.newBuilder()
                        .setEnrichment("0.1.0")
                        .setKnowledgeBase("kb-1")
                        .setTaxonomy("geo-topics-v1")
                        .build())
                .setAttributes(Map.of())
                .build();
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setStage("enrich")
                .setSourceTopic("news-articles-raw")
                .setSourcePartition(2)
                .setSourceOffset(12345L)
                .setOrigin(null)
                .setKey(ByteBuffer.wrap("a-1".getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 7, (byte) 0xff}))
                .setHeaders(Map.of("trace", "x"))
                .setErrorClass("java.lang.IllegalStateException")
                .setErrorMessage("boom")
                .setStackTrace(null)
                .setFailedAt(INGESTED)
                .build();
    }
}
