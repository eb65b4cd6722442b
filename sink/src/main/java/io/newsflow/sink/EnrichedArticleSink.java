package io.newsflow.sink;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes {@link Topics#ARTICLES_ENRICHED} (or, for a test or a subset, another topic of {@code EnrichedArticle}
 * records such as a {@code news-topic-<id>}) and writes the articles to an {@link ArticleStore}.
 *
 * <p>Each poll: deserialise every record itself (the consumer reads raw bytes, so a poison pill cannot stall the
 * group), write the good ones in one transaction ({@link ArticleStore#writeAll}), send the undecodable ones to
 * {@link Topics#DLQ} as {@link DeadLetter}s with source topic, partition, offset, original key, value and headers and
 * the error, wait for the dead letters to be acknowledged, then {@code commitSync} the offsets. Auto-commit is off
 * and {@code isolation.level=read_committed} (the enricher writes transactionally), so delivery is at-least-once and
 * the idempotent store makes a redelivery harmless.
 *
 * <p>Failures that are not the record's fault are never dead-lettered. An outage (the broker, the registry or the
 * database away: {@link #isTransient}) puts the consumer back at the start of the batch without committing, marks the
 * sink unhealthy ({@link #health()}, logged once), waits with exponential back-off (0.5 s doubling to 30 s) and tries
 * the batch again, for as long as it takes; the sink recovers by itself when the outage ends. Any other failure (a
 * refusal by the database, a bug) ends the run with the exception, also without committing, so the batch is read
 * again after a restart.
 *
 * <p>Rebalances: the loop writes and commits each batch before the next poll, and a partition can only be revoked
 * inside a poll, so a revoked partition never has written-but-uncommitted rows or uncommitted-but-unwritten offsets.
 * A commit refused because the group rebalanced meanwhile ({@link CommitFailedException},
 * {@link RebalanceInProgressException}) leaves rows written and offsets not committed: the partition's next owner
 * reads those records again and rewrites the same rows (the store is idempotent and never puts an older version
 * back), so the sink logs it and carries on.
 *
 * <p>Threading: {@link #run()} or {@link #runUntil} on one thread; {@link #shutdown()} from any thread makes it
 * return; {@link #close()} afterwards, on any thread. The store is the caller's: it is not closed here.
 */
public final class EnrichedArticleSink implements Runnable, AutoCloseable {

    /** DeadLetter stage of this component. */
    public static final String STAGE = "sink";

    private final Consumer<byte[], byte[]> consumer;
    /** The logging context (MDC) key holding the id of the article a log line is about, as the enricher's. */
    public static final String ARTICLE_ID_MDC = "articleId";

    private final String topic;
    private final Deserializer<EnrichedArticle> deserializer;
    private final Producer<byte[], DeadLetter> deadLetters;
    private final ArticleStore store;
    private final Duration pollTimeout;
    private final Clock clock;
    private final SinkMetrics metrics;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichedArticleSink.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private volatile boolean shuttingDown;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private volatile SinkHealth health = SinkHealth.ok();
    private boolean subscribed;
    private long stored;
    private long deadLettered;
    private long polls;
    private long commitsRefused;

    /** A sink of {@link Topics#ARTICLES_ENRICHED}; see {@link #EnrichedArticleSink(Consumer, String, Deserializer,
     * Producer, ArticleStore, Duration, Clock)}. */
    public EnrichedArticleSink(
            Consumer<byte[], byte[]> consumer,
            Deserializer<EnrichedArticle> deserializer,
            Producer<byte[], DeadLetter> deadLetters,
            ArticleStore store,
            Duration pollTimeout,
            Clock clock) {
        this(consumer, Topics.ARTICLES_ENRICHED, deserializer, deadLetters, store, pollTimeout, clock);
    }

    /**
     * @param consumer     raw consumer; owned (closed) by this sink; its group and isolation are the caller's choice
     * @param topic        the topic of {@code EnrichedArticle} records to store
     * @param deserializer turns the value bytes into an article; throws for a poison pill
     * @param deadLetters  producer for {@link Topics#DLQ}; owned (closed) by this sink
     * @param store        where articles go; not closed by this sink
     * @param pollTimeout  how long one poll waits
     * @param clock        measures idleness
     */
    public EnrichedArticleSink(
            Consumer<byte[], byte[]> consumer,
            String topic,
            Deserializer<EnrichedArticle> deserializer,
            Producer<byte[], DeadLetter> deadLetters,
            ArticleStore store,
            Duration pollTimeout,
            Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.store = Objects.requireNonNull(store, "store");
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new SinkMetrics(consumer, deadLetters);
    }

    /** A sink of {@link Topics#ARTICLES_ENRICHED} with real Kafka clients for {@code config}, writing to {@code store}. */
    public static EnrichedArticleSink create(SinkConfig config, ArticleStore store, Clock clock) {
        return create(config, Topics.ARTICLES_ENRICHED, store, clock);
    }

    /** A sink of {@code topic} (records of {@code EnrichedArticle}) with real Kafka clients for {@code config}. */
    public static EnrichedArticleSink create(SinkConfig config, String topic, ArticleStore store, Clock clock) {
        SchemaRegistryClient registry = config.registry().client(config.schemaRegistryUrl());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            KafkaProducer<byte[], DeadLetter> producer = new KafkaProducer<>(
                    producerProperties(config),
                    new ByteArraySerializer(),
                    AvroWireSerde.forValues(
                                    registry,
                                    DeadLetter.class,
                                    config.registry().autoRegister())
                            .serializer());
            return new EnrichedArticleSink(
                    consumer,
                    topic,
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

    /**
     * Consumer settings of {@link #create}: group, no auto-commit, read_committed, earliest, batch size. Public so a
     * caller building its own consumer for {@link #EnrichedArticleSink(Consumer, String, Deserializer, Producer,
     * ArticleStore, Duration, Clock)} starts from the same settings.
     */
    public static Properties consumerProperties(SinkConfig config) {
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
    public static Properties producerProperties(SinkConfig config) {
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
            consumer.subscribe(List.of(topic), new LoggingRebalanceListener());
            subscribed = true;
        }
        Instant lastRecord = clock.instant();
        Duration backoff = FIRST_BACKOFF;
        try {
            while (!shuttingDown) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                polls++;
                if (!records.isEmpty()) {
                    try {
                        handle(records);
                        lastRecord = clock.instant();
                        backoff = FIRST_BACKOFF;
                        recovered();
                    } catch (CommitFailedException | RebalanceInProgressException e) {
                        commitsRefused++;
                        LOG.warn(
                                "A written batch of {} records was not committed because the group rebalanced; its"
                                        + " partitions' next owner rewrites the same rows: {}",
                                records.count(),
                                e.toString());
                    } catch (RuntimeException e) {
                        if (!isTransient(e)) {
                            throw e;
                        }
                        unhealthy(e);
                        pause(backoff);
                        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                                ? MAX_BACKOFF
                                : backoff.multipliedBy(2);
                    }
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

    /**
     * Whether a failure is an outage to wait out rather than a refusal: a retriable Kafka error or an unreachable
     * registry ({@link DeadLetters#isTransient}), or a database outage ({@link StoreException#isTransient()}).
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException store && store.isTransient()) {
                return true;
            }
        }
        return DeadLetters.isTransient(e);
    }

    /** Whether the sink is working, or waiting out an outage, and since when; safe from any thread. */
    public SinkHealth health() {
        return health;
    }

    private void unhealthy(RuntimeException e) {
        if (health.healthy()) {
            LOG.warn("Sink unhealthy: {}; retrying the batch with back-off until it passes", e.toString());
            health = SinkHealth.unhealthy(e.toString(), clock.instant());
        } else {
            LOG.debug("Sink still unhealthy: {}", e.toString());
        }
    }

    private void recovered() {
        if (!health.healthy()) {
            // WARN like its "unhealthy" pair, so the default log level shows both ends of an outage
            LOG.warn(
                    "Sink healthy again after {}",
                    Duration.between(health.since(), clock.instant()).toMillis() + " ms");
            health = SinkHealth.ok();
        }
    }

    /** Waits {@code backoff}, or less if {@link #shutdown()} is called meanwhile. */
    private void pause(Duration backoff) {
        try {
            shutdownRequested.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shuttingDown = true;
        }
    }

    /** Logs assignment changes; nothing to flush or abandon, see the class comment. */
    private static final class LoggingRebalanceListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.info("Sink partitions revoked (every batch read from them is written): {}", partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.info("Sink partitions assigned: {}", partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            LOG.warn("Sink partitions lost without a clean revocation: {}; their records come again", partitions);
        }
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
        return new SinkProgress(
                stored, deadLettered, polls, commitsRefused, Duration.between(lastRecord, clock.instant()));
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
        long start = System.nanoTime();
        List<ArticleWrite> batch = new ArrayList<>(records.count());
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            offsets.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            // every log line about this article carries its id (the record key), JSON logs as a field
            try (MDC.MDCCloseable id = MDC.putCloseable(ARTICLE_ID_MDC, articleId(record))) {
                readOne(record, batch, pending);
            }
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
        metrics.committed(records.count(), batch.size(), pending.size(), System.nanoTime() - start);
    }

    /** Decodes one record into {@code batch}, or dead-letters it into {@code pending} when the record is bad. */
    private void readOne(
            ConsumerRecord<byte[], byte[]> record, List<ArticleWrite> batch, List<Future<RecordMetadata>> pending) {
        EnrichedArticle article;
        try {
            article = record.value() == null
                    ? null
                    : deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (!DeadLetters.isRecordFault(e)) {
                // an outage is waited out; a registry the sink cannot use (wrong path, refused credentials) ends
                // the run: both without committing, so no good record is dead-lettered or skipped
                throw e;
            }
            pending.add(deadLetter(record, e));
            return;
        }
        if (article == null) {
            pending.add(deadLetter(
                    record,
                    new IllegalArgumentException("record has no value (tombstone); an enriched article was expected")));
            return;
        }
        batch.add(new ArticleWrite(article, record.topic(), record.partition(), record.offset()));
    }

    private static String articleId(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<byte[], byte[]> record, Exception error) {
        LOG.warn(
                "Dead-lettering {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                DeadLetters.describe(error));
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
        shutdownRequested.countDown();
        consumer.wakeup();
    }

    /** Closes the consumer (leaving the group) and the dead-letter producer. Call after the run loop returned. */
    @Override
    public void close() {
        try {
            metrics.close();
            consumer.close();
        } finally {
            deadLetters.close();
        }
    }
}
