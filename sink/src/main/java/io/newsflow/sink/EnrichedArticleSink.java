package io.newsflow.sink;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Consumes {@link Topics#ARTICLES_ENRICHED} and writes the articles to an {@link ArticleStore}.
 *
 * <p>Each poll: deserialise every record itself (the consumer reads raw bytes, so a poison pill cannot stall the
 * group), write the good ones in one transaction ({@link ArticleStore#writeAll}), send the undecodable ones to
 * {@link Topics#DLQ} as {@link DeadLetter}s with source topic, partition, offset, original key, value and headers and
 * the error, wait for the dead letters to be acknowledged, then {@code commitSync} the offsets. Auto-commit is off
 * and {@code isolation.level=read_committed} (the enricher writes transactionally), so delivery is at-least-once and
 * the idempotent store makes a redelivery harmless.
 *
 * <p>Failures that are not the record's fault are not dead-lettered: an unreachable schema registry, a database
 * error or an unacknowledged dead letter ends the run with the exception, without committing, and puts the consumer
 * back at the start of the batch, so the batch is read again by the next {@link #runUntil} or after a restart.
 *
 * <p>Threading: {@link #run()} or {@link #runUntil} on one thread; {@link #shutdown()} from any thread makes it
 * return; {@link #close()} afterwards, on any thread. The store is the caller's: it is not closed here.
 */
public final class EnrichedArticleSink implements Runnable, AutoCloseable {

    /** DeadLetter stage of this component. */
    public static final String STAGE = "sink";

    private final Consumer<byte[], byte[]> consumer;
    private final Deserializer<EnrichedArticle> deserializer;
    private final Producer<byte[], DeadLetter> deadLetters;
    private final ArticleStore store;
    private final Duration pollTimeout;
    private final Clock clock;
    private volatile boolean shuttingDown;
    private boolean subscribed;
    private long stored;
    private long deadLettered;
    private long polls;

    /**
     * @param consumer     raw consumer; owned (closed) by this sink; its group and isolation are the caller's choice
     * @param deserializer turns the value bytes into an article; throws for a poison pill
     * @param deadLetters  producer for {@link Topics#DLQ}; owned (closed) by this sink
     * @param store        where articles go; not closed by this sink
     * @param pollTimeout  how long one poll waits
     * @param clock        measures idleness
     */
    public EnrichedArticleSink(
            Consumer<byte[], byte[]> consumer,
            Deserializer<EnrichedArticle> deserializer,
            Producer<byte[], DeadLetter> deadLetters,
            ArticleStore store,
            Duration pollTimeout,
            Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.store = Objects.requireNonNull(store, "store");
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A sink with real Kafka clients for {@code config}, writing to {@code store}. */
    public static EnrichedArticleSink create(SinkConfig config, ArticleStore store, Clock clock) {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(config.schemaRegistryUrl());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            KafkaProducer<byte[], DeadLetter> producer = new KafkaProducer<>(
                    producerProperties(config),
                    new ByteArraySerializer(),
                    AvroWireSerde.forValues(registry, DeadLetter.class).serializer());
            return new EnrichedArticleSink(
                    consumer,
                    AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer(),
                    producer,
                    store,
                    config.pollTimeout(),
                    clock);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Consumer settings of {@link #create}: group, no auto-commit, read_committed, earliest, batch size. */
    static Properties consumerProperties(SinkConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.clientId() + "-consumer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.batchSize()));
        return props;
    }

    /**
     * Dead-letter producer settings of {@link #create}: idempotent, acks=all, {@code max.request.size} of
     * {@link Topics#MAX_MESSAGE_BYTES} so a dead letter holding the largest article fits.
     */
    static Properties producerProperties(SinkConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId() + "-dlq");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        return props;
    }

    /** Runs until {@link #shutdown()}. */
    @Override
    public void run() {
        runUntil(progress -> false);
    }

    /**
     * Polls and stores until {@code stop} is true after a poll, or until {@link #shutdown()}.
     *
     * @return the counts of this sink so far (cumulative over calls)
     */
    public SinkProgress runUntil(Predicate<SinkProgress> stop) {
        if (!subscribed) {
            consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED));
            subscribed = true;
        }
        Instant lastRecord = clock.instant();
        try {
            while (!shuttingDown) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                polls++;
                if (!records.isEmpty()) {
                    handle(records);
                    lastRecord = clock.instant();
                }
                if (stop.test(progress(lastRecord))) {
                    break;
                }
            }
        } catch (WakeupException e) {
            if (!shuttingDown) {
                throw e;
            }
        }
        return progress(lastRecord);
    }

    /** Runs until {@code count} articles have been stored by this sink, or nothing arrived for {@code idle}. */
    public SinkProgress runUntilStored(long count, Duration idle) {
        return runUntil(p -> p.stored() >= count || p.idle().compareTo(idle) >= 0);
    }

    /** Runs until nothing arrived for {@code idle}: reads what is there, then returns. */
    public SinkProgress drain(Duration idle) {
        return runUntil(p -> p.idle().compareTo(idle) >= 0);
    }

    private SinkProgress progress(Instant lastRecord) {
        return new SinkProgress(stored, deadLettered, polls, Duration.between(lastRecord, clock.instant()));
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        try {
            writeAndCommit(records);
        } catch (RuntimeException e) {
            rewind(records, e);
            throw e;
        }
    }

    /**
     * Seeks every partition of a failed batch back to its first record: the consumer's position has already moved
     * past the batch, and a later commit would otherwise skip records that were never stored.
     */
    private void rewind(ConsumerRecords<byte[], byte[]> records, RuntimeException failure) {
        for (TopicPartition partition : records.partitions()) {
            try {
                consumer.seek(partition, records.records(partition).get(0).offset());
            } catch (RuntimeException e) {
                // no longer assigned: its next owner starts from the committed offset anyway
                failure.addSuppressed(e);
            }
        }
    }

    private void writeAndCommit(ConsumerRecords<byte[], byte[]> records) {
        List<ArticleWrite> batch = new ArrayList<>(records.count());
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            offsets.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            EnrichedArticle article;
            try {
                article = record.value() == null
                        ? null
                        : deserializer.deserialize(record.topic(), record.headers(), record.value());
            } catch (RuntimeException e) {
                if (DeadLetters.isTransient(e)) {
                    throw e;
                }
                pending.add(deadLetter(record, e));
                continue;
            }
            if (article == null) {
                pending.add(deadLetter(
                        record,
                        new IllegalArgumentException(
                                "record has no value (tombstone); an enriched article was expected")));
                continue;
            }
            batch.add(new ArticleWrite(article, record.topic(), record.partition(), record.offset()));
        }
        store.writeAll(batch);
        if (!pending.isEmpty()) {
            deadLetters.flush();
            for (Future<RecordMetadata> ack : pending) {
                awaitAck(ack);
            }
        }
        consumer.commitSync(offsets);
        stored += batch.size();
        deadLettered += pending.size();
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<byte[], byte[]> record, Exception error) {
        DeadLetter letter = DeadLetters.fromRecord(
                STAGE,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                record.headers(),
                error,
                clock.instant());
        return deadLetters.send(
                new ProducerRecord<>(Topics.DLQ, null, null, record.key(), letter, DeadLetters.headersFor(letter)));
    }

    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (ExecutionException e) {
            throw new KafkaException("A dead letter was not acknowledged; offsets not committed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for dead letters to be acknowledged", e);
        }
    }

    /** Makes {@link #run()} / {@link #runUntil} return soon; safe from any thread. */
    public void shutdown() {
        shuttingDown = true;
        consumer.wakeup();
    }

    /** Closes the consumer (leaving the group) and the dead-letter producer. Call after the run loop returned. */
    @Override
    public void close() {
        try {
            consumer.close();
        } finally {
            deadLetters.close();
        }
    }
}
