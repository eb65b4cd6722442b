package io.newsflow.enrich;

import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.enrich.trend.TrendSettings;
import io.newsflow.enrich.trend.TrendTopology;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Clock;
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
 * news-articles-raw (bytes) --decode+enrich--> enriched --> news-articles-enriched (String, EnrichedArticle)
 *                                          |            \--> trends (TrendTopology) --> news-trends (String, TrendUpdate)
 *                                          \--> rejected --> news-dlq (String, DeadLetter)
 * news-taxonomy (global store) --validate--> the taxonomy "enrich" tags with (refused documents: news-dlq,
 *                                            through LiveTaxonomy's dead-letter producer)
 * </pre>
 */
public final class EnrichTopology {

    private EnrichTopology() {}

    /**
     * The enricher's topology, tagging with the taxonomy in force on {@code news-taxonomy} (a global store feeding
     * {@code taxonomy}); the enriched articles also feed {@link TrendTopology} unless {@code trends} disables it.
     * What production runs.
     */
    public static Topology build(
            EnrichSerdes serdes, ArticleEnricher enricher, LiveTaxonomy taxonomy, Clock clock, TrendSettings trends) {
        StreamsBuilder builder = new StreamsBuilder();
        taxonomy.addTo(builder, clock);
        return build(builder, serdes, enricher, taxonomy::current, clock, trends);
    }

    /** As the production topology, with trends counted as {@link TrendSettings#DEFAULTS} say. */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, LiveTaxonomy taxonomy, Clock clock) {
        return build(serdes, enricher, taxonomy, clock, TrendSettings.DEFAULTS);
    }

    /**
     * The enricher's topology tagging always with the enricher's built-in taxonomy, without reading
     * {@code news-taxonomy}, trends as {@link TrendSettings#DEFAULTS} say: for tests that do not concern the taxonomy.
     */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock) {
        return build(serdes, enricher, clock, TrendSettings.DEFAULTS);
    }

    /** The built-in-taxonomy topology with the given trend settings. */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock, TrendSettings trends) {
        return build(new StreamsBuilder(), serdes, enricher, enricher::builtInTaxonomy, clock, trends);
    }

    private static Topology build(
            StreamsBuilder builder,
            EnrichSerdes serdes,
            ArticleEnricher enricher,
            Supplier<Taxonomy> taxonomy,
            Clock clock,
            TrendSettings trends) {
        KStream<String, Outcome> outcomes = builder.stream(
                        Topics.ARTICLES_RAW,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw-articles"))
                .process(
                        () -> new EnrichProcessor(serdes.rawArticles(), enricher, taxonomy, clock), Named.as("enrich"));

        outcomes.split(Named.as("outcome-"))
                .branch(
                        (key, outcome) -> outcome.isEnriched(),
                        Branched.withConsumer(
                                enriched -> {
                                    KStream<String, EnrichedArticle> articles =
                                            enriched.mapValues(Outcome::article, Named.as("enriched-article"));
                                    articles.to(
                                            Topics.ARTICLES_ENRICHED,
                                            Produced.with(Serdes.String(), serdes.enrichedArticles())
                                                    .withName("write-enriched-articles"));
                                    if (trends.enabled()) {
                                        TrendTopology.addTo(articles, serdes, trends);
                                    }
                                },
                                "enriched"))
                .defaultBranch(Branched.withConsumer(
                        rejected -> rejected.mapValues(Outcome::deadLetter, Named.as("dead-letter"))
                                .to(
                                        Topics.DLQ,
                                        Produced.with(Serdes.String(), serdes.deadLetters())
                                                .withName("write-dead-letters")),
                        "rejected"));
        return builder.build();
    }
}
