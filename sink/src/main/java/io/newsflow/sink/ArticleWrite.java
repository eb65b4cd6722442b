package io.newsflow.sink;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.Objects;

/**
 * One article to store, with the Kafka position it was read from (kept in the row for tracing).
 *
 * @param article   the enriched article
 * @param topic     source topic
 * @param partition source partition
 * @param offset    source offset
 */
public record ArticleWrite(EnrichedArticle article, String topic, int partition, long offset) {

    public ArticleWrite {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(topic, "topic");
    }
}
