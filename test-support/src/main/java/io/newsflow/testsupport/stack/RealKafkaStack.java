package io.newsflow.testsupport.stack;

import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The real local stack as a test sees it: where Kafka and the schema registry answer, and small helpers. Obtain it as
 * a test or lifecycle method parameter under {@link WithRealKafkaStack}; it stays up until every test of the JVM has
 * run.
 */
public final class RealKafkaStack {

    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final LocalStack stack;

    RealKafkaStack(LocalStack stack) {
        this.stack = stack;
    }

    /** Kafka {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** Base URL of the registry's Confluent-compatible API, e.g. {@code http://127.0.0.1:40124/apis/ccompat/v7}. */
    public String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
    }

    /** A new, mutable client configuration holding {@code bootstrap.servers}; add what the client needs. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** A new admin client for this stack; the caller closes it. */
    public Admin newAdmin() {
        return Admin.create(clientConfig());
    }

    /**
     * Creates each topic with one partition and replication factor 1 (and the settings newsflow declares for it in
     * {@code Topics.creationConfig}, e.g. compaction for {@code news-taxonomy}) and returns when the broker has created
     * them.
     * A topic that already exists is left as it is, so test classes sharing the stack may declare the same topics.
     *
     * <p>Then it sets the topics' registry subjects up as {@code newsflow topics --create} does ({@link SchemaSetup}:
     * each Avro topic's contract registered under {@code <topic>-value}, compatibility BACKWARD), since the
     * services only look their schemas up.
     *
     * @throws IllegalStateException if the broker refuses a topic or does not answer within 30 s
     */
    public void createTopics(String... topics) {
        List<NewTopic> newTopics = Arrays.stream(topics)
                .map(topic -> new NewTopic(topic, 1, (short) 1).configs(Topics.creationConfig(topic)))
                .toList();
        try (Admin admin = newAdmin()) {
            admin.createTopics(newTopics).values().forEach((topic, created) -> {
                try {
                    created.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic + ": " + e.getCause(), e);
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException(
                            "Topic " + topic + " was not created within " + ADMIN_TIMEOUT_SECONDS + " s", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while creating topic " + topic, e);
                }
            });
        }
        SchemaSetup.apply(SchemaRegistryClients.forUrl(schemaRegistryUrl()), Arrays.asList(topics));
    }

    /** Process ids, addresses and liveness of the broker and the registry. */
    public StackStatus status() {
        return stack.status();
    }

    @Override
    public String toString() {
        return "RealKafkaStack[kafka " + bootstrapServers() + ", registry " + schemaRegistryUrl() + "]";
    }
}
