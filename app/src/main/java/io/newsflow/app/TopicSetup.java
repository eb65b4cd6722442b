package io.newsflow.app;

import io.newsflow.analysis.topics.TopicDefinition;
import io.newsflow.analysis.topics.TopicRules;
import io.newsflow.schemas.TopicCreation;
import io.newsflow.schemas.Topics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Creates newsflow's topics when they do not exist yet. Kafka Streams does not create the topics it reads or
 * writes, and the local broker does not auto-create topics, so the command creates them before it starts anything:
 * the fixed ones and one {@code news-topic-<id>} per topic of the shipped taxonomy, all with the same partitions.
 */
final class TopicSetup {

    /** The topics every newsflow deployment has. */
    static final List<String> TOPICS =
            List.of(Topics.INGEST, Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.TRENDS, Topics.DLQ);

    private TopicSetup() {}

    /** The per-topic output topics of the shipped taxonomy, {@code news-topic-<id>}. */
    static List<String> geoTopicTopics() {
        return TopicRules.fromClasspath().topics().stream()
                .map(TopicDefinition::id)
                .map(Topics::forGeoTopic)
                .toList();
    }

    /**
     * Creates the missing topics.
     *
     * @return the names created now (empty when all existed)
     */
    static Set<String> ensure(String bootstrapServers, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> all = new LinkedHashSet<>(TOPICS);
        all.addAll(geoTopicTopics());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return TopicCreation.ensure(admin, all, partitions, replicationFactor);
        }
    }
}
