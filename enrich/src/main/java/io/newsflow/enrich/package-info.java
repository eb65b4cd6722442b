/**
 * The enricher: a Kafka Streams application that turns {@code RawArticle} records of {@code news-articles-raw} into
 * {@code EnrichedArticle} records of {@code news-articles-enriched} and of one {@code news-topic-<id>} per topic tag,
 * exactly once, without publishing exact duplicates again and marking near-duplicates ({@code duplicateOf}), and sends
 * every record it cannot decode or process to {@code news-dlq} with its context.
 *
 * <p>{@link io.newsflow.enrich.EnrichTopology#build} is a pure function from serdes and an enricher to a
 * {@link org.apache.kafka.streams.Topology}; {@link io.newsflow.enrich.EnrichService} only wires configuration and
 * starts the client, so tests run exactly the topology production runs. The analysis itself lives in
 * {@code io.newsflow.analysis} and has no Kafka imports; {@link io.newsflow.enrich.ArticleEnricher} maps its plain
 * results to the Avro contract and is the one code path shared with {@code newsflow annotate}. Trend counting on
 * {@code news-trends} lives in {@code io.newsflow.enrich.trend} and is added to the topology by one call.
 *
 * <p>The taxonomy it tags with follows the compacted {@code news-taxonomy} topic at run time: a global store validates
 * each rules document, and {@link io.newsflow.enrich.LiveTaxonomy} swaps the compiled taxonomy atomically between two
 * articles; refused documents are logged and dead-lettered through {@link io.newsflow.enrich.TaxonomyDeadLetters}
 * (see ADR 0009).
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package io.newsflow.enrich;
