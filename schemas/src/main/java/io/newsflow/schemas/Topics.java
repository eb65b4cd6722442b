package io.newsflow.schemas;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every Kafka topic newsflow uses, declared once. Names are kebab-case nouns. Keys are the article id as a UTF-8
 * string on every article topic; values are Avro in the Confluent wire format (see {@code io.newsflow.schemas.serde}).
 */
public final class Topics {

    /** Drop topic: people and systems produce articles here (JSON or Avro RawArticle). */
    public static final String INGEST = "news-ingest";
    /** RawArticle records, keyed by article id. */
    public static final String ARTICLES_RAW = "news-articles-raw";
    /** EnrichedArticle records, keyed by article id. */
    public static final String ARTICLES_ENRICHED = "news-articles-enriched";
    /** Trend records. */
    public static final String TRENDS = "news-trends";
    /** DeadLetter records: everything newsflow rejected, with the reason. */
    public static final String DLQ = "news-dlq";
    /** Prefix of the per-geopolitical-topic output topics. */
    public static final String GEO_TOPIC_PREFIX = "news-topic-";

    /**
     * Largest record value, in bytes, that newsflow's topics accept ({@code max.message.bytes}, set when the topics
     * are created) and that its producers send ({@code max.request.size}): 16 MiB. It leaves room for an article of
     * the largest allowed text ({@code ingest.max.article.bytes}, at most 8 MiB) once enriched, and for a dead letter
     * holding such an article. The broker default (1 MiB) would refuse articles far smaller than the ingest limit.
     */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Topics() {}

    /**
     * The topic-level configuration newsflow creates its topics with: {@code max.message.bytes} =
     * {@link #MAX_MESSAGE_BYTES}, so that every topic carries what ingest accepts.
     */
    public static Map<String, String> creationConfig() {
        return Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    }

    /** The output topic of one geopolitical topic of the taxonomy, e.g. {@code news-topic-kp-ru-rapprochement}. */
    public static String forGeoTopic(String geoTopicId) {
        if (geoTopicId == null || !TOPIC_ID.matcher(geoTopicId).matches()) {
            throw new IllegalArgumentException(
                    "A geopolitical topic id must be kebab-case (a-z, 0-9, '-'), got '" + geoTopicId + "'");
        }
        return GEO_TOPIC_PREFIX + geoTopicId;
    }
}
