/**
 * File ingestion: reads article files, normalises them into {@code RawArticle} records and publishes them to
 * {@code news-articles-raw}, sending everything it cannot accept to {@code news-dlq} with the reason. The
 * {@code news-ingest} drop topic is read by {@link io.newsflow.ingest.drop.DropTopicIngestor}, which reuses the
 * parsers and the normaliser of this package.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link io.newsflow.ingest.ArticleFileReader} turns one file ({@code .txt}, {@code .json}, {@code .jsonl},
 *       {@code .html}, {@code .md}) into {@link io.newsflow.ingest.ReadResult}s: a
 *       {@link io.newsflow.ingest.ParsedArticle} or a {@link io.newsflow.ingest.Rejection} per item, never an
 *       exception for bad content (only for I/O failures). Its {@code parse*(Origin, byte[])} methods serve every
 *       source (drop topic, HTTP, feeds); {@link io.newsflow.ingest.TextDecoder} decides the encoding and refuses
 *       binary input for all of them.</li>
 *   <li>{@link io.newsflow.ingest.ArticleNormaliser} and {@link io.newsflow.ingest.ArticleIds} are pure functions
 *       (apart from the injected clock): the same input always gives the same text and the same id. The normaliser
 *       applies the rules every source shares: a stand-in headline, the invisible-only check, the size limit.</li>
 *   <li>{@link io.newsflow.ingest.ArticlePublisher} is the only class that talks to Kafka;
 *       {@link io.newsflow.ingest.FileIngestor} ties the pieces together and returns an
 *       {@link io.newsflow.ingest.IngestReport}.</li>
 * </ul>
 * This package may import {@code io.newsflow.schemas}, the Kafka clients, Jackson, jsoup (HTML) and commonmark-java
 * (Markdown); it never imports other newsflow service modules.
 *
 * <h2>Thread-safety</h2>
 * Records and {@link io.newsflow.ingest.ArticleIds} are immutable and thread-safe. {@code ArticleFileReader} and
 * {@code ArticleNormaliser} hold no mutable state and may be shared. {@code ArticlePublisher} may be used from
 * several threads (the Kafka producer is thread-safe); {@code FileIngestor} runs one ingestion at a time per instance.
 *
 * <h2>Nullness</h2>
 * Parameters and return values are non-null unless documented as nullable; optional article fields
 * (lede, url, language, ...) are {@code null} when absent, never empty strings.
 */
package io.newsflow.ingest;
