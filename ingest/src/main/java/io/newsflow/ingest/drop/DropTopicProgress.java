package io.newsflow.ingest.drop;

/**
 * Counts of one {@link DropTopicIngestor} since it started, all of committed transactions only.
 *
 * @param published    articles written to {@code news-articles-raw}
 * @param deadLettered records written to {@code news-dlq}
 * @param committed    transactions committed (one per non-empty poll)
 * @param aborted      transactions aborted and retried (broker or registry briefly away)
 */
public record DropTopicProgress(long published, long deadLettered, long committed, long aborted) {}
