/**
 * The sink: a consumer group that writes {@code EnrichedArticle} records from {@code news-articles-enriched} to SQLite
 * (default) or PostgreSQL, idempotently, and reads them back.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link io.newsflow.sink.ArticleStore} is the storage boundary: a batch is written in one transaction, and
 *       writing an article again (redelivery) replaces its rows instead of adding to them.
 *       {@link io.newsflow.sink.JdbcArticleStore} implements it on JDBC with Flyway migrations.</li>
 *   <li>{@link io.newsflow.sink.EnrichedArticleSink} polls, writes the batch, then commits the offsets: delivery is
 *       at-least-once and idempotent storage makes it effectively once. Records that cannot be deserialised go to
 *       {@code news-dlq} and the sink carries on.</li>
 * </ul>
 * May import {@code io.newsflow.schemas}, the Kafka clients, JDBC and Flyway; never another service module.
 *
 * <h2>Thread-safety</h2>
 * Records are immutable. {@code JdbcArticleStore} holds one JDBC connection and is not thread-safe.
 * {@code EnrichedArticleSink} runs on one thread; only {@link io.newsflow.sink.EnrichedArticleSink#shutdown()} may
 * be called from another.
 *
 * <h2>Nullness</h2>
 * Parameters and return values are non-null unless documented; nullable article fields (lede, url, publishedAt)
 * are {@code null} when absent.
 */
package io.newsflow.sink;
