package io.newsflow.enrich;

import io.newsflow.analysis.Analysis;
import io.newsflow.analysis.ArticleAnalyzer;
import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityMention;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.TopicEvidence;
import io.newsflow.analysis.TopicMatch;
import io.newsflow.analysis.language.LanguageIdentifier;
import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.schemas.avro.ContentFingerprint;
import io.newsflow.schemas.avro.DetectedLanguage;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EnrichmentVersions;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Mention;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TextField;
import io.newsflow.schemas.avro.TopicAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Enriches one {@link RawArticle} into an {@link EnrichedArticle}: runs the plain-Java {@link ArticleAnalyzer} and maps
 * its results onto the Avro contract. This is the single code path behind both the Streams enricher and
 * {@code newsflow annotate}.
 *
 * <p>Thread-safe: it holds only the immutable analyzer.
 */
public final class ArticleEnricher {

    private final ArticleAnalyzer analyzer;

    public ArticleEnricher(ArticleAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** The taxonomy {@link #enrich(RawArticle, Instant)} tags with: the one shipped with newsflow by default. */
    public Taxonomy builtInTaxonomy() {
        return analyzer.taxonomy();
    }

    /** An enricher over the default knowledge base and taxonomy shipped with newsflow. */
    public static ArticleEnricher withDefaultKnowledgeBase() {
        return new ArticleEnricher(ArticleAnalyzer.loadDefault());
    }

    /**
     * An enricher for a one-shot command ({@code annotate}): language models loaded on demand, so that it starts
     * sooner; never for the Streams enricher (see {@link LanguageIdentifier.ModelLoading}).
     */
    public static ArticleEnricher forOneShotCommand() {
        return new ArticleEnricher(ArticleAnalyzer.loadDefault(LanguageIdentifier.ModelLoading.ON_DEMAND));
    }

    /** The ids of the taxonomy's topics, each of which has its own output topic {@code news-topic-<id>}. */
    public List<String> topicIds() {
        return analyzer.topicIds();
    }

    /**
     * Enriches {@code raw}. An empty title or body is analysed like any other text (it simply yields less).
     *
     * @param raw an article as the Avro contract allows it: title and body non-null
     * @param enrichedAt the time stamped into {@code enrichedAt}
     */
    public EnrichedArticle enrich(RawArticle raw, Instant enrichedAt) {
        return enrich(raw, enrichedAt, analyzer.taxonomy());
    }

    /**
     * Enriches {@code raw}, tagging topics with {@code taxonomy}; {@code versions.taxonomy} of the result names it.
     *
     * @param taxonomy the taxonomy in force for this record (see {@code LiveTaxonomy})
     */
    public EnrichedArticle enrich(RawArticle raw, Instant enrichedAt, Taxonomy taxonomy) {
        Analysis analysis = analyzer.analyze(
                new ArticleText(raw.getTitle(), raw.getLede(), raw.getBody(), raw.getDeclaredLanguage()), taxonomy);
        return EnrichedArticle.newBuilder()
                .setArticleId(raw.getArticleId())
                .setSource(raw.getSource())
                .setChannel(raw.getChannel())
                .setOrigin(raw.getOrigin())
                .setUrl(raw.getUrl())
                .setPublishedAt(raw.getPublishedAt())
                .setIngestedAt(raw.getIngestedAt())
                .setEnrichedAt(enrichedAt)
                .setLanguage(DetectedLanguage.newBuilder()
                        .setCode(analysis.language().code())
                        .setConfidence(analysis.language().confidence())
                        .setDeclared(raw.getDeclaredLanguage())
                        .build())
                .setTitle(raw.getTitle())
                .setLede(raw.getLede())
                .setBody(raw.getBody())
                .setEntities(Stream.concat(analysis.entities().stream(), analysis.unknownNames().stream())
                        .map(ArticleEnricher::entity)
                        .toList())
                .setTopics(
                        analysis.topics().stream().map(ArticleEnricher::topic).toList())
                .setFingerprint(ContentFingerprint.newBuilder()
                        .setSha256(analysis.fingerprint().sha256())
                        .setSimhash(analysis.fingerprint().simhash())
                        .build())
                .setVersions(EnrichmentVersions.newBuilder()
                        .setEnrichment(analysis.versions().enrichment())
                        .setKnowledgeBase(analysis.versions().knowledgeBase())
                        .setTaxonomy(analysis.versions().taxonomy())
                        .build())
                .setAttributes(raw.getAttributes())
                .build();
    }

    /** The Avro id is required: a name the knowledge base does not know gets {@code unknown:<name>}, type UNKNOWN. */
    static final String UNKNOWN_ID_PREFIX = "unknown:";

    private static Entity entity(LinkedEntity e) {
        return Entity.newBuilder()
                .setId(e.id() != null ? e.id() : UNKNOWN_ID_PREFIX + e.name())
                .setType(EntityType.valueOf(e.kind().name()))
                .setSubtype(e.subtype())
                .setName(e.name())
                .setCountryCode(e.countryCode())
                .setConfidence(e.confidence())
                .setMentions(e.mentions().stream().map(ArticleEnricher::mention).toList())
                .build();
    }

    private static Mention mention(EntityMention m) {
        return Mention.newBuilder()
                .setField(field(m.field()))
                .setStart(m.start())
                .setEnd(m.end())
                .setSurface(m.surface())
                .setMatchedBy(m.matchedBy())
                .build();
    }

    private static TopicAssignment topic(TopicMatch t) {
        List<io.newsflow.schemas.avro.TopicEvidence> evidence =
                t.evidence().stream().map(ArticleEnricher::evidence).toList();
        return TopicAssignment.newBuilder()
                .setId(t.id())
                .setScore(t.score())
                .setEvidence(evidence)
                .build();
    }

    private static io.newsflow.schemas.avro.TopicEvidence evidence(TopicEvidence e) {
        return io.newsflow.schemas.avro.TopicEvidence.newBuilder()
                .setRule(e.rule())
                .setField(field(e.field()))
                .setStart(e.start())
                .setEnd(e.end())
                .setText(e.text())
                .setMatched(e.matched())
                .build();
    }

    private static TextField field(io.newsflow.analysis.TextField field) {
        return TextField.valueOf(field.name());
    }
}
