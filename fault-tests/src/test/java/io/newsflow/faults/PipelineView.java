package io.newsflow.faults;

import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the suite checks, read from outside the services: the sink's database (rows by article id) and the topics as
 * a {@code read_committed} consumer sees them (copies of each article on {@code news-articles-enriched}, records on
 * {@code news-dlq}). Never writes anything.
 */
final class PipelineView {

    private final String bootstrapServers;
    private final String jdbcUrl;

    PipelineView(String bootstrapServers, String jdbcUrl) {
        this.bootstrapServers = bootstrapServers;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * The article ids starting with {@code prefix} in the sink's {@code articles} table; one entry per row (the table's
     * key is the article id, so a repeated id would be a second row with it, which the key forbids).
     *
     * @throws SQLException while the database is away
     */
    List<String> rows(String prefix) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement query =
                        connection.prepareStatement("SELECT article_id FROM articles WHERE article_id LIKE ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet rs = query.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    /** How many rows {@link #rows} finds, or -1 while the database is away (the suite then keeps waiting). */
    int rowCount(String prefix) {
        try {
            return rows(prefix).size();
        } catch (SQLException away) {
            return -1;
        }
    }

    /** Committed records per key on {@code news-articles-enriched} whose key starts with {@code prefix}. */
    Map<String, Integer> enrichedCopies(String prefix) {
        Map<String, Integer> copies = new HashMap<>();
        readAll(Topics.ARTICLES_ENRICHED, record -> {
            if (record.key() != null) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                if (key.startsWith(prefix)) {
                    copies.merge(key, 1, Integer::sum);
                }
            }
        });
        return copies;
    }

    /** Committed records on {@code news-dlq}. */
    long deadLetters() {
        long[] count = {0};
        readAll(Topics.DLQ, record -> count[0]++);
        return count[0];
    }

    /** Reads {@code topic} from the beginning to its last stable offset, committed records only, without a group. */
    private void readAll(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Set<TopicPartition> open = new HashSet<>(partitions);
            open.removeIf(tp -> consumer.position(tp, Duration.ofSeconds(30)) >= ends.get(tp));
            while (!open.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
                open.removeIf(tp -> consumer.position(tp, Duration.ofSeconds(30)) >= ends.get(tp));
            }
        }
    }
}
