package io.newsflow.ingest;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends ingested articles to {@link Topics#ARTICLES_RAW} (keyed by article id) and rejections to {@link Topics#DLQ}
 * as {@link DeadLetter}s.
 *
 * <p>Two producers, one per value type, because the value serializer is typed; both are idempotent with
 * {@code acks=all}. {@link #create} builds the real ones; the constructor takes any {@link Producer} (tests pass
 * Kafka's {@code MockProducer}). Sends are asynchronous: the returned futures complete when the broker acknowledges;
 * {@link #flush()} waits for all of them. {@link #close()} flushes and closes both producers.
 *
 * <p>Dead letters are built by {@link DeadLetters}, like every stage's, and carry its context headers
 * ({@code newsflow.dlq.*}), so tools can filter without decoding the value.
 *
 * <p>Thread-safe (Kafka producers are).
 */
public final class ArticlePublisher implements AutoCloseable {

    /** The logging context (MDC) key holding the id of the article a log line is about, as the enricher's. */
    public static final String ARTICLE_ID_MDC = "articleId";

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

    /** DeadLetter stage for files named directly. */
    public static final String STAGE_FILE = "ingest-file";
    /** DeadLetter stage for files found in a directory. */
    public static final String STAGE_FOLDER = "ingest-folder";

    private final Producer<String, RawArticle> articles;
    private final Producer<String, DeadLetter> deadLetters;
    private final Clock clock;

    /**
     * @param articles    producer for RawArticle values; owned (closed) by this publisher
     * @param deadLetters producer for DeadLetter values; owned (closed) by this publisher
     * @param clock       gives {@code DeadLetter.failedAt}
     */
    public ArticlePublisher(
            Producer<String, RawArticle> articles, Producer<String, DeadLetter> deadLetters, Clock clock) {
        this.articles = Objects.requireNonNull(articles, "articles");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Real Kafka producers for {@code config}, values in the Confluent wire format via the configured registry. */
    public static ArticlePublisher create(IngestConfig config, Clock clock) {
        SchemaRegistryClient registry = config.registry().client(config.schemaRegistryUrl());
        KafkaProducer<String, RawArticle> articles = new KafkaProducer<>(
                producerProperties(config, "articles"),
                new StringSerializer(),
                AvroWireSerde.forValues(
                                registry, RawArticle.class, config.registry().autoRegister())
                        .serializer());
        try {
            KafkaProducer<String, DeadLetter> deadLetters = new KafkaProducer<>(
                    producerProperties(config, "dlq"),
                    new StringSerializer(),
                    AvroWireSerde.forValues(
                                    registry,
                                    DeadLetter.class,
                                    config.registry().autoRegister())
                            .serializer());
            return new ArticlePublisher(articles, deadLetters, clock);
        } catch (RuntimeException e) {
            articles.close();
            throw e;
        }
    }

    /** Header of a slim dead letter: size in bytes of the whole original item. */
    public static final String HEADER_ORIGINAL_SIZE = "newsflow.dlq.original.size";
    /** Header of a slim dead letter: SHA-256 (hex) of the whole original item. */
    public static final String HEADER_ORIGINAL_SHA256 = "newsflow.dlq.original.sha256";

    /**
     * The producer settings {@link #create} uses: the {@code ingest.kafka.*} pass-through settings (security, SASL,
     * SSL, compression, ...) first, then newsflow's own, which they cannot override: idempotent, {@code acks=all},
     * {@code max.request.size} = {@link Topics#MAX_MESSAGE_BYTES}, linger from the config; compression {@code lz4}
     * unless {@code ingest.kafka.compression.type} says otherwise.
     */
    public static Properties producerProperties(IngestConfig config, String purpose) {
        Properties props = new Properties();
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putAll(config.kafka());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId() + "-" + purpose);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(config.linger().toMillis()));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        return props;
    }

    /**
     * Sends the article to {@link Topics#ARTICLES_RAW}, keyed by its article id. Every line logged while it is handed
     * to the producer (serializing it, looking its schema up) carries the id under {@value #ARTICLE_ID_MDC}.
     */
    public Future<RecordMetadata> publish(RawArticle article) {
        try (MDC.MDCCloseable id = MDC.putCloseable(ARTICLE_ID_MDC, article.getArticleId())) {
            LOG.debug("Publishing article to {}", Topics.ARTICLES_RAW);
            return articles.send(new ProducerRecord<>(Topics.ARTICLES_RAW, article.getArticleId(), article));
        }
    }

    /**
     * Sends the rejection to {@link Topics#DLQ} with its original bytes, reason and origin, without a key. A slim
     * rejection (see {@link Rejection#slim()}), and any whose original is over
     * {@link Rejection#MAX_WHOLE_ORIGINAL_BYTES}, keeps only the first bytes of the original and carries the whole
     * original's size and SHA-256 in the reason and in the headers {@value #HEADER_ORIGINAL_SIZE} and
     * {@value #HEADER_ORIGINAL_SHA256}.
     *
     * @param stage {@link #STAGE_FILE}, {@link #STAGE_FOLDER} or another source's stage name
     */
    public Future<RecordMetadata> deadLetter(Rejection rejection, String stage) {
        Rejection sent = rejection.slimIfHuge();
        DeadLetter letter = toDeadLetter(sent, stage, clock);
        Headers headers = DeadLetters.headersFor(letter);
        if (sent.truncated() != null) {
            headers.add(
                    HEADER_ORIGINAL_SIZE,
                    Long.toString(sent.truncated().originalSize()).getBytes(StandardCharsets.UTF_8));
            headers.add(HEADER_ORIGINAL_SHA256, sent.truncated().sha256().getBytes(StandardCharsets.UTF_8));
        }
        return deadLetters.send(new ProducerRecord<>(Topics.DLQ, null, null, null, letter, headers));
    }

    /** The DeadLetter value for a rejection. */
    static DeadLetter toDeadLetter(Rejection rejection, String stage, Clock clock) {
        return DeadLetters.fromOrigin(
                stage,
                rejection.origin().toString(),
                rejection.originalBytes(),
                rejection.errorClass(),
                rejection.reason(),
                clock.instant());
    }

    /**
     * Fetches the partitions of {@link Topics#ARTICLES_RAW} and {@link Topics#DLQ} now, instead of at the first send:
     * for a caller that wants the connection made before it starts (the benchmark does, as its bare-producer baseline
     * does). Waits up to the producers' {@code max.block.ms}.
     */
    public void connect() {
        articles.partitionsFor(Topics.ARTICLES_RAW);
        deadLetters.partitionsFor(Topics.DLQ);
    }

    /** Blocks until every record sent so far is acknowledged or has failed. */
    public void flush() {
        articles.flush();
        deadLetters.flush();
    }

    /** Flushes, then closes both producers. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                articles.close();
            } finally {
                deadLetters.close();
            }
        }
    }
}
