package io.newsflow.testsupport.kafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning, committed records only, without a consumer group, and waits (Awaitility, no
 * sleeps) for a record that matches. Every record read is kept, so one probe can answer several questions.
 * Single-threaded, like the consumer inside it.
 */
public final class TopicProbe<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

    private TopicProbe(KafkaConsumer<K, V> consumer) {
        this.consumer = consumer;
    }

    /**
     * A probe over every partition of {@code topic}, positioned at the beginning.
     *
     * @throws IllegalStateException when the topic does not exist (a probe of it could only time out)
     */
    public static <K, V> TopicProbe<K, V> fromBeginning(
            String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "topic-probe-" + UUID.randomUUID()),
                keys,
                values);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("Topic '" + topic + "' does not exist on " + bootstrapServers
                        + "; create it before probing it");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return new TopicProbe<>(consumer);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Polls until a record matching {@code match} has been read.
     *
     * @throws org.awaitility.core.ConditionTimeoutException when none arrives within {@code timeout}
     */
    public ConsumerRecord<K, V> awaitRecord(Predicate<ConsumerRecord<K, V>> match, Duration timeout) {
        return await("a record matching the condition")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> pollOnce(match), Optional::isPresent)
                .orElseThrow();
    }

    /** Polls until a record with this key has been read, and returns the last one with it. */
    public ConsumerRecord<K, V> awaitKey(K key, Duration timeout) {
        return awaitRecord(r -> key.equals(r.key()), timeout);
    }

    /** Every record read so far, in the order read. */
    public List<ConsumerRecord<K, V>> seen() {
        return List.copyOf(seen);
    }

    private Optional<ConsumerRecord<K, V>> pollOnce(Predicate<ConsumerRecord<K, V>> match) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        Optional<ConsumerRecord<K, V>> last = Optional.empty();
        for (ConsumerRecord<K, V> r : seen) {
            if (match.test(r)) {
                last = Optional.of(r);
            }
        }
        return last;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
