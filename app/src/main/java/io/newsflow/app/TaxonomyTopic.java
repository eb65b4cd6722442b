package io.newsflow.app;

import io.newsflow.analysis.topics.InvalidTaxonomyException;
import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.analysis.topics.TaxonomyDocument;
import io.newsflow.analysis.topics.TaxonomyLedger;
import io.newsflow.enrich.GeoTopicOutputs;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What {@code newsflow taxonomy show} and {@code publish} do with the {@code news-taxonomy} topic: read it through the
 * same {@link TaxonomyLedger} as the enricher (so "in force" means the same thing), and publish a document only when
 * the enricher would accept it. Each call opens and closes its own clients.
 */
public final class TaxonomyTopic {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TaxonomyTopic() {}

    /** A record of {@code news-taxonomy} that the ledger refused. */
    public record Refusal(long offset, String key, String reason) {}

    /**
     * The state of {@code news-taxonomy} as the enricher sees it.
     *
     * @param active   the taxonomy in force
     * @param offset   offset of the record that put it in force, or -1 for the bundled one
     * @param refusals every refused record, in offset order
     */
    public record State(Taxonomy active, long offset, List<Refusal> refusals) {}

    /** What was published. */
    public record Published(Taxonomy taxonomy, RecordMetadata metadata, List<String> createdTopics) {}

    /** Reads {@code news-taxonomy} from its beginning to its end, starting from the bundled taxonomy. */
    public static State read(String bootstrapServers) {
        TaxonomyLedger ledger = new TaxonomyLedger(Taxonomy.bundled());
        long activeOffset = -1;
        List<Refusal> refusals = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.TAXONOMY, TIMEOUT);
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (assigned.isEmpty()) {
                return new State(ledger.active(), -1, refusals);
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, TIMEOUT);
            while (assigned.stream().anyMatch(tp -> consumer.position(tp, TIMEOUT) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TaxonomyLedger.Verdict verdict = ledger.offer(r.key(), r.value());
                    if (verdict instanceof TaxonomyLedger.Accepted) {
                        activeOffset = r.offset();
                    } else if (verdict instanceof TaxonomyLedger.Rejected rejected) {
                        refusals.add(new Refusal(r.offset(), r.key(), rejected.reason()));
                    }
                }
            }
        }
        return new State(ledger.active(), activeOffset, refusals);
    }

    /**
     * Validates {@code document} against what is in force on {@code news-taxonomy} and, when the enricher would accept
     * it, creates the {@code news-topic-<id>} topics of its topic ids that do not exist yet and publishes it keyed by
     * its taxonomy id (idempotent producer, {@code acks=all}).
     *
     * @param replicationFactor of topics created for new topic ids; -1 for the broker default
     * @throws InvalidTaxonomyException when the document is invalid or would not replace the taxonomy in force; nothing
     *     is published then
     */
    public static Published publish(String bootstrapServers, byte[] document, int replicationFactor)
            throws InvalidTaxonomyException, InterruptedException, ExecutionException, TimeoutException {
        Taxonomy parsed = TaxonomyDocument.parse(document);
        State state = read(bootstrapServers);
        Taxonomy next = TaxonomyLedger.check(state.active(), parsed.id(), document);
        List<String> created;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            created = GeoTopicOutputs.ensure(admin, next.topicIds(), replicationFactor);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "newsflow-taxonomy-publish"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            RecordMetadata md = producer.send(new ProducerRecord<>(Topics.TAXONOMY, next.id(), document))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Published(next, md, created);
        }
    }
}
