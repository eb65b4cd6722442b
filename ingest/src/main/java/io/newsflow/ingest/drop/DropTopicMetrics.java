package io.newsflow.ingest.drop;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsflow.schemas.MeterNames;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The drop-topic service's meters, on Micrometer's global registry (a facade like SLF4J: the {@code newsflow ingest
 * --from-topic} command adds a Prometheus registry). The stage counters read the service's committed
 * {@link DropTopicProgress}, so they count what is durably published or dead-lettered, not attempts; the consumer's
 * own Kafka metrics ({@link KafkaClientMetrics}, with the lag of {@code news-ingest}) are exported while it is open.
 */
final class DropTopicMetrics implements AutoCloseable {

    private final MeterRegistry registry = Metrics.globalRegistry;
    private final KafkaClientMetrics consumerMetrics;
    private final List<Meter> meters;

    DropTopicMetrics(DropTopicIngestor service, Consumer<?, ?> consumer) {
        consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        meters = List.of(
                counter(
                        service,
                        MeterNames.RECORDS_IN,
                        "Drop records read and committed",
                        p -> p.published() + p.deadLettered()),
                counter(service, MeterNames.RECORDS_OUT, "Articles published to news-articles-raw", p -> p.published()),
                counter(service, MeterNames.RECORDS_DEAD_LETTERED, "Records sent to news-dlq", p -> p.deadLettered()));
    }

    private Meter counter(
            DropTopicIngestor service, String name, String description, ToDoubleFunction<DropTopicProgress> count) {
        return FunctionCounter.builder(name, service, s -> count.applyAsDouble(s.progress()))
                .description(description)
                .tag(MeterNames.STAGE_TAG, DropTopicIngestor.STAGE)
                .register(registry);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        consumerMetrics.close();
    }
}
