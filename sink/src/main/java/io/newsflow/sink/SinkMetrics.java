package io.newsflow.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsflow.schemas.MeterNames;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The sink's meters, on Micrometer's global registry (a facade like SLF4J: whoever runs the sink decides where the
 * numbers go; the {@code newsflow sink} command adds a Prometheus registry). Exports the consumer's and the
 * dead-letter producer's own Kafka metrics ({@link KafkaClientMetrics}: consumer lag, fetch and send rates) while it
 * is open. One instance per sink; the stage counters are shared by every sink of the process.
 */
final class SinkMetrics implements AutoCloseable {

    private final KafkaClientMetrics consumerMetrics;
    private final KafkaClientMetrics producerMetrics;

    SinkMetrics(Consumer<?, ?> consumer, Producer<?, ?> producer) {
        consumerMetrics = new KafkaClientMetrics(consumer);
        producerMetrics = new KafkaClientMetrics(producer);
        consumerMetrics.bindTo(Metrics.globalRegistry);
        producerMetrics.bindTo(Metrics.globalRegistry);
    }

    // built once, at class initialisation, so a mistake in their configuration fails the first test at once
    private static final Counter IN = counter(MeterNames.RECORDS_IN, "Enriched records read");
    private static final Counter OUT = counter(MeterNames.RECORDS_OUT, "Articles stored");
    private static final Counter DEAD_LETTERED = counter(MeterNames.RECORDS_DEAD_LETTERED, "Records sent to news-dlq");
    private static final DistributionSummary BATCH_SIZE = DistributionSummary.builder(MeterNames.SINK_BATCH_SIZE)
            .description("Records per batch, written in one database transaction")
            .tag(MeterNames.STAGE_TAG, EnrichedArticleSink.STAGE)
            .publishPercentileHistogram()
            .maximumExpectedValue(10_000.0)
            .register(Metrics.globalRegistry);
    private static final Timer COMMIT_LATENCY = Timer.builder(MeterNames.SINK_COMMIT_LATENCY)
            .description("Writing a batch, acknowledging its dead letters and committing its offsets")
            .tag(MeterNames.STAGE_TAG, EnrichedArticleSink.STAGE)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(Metrics.globalRegistry);

    /** Records one committed batch: what it held and how long writing, dead-lettering and committing took. */
    void committed(int read, int stored, int deadLettered, long nanos) {
        IN.increment(read);
        OUT.increment(stored);
        DEAD_LETTERED.increment(deadLettered);
        BATCH_SIZE.record(read);
        COMMIT_LATENCY.record(Duration.ofNanos(nanos));
    }

    private static Counter counter(String name, String description) {
        return Counter.builder(name)
                .description(description)
                .tag(MeterNames.STAGE_TAG, EnrichedArticleSink.STAGE)
                .register(Metrics.globalRegistry);
    }

    @Override
    public void close() {
        consumerMetrics.close();
        producerMetrics.close();
    }
}
