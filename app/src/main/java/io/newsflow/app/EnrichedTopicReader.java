package io.newsflow.app;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code news-articles-enriched} from its beginning, committed records only, without joining a consumer group:
 * the demo's view of what the enricher produced. From the beginning, because the enricher does not publish an article
 * again that it already published (same id, content and versions): when the demo runs again on a running stack, its
 * articles are found where they were first published. Single-threaded.
 */
final class EnrichedTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, EnrichedArticle> consumer;

    EnrichedTopicReader(String bootstrapServers, SchemaRegistryClient registry) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "newsflow-demo-reader-" + UUID.randomUUID());
        consumer = new KafkaConsumer<>(
                props,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer());
        try {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.ARTICLES_ENRICHED, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Reads until every one of {@code articleIds} has been seen or {@code timeout} passes.
     *
     * @return the latest enriched record of each id seen, in the order first seen
     */
    Map<String, EnrichedArticle> awaitArticles(Set<String> articleIds, Duration timeout) {
        Map<String, EnrichedArticle> seen = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (!seen.keySet().containsAll(articleIds) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(Duration.ofMillis(250))) {
                if (articleIds.contains(record.key())) {
                    seen.put(record.key(), record.value());
                }
            }
        }
        return seen;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
