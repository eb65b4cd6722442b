package io.newsflow.app;

import io.newsflow.analysis.topics.TopicDefinition;
import io.newsflow.analysis.topics.TopicRules;
import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates newsflow's topics when they do not exist yet. Kafka Streams does not create the topics it reads or
 * writes, and the local broker does not auto-create topics, so the command creates them before it starts anything:
 * the fixed ones and one {@code news-topic-<id>} per topic of the shipped taxonomy, all with the same partitions. Each gets
 * {@link Topics#creationConfig(String)} ({@code max.message.bytes} of 16 MiB, so it carries the largest article ingest
 * accepts; compaction for {@code news-taxonomy}).
 *
 * <p>Beside the topics it sets up their schema registry subjects ({@link SchemaSetup}): each Avro topic's contract is
 * registered under {@code <topic>-value} with compatibility BACKWARD, for the fixed topics and every
 * {@code news-topic-<id>} that exists (the shipped taxonomy's and those the enricher created for a later taxonomy
 * version). This is the only place newsflow sets compatibility; the services only look their schemas up.
 */
final class TopicSetup {

    /** The topics every newsflow deployment has. */
    static final List<String> TOPICS = List.of(
            Topics.INGEST, Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.TRENDS, Topics.DLQ, Topics.TAXONOMY);

    private TopicSetup() {}

    /** The per-topic output topics of the shipped taxonomy, {@code news-topic-<id>}. */
    static List<String> geoTopicTopics() {
        return TopicRules.fromClasspath().topics().stream()
                .map(TopicDefinition::id)
                .map(Topics::forGeoTopic)
                .toList();
    }

    /**
     * Creates the missing topics, then sets up the registry subjects of all newsflow topics.
     *
     * @return the names created now (empty when all existed)
     */
    static Set<String> ensure(
            String bootstrapServers, SchemaRegistryClient registry, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> created = ensureTopics(bootstrapServers, partitions, replicationFactor);
        Set<String> subjects = new LinkedHashSet<>(TOPICS);
        subjects.addAll(geoTopicTopics());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(Topics.GEO_TOPIC_PREFIX))
                    .sorted()
                    .forEach(subjects::add);
        }
        SchemaSetup.apply(registry, subjects);
        return created;
    }

    private static Set<String> ensureTopics(String bootstrapServers, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> all = new LinkedHashSet<>(TOPICS);
        all.addAll(geoTopicTopics());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Topics.partitions(t, partitions), replicationFactor)
                            .configs(Topics.creationConfig(t)))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // another command created it between our listing and our request: what we wanted exists
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }
}
