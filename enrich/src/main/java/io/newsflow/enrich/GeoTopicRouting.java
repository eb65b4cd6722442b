package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TopicAssignment;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Routes every published article to one output topic per geopolitical topic it is tagged with,
 * {@code news-topic-<id>} ({@link Topics#forGeoTopic}), keyed by article id: an article with three topics is written
 * three times, one without topics nowhere. The topic name is computed per record, so a topic the taxonomy gains at
 * run time needs no code change; its Kafka topic must exist (see {@link io.newsflow.schemas.TopicCreation}).
 */
final class GeoTopicRouting {

    /** One copy of an article on its way to the output topic of {@code topicId}. */
    record Routed(String topicId, EnrichedArticle article) {}

    private GeoTopicRouting() {}

    static void route(KStream<String, EnrichedArticle> published, Serde<EnrichedArticle> articles) {
        TopicNameExtractor<String, Routed> topicOf = (key, routed, context) -> Topics.forGeoTopic(routed.topicId());
        published
                .flatMapValues(GeoTopicRouting::perTopic, Named.as("one-copy-per-geo-topic"))
                .to(
                        topicOf,
                        Produced.with(Serdes.String(), articlesOnly(articles)).withName("write-geo-topics"));
    }

    static List<Routed> perTopic(EnrichedArticle article) {
        return article.getTopics().stream()
                .map(TopicAssignment::getId)
                .distinct()
                .map(id -> new Routed(id, article))
                .toList();
    }

    /** Writes a {@link Routed} as its article alone, registered under the output topic's subject. */
    private static Serde<Routed> articlesOnly(Serde<EnrichedArticle> articles) {
        Serializer<EnrichedArticle> serializer = articles.serializer();
        Serializer<Routed> routed =
                (topic, value) -> serializer.serialize(topic, value == null ? null : value.article());
        Deserializer<Routed> unused = (topic, bytes) -> {
            throw new UnsupportedOperationException("per-topic copies are only written");
        };
        return Serdes.serdeFrom(routed, unused);
    }
}
