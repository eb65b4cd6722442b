package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the output topic {@code news-topic-<id>} of every topic id of a taxonomy that does not have one yet, with
 * as many partitions as {@code news-articles-enriched}; the broker does not auto-create topics, so a topic id added
 * by a new taxonomy version needs its topic before anything is routed to it.
 *
 * <p>Used by the enricher (on each new taxonomy version) and by {@code newsflow taxonomy publish} (before publishing).
 * To be unified with the routing code's topic helper; it creates topics by name ({@link Topics#forGeoTopic}) only.
 */
public final class GeoTopicOutputs {

    private static final long TIMEOUT_SECONDS = 30;

    private GeoTopicOutputs() {}

    /**
     * Creates the missing {@code news-topic-<id>} topics.
     *
     * @param replicationFactor -1 for the broker default
     * @return the names created now
     */
    public static List<String> ensure(Admin admin, List<String> topicIds, int replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> missing = topicIds.stream()
                .map(Topics::forGeoTopic)
                .filter(t -> !existing.contains(t))
                .toList();
        if (missing.isEmpty()) {
            return missing;
        }
        int partitions = existing.contains(Topics.ARTICLES_ENRICHED)
                ? admin.describeTopics(List.of(Topics.ARTICLES_ENRICHED))
                        .allTopicNames()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .get(Topics.ARTICLES_ENRICHED)
                        .partitions()
                        .size()
                : 1;
        Optional<Short> replication = replicationFactor < 0 ? Optional.empty() : Optional.of((short) replicationFactor);
        try {
            admin.createTopics(missing.stream()
                            .map(t -> new NewTopic(t, Optional.of(partitions), replication))
                            .toList())
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // created by someone else between the listing and the request: what we wanted exists
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        return missing;
    }
}
