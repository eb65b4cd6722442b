package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Clock;
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
 *                                          |                                    \--> news-topic-&lt;id&gt; per topic tag
 *                                          \--> rejected --> news-dlq (String, DeadLetter)
 * </pre>
 *
 * <p>Every output is keyed by article id, its value an {@code EnrichedArticle}. De-duplication is described in
 * {@link Deduplication}, routing to the per-topic topics in {@link GeoTopicRouting}.
 */
public final class EnrichTopology {

    private EnrichTopology() {}

    /** The topology with the default de-duplication settings. */
    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock) {
        return build(serdes, enricher, clock, DedupSettings.DEFAULTS);
    }

    public static Topology build(EnrichSerdes serdes, ArticleEnricher enricher, Clock clock, DedupSettings dedup) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Outcome> outcomes = builder.stream(
                        Topics.ARTICLES_RAW,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw-articles"))
                .process(() -> new EnrichProcessor(serdes.rawArticles(), enricher, clock), Named.as("enrich"));

        outcomes.split(Named.as("outcome-"))
                .branch(
                        (key, outcome) -> outcome.isEnriched(),
                        Branched.withConsumer(
                                enriched -> publish(
                                        builder,
                                        enriched.mapValues(Outcome::article, Named.as("enriched-article")),
                                        serdes,
                                        dedup),
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

    /** What becomes of an enriched article: de-duplicated, then published to the enriched and per-topic topics. */
    private static void publish(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            EnrichSerdes serdes,
            DedupSettings dedup) {
        KStream<String, EnrichedArticle> published =
                Deduplication.apply(builder, enriched, serdes.enrichedArticles(), dedup);
        published.to(
                Topics.ARTICLES_ENRICHED,
                Produced.with(Serdes.String(), serdes.enrichedArticles()).withName("write-enriched-articles"));
        GeoTopicRouting.route(published, serdes.enrichedArticles());
    }
}
