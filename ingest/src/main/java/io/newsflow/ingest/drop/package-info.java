/**
 * The {@code news-ingest} drop topic: people and systems produce articles there (with the console producer, kcat or
 * a Kafka UI) and {@link io.newsflow.ingest.drop.DropTopicIngestor} turns each record, exactly once, into a
 * {@code RawArticle} on {@code news-articles-raw} or a {@code DeadLetter} on {@code news-dlq}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link io.newsflow.ingest.drop.DropFormat} tells the format of a value from its bytes (Avro wire format,
 *       JSON object, plain text).</li>
 *   <li>{@link io.newsflow.ingest.drop.DropRecordReader} is the pure transformation of one record (apart from the
 *       registry lookup of an Avro writer schema and the normaliser's clock): it never throws for bad content.</li>
 *   <li>{@link io.newsflow.ingest.drop.DropTopicIngestor} is the only class here that talks to Kafka.</li>
 * </ul>
 * This package may import {@code io.newsflow.ingest}, {@code io.newsflow.schemas} and the Kafka clients; it never
 * imports other newsflow service modules.
 *
 * <h2>Thread-safety</h2>
 * {@code DropFormat}, {@code DropRecordReader} and the records are immutable and thread-safe.
 * {@code DropTopicIngestor} runs on one thread; only its {@code shutdown()} and {@code progress()} may be called from
 * others.
 *
 * <h2>Nullness</h2>
 * Parameters and return values are non-null unless documented as nullable; record keys and values are nullable, as
 * in Kafka.
 */
package io.newsflow.ingest.drop;
