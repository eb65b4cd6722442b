package io.newsflow.enrich;

import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.enrich.trend.TrendSettings;
import io.newsflow.enrich.trend.TrendTopology;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds the enricher's topology. A pure function of its arguments: no configuration, no client, no I/O, so
 * {@code TopologyTestDriver} tests exercise exactly what production runs.
 *
 * <pre>
 * news-articles-raw (bytes) --decode+enrich--> enriched --de-duplicate--> published --> news-articles-enriched
 *                                          |                                    |--> news-topic-&lt;id&gt; per topic tag
 *                                          |                                    \--> trends (TrendTopology) --> news-trends
 *                                          \--> rejected --> news-dlq (String, DeadLetter)
 * news-taxonomy (global store) --validate--> the taxonomy "enrich" tags with (refused documents: news-dlq,
 *                                            through LiveTaxonomy's dead-letter producer)
 * </pre>
 *
 * <p>Every article output is keyed by article id, its value an {@code EnrichedArticle}. De-duplication is described
 * in {@link Deduplication}, routing to the per-topic topics in {@link GeoTopicRouting}, trends in
 * {@link TrendTopology}; trends count published articles only, so a duplicate never inflates a count.
 */
public final class EnrichTopology {

    private EnrichTopology() {}

    /**
     * The enricher's topology, tagging with the taxonomy in force on {@code news-taxonomy} (a global store feeding
     * {@code taxonomy}); published articles also feed {@link TrendTopology} unless {@code trends} disables it.
     * What production runs.
     */
    public static Topology build(
            EnrichSerdes serdes,
            ArticleEnricher enricher,
            LiveTaxonomy taxonomy,
            Clock clock,
            TrendSettings trends,
            DedupSettings dedup) {
        return build(serdes, enricher, taxonomy, clock, trends, dedup, () -> Topics.MAX_MESSAGE_BYTES);
    }

    /**
     * What production runs, with {@code outputLimit} giving the largest record the output topics take now
     * ({@code max.message.bytes}): a larger enriched article is dead-lettered ({@link OutputSizeGuard}).
     */
    public static Topology build(
            EnrichSerdes serdes,
            ArticleEnricher enricher,
            LiveTaxonomy taxonomy,
            Clock clock,
            TrendSettings trends,
            DedupSettings dedup,
            IntSupplier outputLimit) {
        StreamsBuilder builder = new StreamsBuilder();
        taxonomy.addTo(builder, clock);
        return build(builder, serdes, enricher, taxonomy::current, clock, trends, dedup, outputLimit);
    }

    /** As the production topology, with default trend and de-duplication settings. */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, LiveTaxonomy taxonomy, Clock clock) {
        return build(serdes, enricher, taxonomy, clock, TrendSettings.DEFAULTS, DedupSettings.DEFAULTS);
    }

    /**
     * The enricher's topology tagging always with the enricher's built-in taxonomy, without reading
     * {@code news-taxonomy}, with default trend and de-duplication settings: for tests that do not concern the
     * taxonomy.
     */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock) {
        return build(serdes, enricher, clock, TrendSettings.DEFAULTS, DedupSettings.DEFAULTS);
    }

    /** The built-in-taxonomy topology with the given trend settings. */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock, TrendSettings trends) {
        return build(serdes, enricher, clock, trends, DedupSettings.DEFAULTS);
    }

    /** The built-in-taxonomy topology with the given de-duplication settings. */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock, DedupSettings dedup) {
        return build(serdes, enricher, clock, TrendSettings.DEFAULTS, dedup);
    }

    /** The built-in-taxonomy topology with default settings and {@code outputLimit} as the output topics' limit. */
    static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock, IntSupplier outputLimit) {
        return builtIn(serdes, enricher, clock, TrendSettings.DEFAULTS, DedupSettings.DEFAULTS, outputLimit);
    }

    /** The built-in-taxonomy topology with the given settings. */
    public static Topology build(
            EnrichSerdes serdes, ArticleEnricher enricher, Clock clock, TrendSettings trends, DedupSettings dedup) {
        return builtIn(serdes, enricher, clock, trends, dedup, () -> Topics.MAX_MESSAGE_BYTES);
    }

    private static Topology builtIn(
            EnrichSerdes serdes,
            ArticleEnricher enricher,
            Clock clock,
            TrendSettings trends,
            DedupSettings dedup,
            IntSupplier outputLimit) {
        return build(
                new StreamsBuilder(), serdes, enricher, enricher::builtInTaxonomy, clock, trends, dedup, outputLimit);
    }

    private static Topology build(
            StreamsBuilder builder,
            EnrichSerdes serdes,
            ArticleEnricher enricher,
            Supplier<Taxonomy> taxonomy,
            Clock clock,
            TrendSettings trends,
            DedupSettings dedup,
            IntSupplier outputLimit) {
        OutputSizeGuard sizeGuard =
                new OutputSizeGuard(serdes.enrichedArticles().serializer(), outputLimit);
        KStream<String, Outcome> outcomes = builder.stream(
                        Topics.ARTICLES_RAW,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw-articles"))
                .process(
                        () -> new EnrichProcessor(serdes.rawArticles(), enricher, taxonomy, clock, sizeGuard),
                        Named.as("enrich"));

        publish(builder, articlesOf(outcomes, serdes, ""), serdes, trends, dedup, sizeGuard, clock);
        return builder.build();
    }

    /**
     * The articles of {@code outcomes}; their dead letters go to {@code news-dlq}. The processors' names start with
     * {@code prefix} (none for the enrichment step's outcomes, whose names are the topology's since its start).
     */
    private static KStream<String, EnrichedArticle> articlesOf(
            KStream<String, Outcome> outcomes, EnrichSerdes serdes, String prefix) {
        Map<String, KStream<String, Outcome>> branches = outcomes.split(Named.as(prefix + "outcome-"))
                .branch((key, outcome) -> outcome.isEnriched(), Branched.as("enriched"))
                .defaultBranch(Branched.as("rejected"));
        branches.get(prefix + "outcome-rejected")
                .mapValues(Outcome::deadLetter, Named.as(prefix + "dead-letter"))
                .to(
                        Topics.DLQ,
                        Produced.with(Serdes.String(), serdes.deadLetters()).withName(prefix + "write-dead-letters"));
        return branches.get(prefix + "outcome-enriched")
                .mapValues(Outcome::article, Named.as(prefix + "enriched-article"));
    }

    /**
     * What becomes of an enriched article: de-duplicated, its size checked again against the output topics' limit
     * ({@link OutputSizeCheck}: dead-lettered if it was lowered meanwhile), then published to the enriched and
     * per-topic topics and counted in the trends.
     */
    private static void publish(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            EnrichSerdes serdes,
            TrendSettings trends,
            DedupSettings dedup,
            OutputSizeGuard sizeGuard,
            Clock clock) {
        KStream<String, Outcome> checked = Deduplication.apply(builder, enriched, serdes.internalArticles(), dedup)
                .process(() -> new OutputSizeCheck(sizeGuard, clock), Named.as("check-output-size"));
        KStream<String, EnrichedArticle> published = articlesOf(checked, serdes, "publish-");
        published.to(
                Topics.ARTICLES_ENRICHED,
                Produced.with(Serdes.String(), serdes.enrichedArticles()).withName("write-enriched-articles"));
        GeoTopicRouting.route(published, serdes.enrichedArticles());
        if (trends.enabled()) {
            TrendTopology.addTo(published, serdes, trends);
        }
    }
}
