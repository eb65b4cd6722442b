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
 * results to the Avro contract and is the one code path shared with {@code newsflow annotate}.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package io.newsflow.enrich;
