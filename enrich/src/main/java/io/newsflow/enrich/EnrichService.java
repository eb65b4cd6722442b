package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    private EnrichService(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Builds the topology and starts it; returns at once (see {@link #awaitRunning}). */
    public static EnrichService start(EnrichConfig config, EnrichSerdes serdes, ArticleEnricher enricher) {
        Topology topology = EnrichTopology.build(serdes, enricher, Clock.systemUTC());
        EnrichService service = new EnrichService(new KafkaStreams(topology, streamsProperties(config)));
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
        service.streams.setUncaughtExceptionHandler(e -> {
            StreamThreadExceptionResponse response = responseTo(e);
            if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
                LOG.warn("Enricher stream thread failed transiently; a new thread retries from the last commit", e);
            } else {
                LOG.error("Enricher stream thread failed; shutting the client down", e);
                service.failure = e;
                service.running.countDown();
            }
            return response;
        });
        service.streams.start();
        return service;
    }

    /**
     * What a failed stream thread leads to. The processor rethrows transient failures (a broker or registry briefly
     * away) instead of dead-lettering them; a replacement thread retries the record from the last committed offset
     * (exactly-once: the failed transaction is aborted). Anything else stops the client.
     */
    static StreamThreadExceptionResponse responseTo(Throwable error) {
        return DeadLetters.isTransient(error)
                ? StreamThreadExceptionResponse.REPLACE_THREAD
                : StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
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
        // We have no global state; opting in now is what Kafka 5.0 will do anyway, and it silences a start-up warning.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
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

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
