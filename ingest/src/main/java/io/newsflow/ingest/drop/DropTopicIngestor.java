package io.newsflow.ingest.drop;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.ArticleTooLargeException;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop-topic service: consumes {@link Topics#INGEST} and turns every record, exactly once, into either a
 * {@link RawArticle} on {@link Topics#ARTICLES_RAW} (keyed by article id) or a {@link DeadLetter} on
 * {@link Topics#DLQ} (keyed by the original key; original key, value and headers, source topic, partition and offset,
 * and the reason). {@link DropRecordReader} decides which, and says what formats are accepted.
 *
 * <h2>Exactly once</h2>
 * Consume-transform-produce: each non-empty poll is one transaction of a transactional producer
 * ({@code transactional.id} = {@link IngestConfig#TRANSACTIONAL_ID}) holding the outputs of every record of the poll
 * and, through {@code sendOffsetsToTransaction(offsets, consumer.groupMetadata())}, the consumer group's offsets
 * past them. The consumer reads with {@code isolation.level=read_committed} and never auto-commits. Outputs and
 * offsets are therefore committed together or not at all: a record read again after a crash or an abort replaces
 * outputs that readers with {@code read_committed} never saw.
 *
 * <h2>Errors</h2>
 * <ul>
 *   <li>Bad input of any kind is dead-lettered; the service never stops for it.</li>
 *   <li>What another attempt may cure ({@link DeadLetters#isTransient}: a broker or registry briefly away; a failed
 *       commit, e.g. after a rebalance) aborts the transaction, puts the consumer back at the group's last committed
 *       offsets, waits {@link IngestConfig#RETRY_BACKOFF} and reads the records again. Nothing is dead-lettered for
 *       it. When even the abort fails, the producer is replaced by a new one with the same transactional id.</li>
 *   <li>What cannot get better by retrying ends {@link #run()} with a {@link DropTopicStoppedException} saying why:
 *       the producer was fenced (another instance with the same transactional id), the broker refused
 *       authorisation, the registry refused newsflow's own output schemas, or the registry cannot be used at all to
 *       read an Avro record (a wrong path, refused credentials: {@link DeadLetters.Blame#SERVICE}); nothing is
 *       dead-lettered or committed for it.</li>
 * </ul>
 *
 * <p>Threading: {@link #run()} on one thread; {@link #shutdown()} from any thread (a shutdown hook) makes it return
 * within a poll and without committing a half-handled poll; {@link #close()} after {@code run} returned.
 */
public final class DropTopicIngestor implements Runnable, AutoCloseable {

    /** DeadLetter stage of this component. */
    public static final String STAGE = "ingest-topic";

    /**
     * Largest value written, in bytes: {@link Topics#MAX_MESSAGE_BYTES} (what newsflow's topics are created to take
     * and its producers send) less 64 KiB of room for key and headers. A bigger article is dead-lettered.
     */
    public static final int MAX_OUTPUT_BYTES = Topics.MAX_MESSAGE_BYTES - 64 * 1024;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration COMMITTED_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DropTopicIngestor.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final DropRecordReader reader;
    private final Serializer<RawArticle> articles;
    private final Serializer<DeadLetter> deadLetters;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final Clock clock;
    private final CountDownLatch shutdownSignal = new CountDownLatch(1);

    private volatile boolean shuttingDown;
    private volatile DropTopicProgress progress = new DropTopicProgress(0, 0, 0, 0);
    /** When the current run of aborted transactions began (null while they commit): for the health log lines. */
    private Instant unhealthySince;

    private Producer<byte[], byte[]> producer;
    private boolean subscribed;
    private final DropTopicMetrics metrics;

    /**
     * @param consumer     byte-array consumer with a group, {@code read_committed} and no auto-commit; owned
     * @param producers    makes a transactional byte-array producer, always with the same {@code transactional.id};
     *                     called once at start and again only when a producer must be replaced; each is owned
     * @param reader       turns a record into an article or a rejection
     * @param articles     serialises RawArticle values (wire format, registry)
     * @param deadLetters  serialises DeadLetter values
     * @param pollTimeout  how long one poll waits
     * @param retryBackoff pause after an aborted transaction
     * @param clock        gives {@code DeadLetter.failedAt}
     */
    public DropTopicIngestor(
            Consumer<byte[], byte[]> consumer,
            Supplier<Producer<byte[], byte[]>> producers,
            DropRecordReader reader,
            Serializer<RawArticle> articles,
            Serializer<DeadLetter> deadLetters,
            Duration pollTimeout,
            Duration retryBackoff,
            Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.producers = Objects.requireNonNull(producers, "producers");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.articles = Objects.requireNonNull(articles, "articles");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.retryBackoff = Objects.requireNonNull(retryBackoff, "retryBackoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new DropTopicMetrics(this, consumer);
    }

    /** The service with real Kafka clients and the configured registry. */
    public static DropTopicIngestor create(IngestConfig config, Clock clock) {
        return create(config, clock, () -> newProducer(config));
    }

    /**
     * The service with a real consumer and the given producers (tests wrap the real producer to stop it at a chosen
     * point).
     */
    public static DropTopicIngestor create(
            IngestConfig config, Clock clock, Supplier<Producer<byte[], byte[]>> producers) {
        SchemaRegistryClient registry = config.registry().client(config.schemaRegistryUrl());
        DropRecordReader reader = new DropRecordReader(
                new ArticleFileReader(),
                new ArticleNormaliser(clock, config),
                AvroWireSerde.forValues(registry, RawArticle.class).deserializer());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return new DropTopicIngestor(
                consumer,
                producers,
                reader,
                AvroWireSerde.forValues(
                                registry, RawArticle.class, config.registry().autoRegister())
                        .serializer(),
                AvroWireSerde.forValues(
                                registry, DeadLetter.class, config.registry().autoRegister())
                        .serializer(),
                config.dropTopic().pollTimeout(),
                config.dropTopic().retryBackoff(),
                clock);
    }

    /** A new transactional producer with the settings of {@link #producerProperties}. */
    public static Producer<byte[], byte[]> newProducer(IngestConfig config) {
        return new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Consumer settings: the group, read_committed, no auto-commit, earliest for a new group, batch size. */
    public static Properties consumerProperties(IngestConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.dropTopic().groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.clientId() + "-drop-topic-consumer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                Integer.toString(config.dropTopic().batchSize()));
        return props;
    }

    /** Producer settings: the transactional id (so idempotent, acks=all), linger from the config. */
    public static Properties producerProperties(IngestConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId() + "-drop-topic");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.dropTopic().transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(config.linger().toMillis()));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        return props;
    }

    /**
     * Consumes until {@link #shutdown()}.
     *
     * @throws DropTopicStoppedException when the service cannot go on (see the class comment)
     */
    @Override
    public void run() {
        if (!subscribed) {
            consumer.subscribe(List.of(Topics.INGEST));
            subscribed = true;
        }
        try {
            while (!shuttingDown) {
                if (producer == null && !startProducer()) {
                    continue;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                // when shutting down, an unhandled poll is left uncommitted: the group reads it again next time
                if (!records.isEmpty() && !shuttingDown) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (!shuttingDown) {
                throw e;
            }
        }
    }

    /** What was committed so far. Safe from any thread. */
    public DropTopicProgress progress() {
        return progress;
    }

    /** Makes {@link #run()} return soon, without committing a poll it has not finished. Safe from any thread. */
    public void shutdown() {
        shuttingDown = true;
        shutdownSignal.countDown();
        consumer.wakeup();
    }

    /** Closes the producer (aborting an open transaction) and the consumer (leaving the group). After run(). */
    @Override
    public void close() {
        try {
            if (producer != null) {
                producer.close(CLOSE_TIMEOUT);
                producer = null;
            }
        } finally {
            metrics.close();
            consumer.close();
        }
    }

    /** Creates the producer and registers its transactional id (fencing any older producer with the same id). */
    private boolean startProducer() {
        Producer<byte[], byte[]> created = producers.get();
        try {
            created.initTransactions();
            producer = created;
            return true;
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            if (isFatal(e) || !DeadLetters.isTransient(e)) {
                throw stopped("cannot start transactions", e);
            }
            backOff();
            return false;
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        long published = 0;
        long deadLettered = 0;
        try {
            producer.beginTransaction();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (transform(record)) {
                    published++;
                } else {
                    deadLettered++;
                }
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (DropTopicStoppedException e) {
            abandonTransaction(e);
            throw e;
        } catch (RuntimeException e) {
            if (isFatal(e)) {
                abandonTransaction(e);
                throw stopped("stopped", e);
            }
            RuntimeException abortFailure = abandonTransaction(e);
            if (abortFailure != null && isFatal(abortFailure)) {
                throw stopped("stopped", abortFailure);
            }
            rewind(records);
            DropTopicProgress p = progress;
            progress = new DropTopicProgress(p.published(), p.deadLettered(), p.committed(), p.aborted() + 1);
            if (unhealthySince == null) {
                unhealthySince = clock.instant();
                LOG.warn(
                        "news-ingest service unhealthy: {}; the transaction is aborted and the records are read again"
                                + " every {} until it passes",
                        DeadLetters.describe(e),
                        retryBackoff);
            }
            backOff();
            return;
        }
        if (unhealthySince != null) {
            LOG.warn(
                    "news-ingest service healthy again after {} ms",
                    Duration.between(unhealthySince, clock.instant()).toMillis());
            unhealthySince = null;
        }
        DropTopicProgress p = progress;
        progress = new DropTopicProgress(
                p.published() + published, p.deadLettered() + deadLettered, p.committed() + 1, p.aborted());
    }

    /** Sends the record's output; true for an article, false for a dead letter. */
    private boolean transform(ConsumerRecord<byte[], byte[]> record) {
        DropOutcome outcome;
        try {
            outcome = reader.read(record.topic(), record.partition(), record.offset(), record.key(), record.value());
        } catch (RuntimeException e) {
            if (DeadLetters.isTransient(e)) {
                throw e;
            }
            if (DeadLetters.blame(e) == DeadLetters.Blame.SERVICE) {
                throw stopped(
                        "cannot read Avro records: the schema registry cannot be used (check schema.registry.url and"
                                + " its credentials); nothing was dead-lettered or committed",
                        e);
            }
            // the reader promises not to throw for content; if it does anyway, the record still gets a dead letter
            // instead of blocking the partition forever
            outcome = new DropOutcome.Rejected(null, e.getClass().getName(), DeadLetters.describe(e), e);
        }
        if (outcome instanceof DropOutcome.Accepted accepted) {
            RawArticle article = accepted.article();
            byte[] value = encode(articles, Topics.ARTICLES_RAW, article);
            if (value.length <= MAX_OUTPUT_BYTES) {
                producer.send(new ProducerRecord<>(
                        Topics.ARTICLES_RAW, article.getArticleId().getBytes(StandardCharsets.UTF_8), value));
                return true;
            }
            outcome = new DropOutcome.Rejected(
                    accepted.format(),
                    ArticleTooLargeException.class.getName(),
                    "the article is " + value.length + " bytes long as a RawArticle; at most " + MAX_OUTPUT_BYTES
                            + " fit on " + Topics.ARTICLES_RAW,
                    null);
        }
        DropOutcome.Rejected rejected = (DropOutcome.Rejected) outcome;
        DeadLetter letter = deadLetter(record, rejected);
        Headers headers = DeadLetters.headersFor(letter);
        byte[] value = encode(deadLetters, Topics.DLQ, letter);
        boolean huge = record.value() != null
                && (isTooLarge(rejected)
                        || record.value().length > Rejection.MAX_WHOLE_ORIGINAL_BYTES
                        || value.length > MAX_OUTPUT_BYTES);
        if (huge) {
            letter = slim(letter, record);
            headers = DeadLetters.headersFor(letter);
            headers.add(ArticlePublisher.HEADER_ORIGINAL_SIZE, utf8(Integer.toString(record.value().length)));
            headers.add(ArticlePublisher.HEADER_ORIGINAL_SHA256, utf8(sha256(record.value())));
            value = encode(deadLetters, Topics.DLQ, letter);
        }
        byte[] key = letter.getKey() == null ? null : record.key();
        producer.send(new ProducerRecord<>(Topics.DLQ, null, null, key, value, headers));
        return false;
    }

    private static boolean isTooLarge(DropOutcome.Rejected rejected) {
        return rejected.error() instanceof ArticleTooLargeException
                || ArticleTooLargeException.class.getName().equals(rejected.errorClass());
    }

    /**
     * The slim dead letter of a record too large to copy whole, as ingest's other sources make it
     * ({@link Rejection#slim()}): the first {@value Rejection#SLIM_KEPT_BYTES} bytes of the value, its size and
     * SHA-256 in the reason (and in headers), no stack trace, the key only when it is small; the whole record stays
     * on {@code news-ingest} at the offset the letter names.
     */
    private static DeadLetter slim(DeadLetter letter, ConsumerRecord<byte[], byte[]> record) {
        byte[] original = record.value();
        byte[] key = record.key();
        return DeadLetter.newBuilder(letter)
                .setStackTrace(null)
                .setKey(key == null || key.length > Rejection.SLIM_KEPT_BYTES ? null : ByteBuffer.wrap(key))
                .setValue(
                        ByteBuffer.wrap(Arrays.copyOf(original, Math.min(original.length, Rejection.SLIM_KEPT_BYTES))))
                .setErrorMessage(letter.getErrorMessage() + " [original: " + original.length + " bytes, SHA-256 "
                        + sha256(original) + "; this dead letter keeps its first " + Rejection.SLIM_KEPT_BYTES
                        + " bytes; the whole record is still at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + "]")
                .build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, DropOutcome.Rejected rejected) {
        Throwable error = rejected.error() != null ? rejected.error() : new IllegalArgumentException(rejected.reason());
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
        if (rejected.error() != null) {
            return letter;
        }
        // found without an exception (a parser's rejection): its class and reason, no meaningless stack trace
        return DeadLetter.newBuilder(letter)
                .setErrorClass(rejected.errorClass())
                .setErrorMessage(rejected.reason())
                .setStackTrace(null)
                .build();
    }

    private static <T> byte[] encode(Serializer<T> serializer, String topic, T value) {
        try {
            return serializer.serialize(topic, value);
        } catch (RuntimeException e) {
            if (DeadLetters.isTransient(e)) {
                throw e;
            }
            throw stopped(
                    "cannot write to " + topic + ": the schema registry refuses newsflow's own schema (check the"
                            + " subject " + topic + "-value and its compatibility level)",
                    e);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            offsets.put(
                    partition,
                    new OffsetAndMetadata(
                            inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /**
     * Aborts the open transaction; when the cause is fatal or the abort fails too, closes the producer so that a new
     * one takes over (its {@code initTransactions} aborts whatever this one left open).
     *
     * @return the abort's own failure, or null
     */
    private RuntimeException abandonTransaction(RuntimeException cause) {
        if (producer == null) {
            return null;
        }
        RuntimeException abortFailure = null;
        if (!isFatal(cause)) {
            try {
                producer.abortTransaction();
                return null;
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
                abortFailure = e;
            }
        }
        try {
            producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        producer = null;
        return abortFailure;
    }

    /**
     * Puts every partition of an unfinished poll back at the group's last committed offset (or, for a partition the
     * group never committed, at the poll's first record), so the next poll reads those records again.
     */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        Set<TopicPartition> partitions = records.partitions();
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = consumer.committed(partitions, COMMITTED_TIMEOUT);
        } catch (WakeupException e) {
            if (shuttingDown) {
                return; // closing without a commit: the next owner starts from the committed offsets anyway
            }
            throw e;
        } catch (RuntimeException e) {
            committed = Map.of();
        }
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata last = committed.get(partition);
            long offset = last != null
                    ? last.offset()
                    : records.records(partition).get(0).offset();
            try {
                consumer.seek(partition, offset);
            } catch (IllegalStateException e) {
                // no longer assigned after a rebalance: its new owner starts from the committed offset
            }
        }
    }

    private void backOff() {
        try {
            shutdownSignal.await(retryBackoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
        }
    }

    /** Errors after which this producer can do nothing more: retrying would fail the same way. */
    static boolean isFatal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException
                    || t instanceof FencedInstanceIdException
                    || t instanceof OutOfOrderSequenceException
                    || t instanceof AuthorizationException
                    || t instanceof UnsupportedVersionException) {
                return true;
            }
        }
        return false;
    }

    private static DropTopicStoppedException stopped(String what, Throwable e) {
        String hint = e instanceof ProducerFencedException || e.getCause() instanceof ProducerFencedException
                ? " (another instance uses the same " + IngestConfig.TRANSACTIONAL_ID.name()
                        + "; give every running instance its own)"
                : "";
        return new DropTopicStoppedException("news-ingest service " + what + hint + ": " + DeadLetters.describe(e), e);
    }
}
