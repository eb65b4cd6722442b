package io.newsflow.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
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

    /** Records one committed batch: what it held and how long writing, dead-lettering and committing took. */
    void committed(int read, int stored, int deadLettered, long nanos) {
        MeterRegistry registry = Metrics.globalRegistry;
        counter(registry, MeterNames.RECORDS_IN, "Enriched records read").increment(read);
        counter(registry, MeterNames.RECORDS_OUT, "Articles stored").increment(stored);
        counter(registry, MeterNames.RECORDS_DEAD_LETTERED, "Records sent to news-dlq")
                .increment(deadLettered);
        DistributionSummary.builder(MeterNames.SINK_BATCH_SIZE)
                .description("Records per batch, written in one database transaction")
                .publishPercentileHistogram()
                .maximumExpectedValue(10_000.0)
                .register(registry)
                .record(read);
        Timer.builder(MeterNames.SINK_COMMIT_LATENCY)
                .description("Writing a batch, acknowledging its dead letters and committing its offsets")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name)
                .description(description)
                .tag(MeterNames.STAGE_TAG, EnrichedArticleSink.STAGE)
                .register(registry);
    }

    @Override
    public void close() {
        consumerMetrics.close();
        producerMetrics.close();
    }
}
