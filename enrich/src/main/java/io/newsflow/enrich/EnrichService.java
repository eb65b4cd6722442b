package io.newsflow.enrich;

import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.TopicCreation;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enricher: wires {@link EnrichConfig} into Kafka Streams properties and starts the topology built by
 * {@link EnrichTopology}. Exactly-once ({@code exactly_once_v2}). Nothing else lives here, so there is nothing here a
 * topology test would miss.
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    /** How long {@link #close()} waits for the stream threads: bounded, so SIGTERM ends the process in seconds. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    private final LiveTaxonomy taxonomy;
    private final List<AutoCloseable> clients;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean closing;

    private EnrichService(KafkaStreams streams, LiveTaxonomy taxonomy, List<AutoCloseable> clients) {
        this.streams = streams;
        this.taxonomy = taxonomy;
        this.clients = clients;
    }

    /**
     * Creates the missing {@code news-topic-<id>} of every topic id, with {@code enrich.topic.partitions} partitions
     * (by default as many as {@code news-articles-enriched} has). Call it before {@link #start}: Kafka Streams does
     * not create the topics it writes to, and a write to a missing topic blocks the task.
     *
     * @return the topics created now
     * @throws IllegalStateException when the broker does not answer, or the partition count cannot be found
     */
    public static Set<String> createMissingTopicTopics(EnrichConfig config, Collection<String> topicIds) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            int partitions = config.topicPartitions() > 0
                    ? config.topicPartitions()
                    : TopicCreation.partitionsOf(admin, Topics.ARTICLES_ENRICHED);
            Set<String> created =
                    TopicCreation.ensureGeoTopics(admin, topicIds, partitions, (short) config.replicationFactor());
            if (!created.isEmpty()) {
                LOG.info("Created {} per-topic topic(s) with {} partitions: {}", created.size(), partitions, created);
            }
            // the enricher makes sure these topics exist, so it sets their subjects up too (idempotent: a registered
            // contract is found again, not versioned again); see docs/adr/0020
            SchemaSetup.apply(
                    EnrichRegistry.client(config),
                    topicIds.stream().map(Topics::forGeoTopic).toList());
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot create the per-topic topics news-topic-<id> on " + config.bootstrapServers() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the per-topic topics", e);
        }
    }

    /**
     * Builds the topology and starts it; returns at once (see {@link #awaitRunning}). The output topics must exist
     * (see {@link #createMissingTopicTopics}). Besides the Streams client it
     * opens an idempotent producer for refused taxonomy documents ({@link ProducerTaxonomyDeadLetters}) and an admin
     * client that creates the {@code news-topic-<id>} topics of topic ids a new taxonomy version adds.
     */
    public static EnrichService start(EnrichConfig config, EnrichSerdes serdes, ArticleEnricher enricher) {
        ProducerTaxonomyDeadLetters deadLetters = new ProducerTaxonomyDeadLetters(
                config.bootstrapServers(),
                config.applicationId() + "-taxonomy-dlq",
                serdes.deadLetters().serializer());
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
        SchemaRegistryClient registry = EnrichRegistry.client(config);
        LiveTaxonomy taxonomy = new LiveTaxonomy(
                enricher.builtInTaxonomy(), deadLetters, t -> createOutputTopics(admin, registry, t, config));
        OutputTopicLimit outputLimit = OutputTopicLimit.watch(admin);
        Topology topology = EnrichTopology.build(
                serdes, enricher, taxonomy, Clock.systemUTC(), config.trends(), config.dedup(), outputLimit);
        Properties properties = streamsProperties(config);
        properties.put(
                DeadLetteringProductionHandler.DEAD_LETTER_SERIALIZER,
                serdes.deadLetters().serializer());
        KafkaStreams streams = new KafkaStreams(topology, properties);
        EnrichService service = new EnrichService(
                streams, taxonomy, List.of(deadLetters, outputLimit, admin, EnrichMetrics.bind(streams)));
        service.streams.setStateListener((now, before) -> {
            LOG.info("Enricher state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                service.running.countDown();
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                service.running.countDown();
                service.stopped.countDown();
            }
        });
        StreamThreadFailures threadFailures = StreamThreadFailures.forService(outputLimit::refresh);
        service.streams.setUncaughtExceptionHandler(e -> {
            StreamThreadExceptionResponse response = threadFailures.handle(e);
            if (response != StreamThreadExceptionResponse.REPLACE_THREAD) {
                service.failure = new IllegalStateException(threadFailures.stopReason(), e);
                service.running.countDown();
            }
            return response;
        });
        // KafkaStreams.start() blocks until the taxonomy global store is restored (KAFKA-7380), which with a broker
        // away lasts until task.timeout.ms; this method promises to return at once, so a thread of its own starts it.
        Thread starter = new Thread(
                () -> {
                    try {
                        service.streams.start();
                    } catch (RuntimeException e) {
                        if (service.closing) {
                            return; // closed before or while starting: not a failure
                        }
                        LOG.error("The enricher could not start", e);
                        service.failure = e;
                        service.running.countDown();
                        service.stopped.countDown();
                    }
                },
                "newsflow-enrich-start");
        starter.setDaemon(true);
        starter.start();
        return service;
    }

    private static void createOutputTopics(
            Admin admin, SchemaRegistryClient registry, Taxonomy taxonomy, EnrichConfig config) {
        try {
            List<String> created = GeoTopicOutputs.ensure(admin, taxonomy.topicIds(), config.replicationFactor());
            if (!created.isEmpty()) {
                LOG.info("Created the output topics {} of taxonomy {}", created, taxonomy.name());
            }
            // a new version's topics may have been created by 'newsflow taxonomy publish': set their subjects up here
            SchemaSetup.apply(
                    registry,
                    taxonomy.topicIds().stream().map(Topics::forGeoTopic).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while creating the output topics of taxonomy {}", taxonomy.name(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // tagging goes on with the new version; only routing to a missing topic would fail, and say so
            LOG.error("Could not create the output topics of taxonomy {}", taxonomy.name(), e);
        }
    }

    /** The Kafka Streams properties the config stands for. */
    static Properties streamsProperties(EnrichConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        // carry the largest article ingest accepts, enriched, as the topics do (the producer default is 1 MiB)
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Topics.MAX_MESSAGE_BYTES);
        // The taxonomy global store's processor catches its own failures as verdicts; opting in now is what Kafka 5.0
        // will do anyway, and it silences a start-up warning.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // an output record the broker refuses (too large) becomes a dead letter instead of stopping the client
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProductionHandler.class);
        // set, not left to the default, because EnrichRegistry bounds the registry calls made inside a transaction
        // below it
        p.put(
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                EnrichRegistry.TRANSACTION_TIMEOUT_MS);
        return p;
    }

    /**
     * Waits until the application is RUNNING.
     *
     * @throws IllegalStateException when it failed or did not get there in time
     */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || failure != null || stopped.getCount() == 0) {
            throw new IllegalStateException(
                    "The enricher did not reach RUNNING within " + timeout + " (state " + streams.state() + ")"
                            + (failure == null ? "" : ": " + failure),
                    failure);
        }
    }

    /**
     * Blocks until the client has stopped for good: after {@link #close()} (from any thread, e.g. a shutdown hook), or
     * after a stream thread failed and the client shut itself down ({@link #failure()} then says why).
     */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Why the client shut itself down, if a stream thread failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** The taxonomy the enricher tags the next article with. */
    public Taxonomy taxonomy() {
        return taxonomy.current();
    }

    /** Exact duplicates not published since this client started, over all its threads. */
    public long exactDuplicatesDropped() {
        return counter(Deduplication.EXACT_DUPLICATES);
    }

    /** Near-duplicates published with {@code duplicateOf} since this client started, over all its threads. */
    public long nearDuplicatesMarked() {
        return counter(Deduplication.NEAR_DUPLICATES);
    }

    private long counter(String operation) {
        return (long) streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("stream-" + Deduplication.METRICS_SCOPE + "-metrics"))
                .filter(e -> e.getKey().name().equals(operation + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops the client and its side clients. While the taxonomy store is still being restored at start-up, Kafka
     * Streams cannot be closed (KAFKA-10317). Either way this waits at most {@link #CLOSE_TIMEOUT} for the stream
     * threads, so a SIGTERM ends the process within seconds whatever the broker is doing.
     */
    @Override
    public void close() {
        closing = true;
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn(
                    "The enricher's stream threads did not stop within {}; exiting anyway (the open transaction is"
                            + " aborted by the broker when its timeout passes, nothing committed is lost)",
                    CLOSE_TIMEOUT);
        }
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.warn("Could not close {}", client, e);
            }
        }
    }
}
