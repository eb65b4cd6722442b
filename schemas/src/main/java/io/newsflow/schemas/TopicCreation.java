package io.newsflow.schemas;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates newsflow's topics when they do not exist yet, including one {@code news-topic-<id>} per geopolitical topic
 * of a taxonomy ({@link Topics#forGeoTopic}). The local broker does not auto-create topics and Kafka Streams does not
 * create the topics it writes to, so every command and service that needs a topic makes sure it exists first.
 *
 * <p>Idempotent and safe to race: a topic another client created meanwhile counts as existing. Existing topics are
 * left exactly as they are (partitions are never changed). Stateless; the caller owns the {@link Admin}.
 */
public final class TopicCreation {

    /** How long one admin request may take before it is reported as a failure. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicCreation() {}

    /**
     * Creates {@code news-topic-<id>} for every id that has no topic yet.
     *
     * @param geoTopicIds kebab-case taxonomy ids, e.g. {@code kp-ru-rapprochement}
     * @param partitions partitions of a created topic (at least 1)
     * @param replicationFactor replication of a created topic, {@code -1} for the broker's default
     * @return the topic names created now; empty when all existed
     * @throws IllegalArgumentException when an id is not kebab-case
     */
    public static Set<String> ensureGeoTopics(
            Admin admin, Collection<String> geoTopicIds, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        return ensure(admin, geoTopicIds.stream().map(Topics::forGeoTopic).toList(), partitions, replicationFactor);
    }

    /**
     * Creates each named topic that does not exist yet.
     *
     * @return the topic names created now; empty when all existed
     */
    public static Set<String> ensure(Admin admin, Collection<String> topics, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalArgumentException("replication factor must be -1 or positive, got " + replicationFactor);
        }
        Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<NewTopic> missing = new LinkedHashSet<>(topics)
                .stream()
                        .filter(t -> !existing.contains(t))
                        .map(t -> replicationFactor == -1
                                ? new NewTopic(t, java.util.Optional.of(partitions), java.util.Optional.empty())
                                : new NewTopic(t, partitions, replicationFactor))
                        .toList();
        Set<String> created = new LinkedHashSet<>();
        for (Map.Entry<String, KafkaFuture<Void>> result :
                admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                // another client created it between our listing and our request: what we wanted exists
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return Set.copyOf(created);
    }

    /**
     * The partition count of an existing topic, e.g. to create the per-topic topics like {@code
     * news-articles-enriched}.
     *
     * @throws ExecutionException with {@code UnknownTopicOrPartitionException} as cause when it does not exist
     */
    public static int partitionsOf(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic);
        return description.partitions().size();
    }
}
