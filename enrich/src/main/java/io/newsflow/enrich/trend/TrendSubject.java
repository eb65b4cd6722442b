package io.newsflow.enrich.trend;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.TopicAssignment;
import io.newsflow.schemas.avro.TrendSubjectKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something a trend counts: a geopolitical topic of the taxonomy or a linked entity. Its {@link #key()} is the record
 * key on the internal repartition topic and on {@code news-trends}: {@code topic:<id>} or {@code entity:<QID>}.
 *
 * @param kind TOPIC or ENTITY
 * @param id topic id or Wikidata QID
 * @param label what people read: the entity's canonical name, or the topic id
 */
public record TrendSubject(TrendSubjectKind kind, String id, String label) {

    static final String TOPIC_PREFIX = "topic:";
    static final String ENTITY_PREFIX = "entity:";

    public String key() {
        return (kind == TrendSubjectKind.TOPIC ? TOPIC_PREFIX : ENTITY_PREFIX) + id;
    }

    /** The kind a subject key stands for. */
    static TrendSubjectKind kindOf(String key) {
        if (key.startsWith(TOPIC_PREFIX)) {
            return TrendSubjectKind.TOPIC;
        }
        return key.startsWith(ENTITY_PREFIX) ? TrendSubjectKind.ENTITY : TrendSubjectKind.UNKNOWN;
    }

    /** The topic id or QID a subject key stands for. */
    static String idOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    /**
     * Every subject an article counts for, each once: its topics, then its entities (an article that names Russia five
     * times counts once for Q159).
     */
    public static List<TrendSubject> of(EnrichedArticle article) {
        Map<String, TrendSubject> subjects = new LinkedHashMap<>();
        for (TopicAssignment topic : article.getTopics()) {
            TrendSubject s = new TrendSubject(TrendSubjectKind.TOPIC, topic.getId(), topic.getId());
            subjects.putIfAbsent(s.key(), s);
        }
        for (Entity entity : article.getEntities()) {
            if (entity.getType() == EntityType.UNKNOWN) {
                continue; // names the knowledge base does not know are not trend subjects (yet)
            }
            TrendSubject s = new TrendSubject(TrendSubjectKind.ENTITY, entity.getId(), entity.getName());
            subjects.putIfAbsent(s.key(), s);
        }
        return List.copyOf(subjects.values());
    }

    /**
     * The event time trends count an article at: when it was published, else when it was ingested. A publication time
     * after the ingestion time is a clock or time-zone error in the source (nobody ingests an article before it
     * appears); it would push stream time into the future and close every window early, so the ingestion time is used
     * instead.
     */
    public static Instant eventTime(EnrichedArticle article) {
        Instant published = article.getPublishedAt();
        Instant ingested = article.getIngestedAt();
        return published == null || published.isAfter(ingested) ? ingested : published;
    }
}
