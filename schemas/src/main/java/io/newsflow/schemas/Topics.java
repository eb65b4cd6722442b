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
    /**
     * Taxonomy rules documents, keyed by taxonomy id (e.g. {@code geo-topics}), value a UTF-8 JSON rules document
     * naming its version (e.g. {@code geo-topics-v2}). Compacted: the latest document per id is what it holds for good.
     * One partition: documents of one id are read in the order they were published.
     */
    public static final String TAXONOMY = "news-taxonomy";
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
     * The topic-level settings {@code topic} is created with: {@code max.message.bytes} = {@link #MAX_MESSAGE_BYTES}
     * for every topic, so that each carries what ingest accepts; {@code cleanup.policy=compact} for
     * {@link #TAXONOMY}; and no time or size limit for {@link #DLQ} ({@code retention.ms} and {@code retention.bytes}
     * of -1), since a rejected record is kept until someone deletes it (the broker's default would drop it after 7
     * days). The one place where a topic's settings are chosen: {@code newsflow stack start}, {@code newsflow topics
     * --create} and docker-compose's {@code topic-init} all create topics with these.
     */
    public static Map<String, String> creationConfig(String topic) {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        if (TAXONOMY.equals(topic)) {
            config.put("cleanup.policy", "compact");
        }
        if (DLQ.equals(topic)) {
            config.put("retention.ms", "-1");
            config.put("retention.bytes", "-1");
        }
        return Map.copyOf(config);
    }

    /** The partition count {@code topic} must have, or {@code preferred} when any will do (1 for {@link #TAXONOMY}). */
    public static int partitions(String topic, int preferred) {
        return TAXONOMY.equals(topic) ? 1 : preferred;
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
