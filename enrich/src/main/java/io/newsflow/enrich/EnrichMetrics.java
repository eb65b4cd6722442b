package io.newsflow.enrich;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newsflow.schemas.MeterNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The enricher's meters, on Micrometer's global registry: Micrometer is a facade like SLF4J, so the enricher records
 * and whoever runs it decides where the numbers go (the {@code newsflow enrich} command adds a Prometheus registry;
 * with none added, recording costs next to nothing). Per-article meters are recorded by {@link EnrichProcessor};
 * {@link #bind} exports the Streams client's own metrics ({@link KafkaStreamsMetrics}: consumer lag, end-to-end
 * latency, ...) and derives the stage counters from Kafka Streams' own per-topic counts (records consumed from
 * {@code news-articles-raw}, produced to {@code news-articles-enriched} and {@code news-dlq}), so the topology needs
 * no counting step. Like any client-side count they include records of transactions later aborted and re-run.
 */
final class EnrichMetrics {

    private static final String STAGE = EnrichProcessor.STAGE;

    private EnrichMetrics() {}

    // built once, at class initialisation, so a mistake in their configuration fails every topology test at once
    // instead of surfacing while an article is being processed
    private static final Timer LATENCY = Timer.builder(MeterNames.ENRICH_LATENCY)
            .description("Time to enrich one article: language, entities, topics")
            .tag(MeterNames.STAGE_TAG, STAGE)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(Metrics.globalRegistry);
    private static final DistributionSummary ENTITIES = DistributionSummary.builder(MeterNames.ENTITIES_PER_ARTICLE)
            .description("Entities linked per enriched article")
            .tag(MeterNames.STAGE_TAG, STAGE)
            .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100)
            .register(Metrics.globalRegistry);
    private static final DistributionSummary TOPICS = DistributionSummary.builder(MeterNames.TOPICS_PER_ARTICLE)
            .description("Geopolitical topics tagged per enriched article")
            .tag(MeterNames.STAGE_TAG, STAGE)
            .serviceLevelObjectives(1, 2, 3, 5, 8)
            .register(Metrics.globalRegistry);

    /** Records one enriched article: how long enrichment took and what it found. */
    static void enriched(EnrichedArticle article, long nanos) {
        LATENCY.record(Duration.ofNanos(nanos));
        ENTITIES.record(article.getEntities().size());
        TOPICS.record(article.getTopics().size());
    }

    /**
     * Exports {@code streams}' metrics and the enrich stage's counters to the global registry until the returned
     * handle is closed.
     */
    static AutoCloseable bind(KafkaStreams streams) {
        MeterRegistry registry = Metrics.globalRegistry;
        KafkaStreamsMetrics clientMetrics = new KafkaStreamsMetrics(streams);
        clientMetrics.bindTo(registry);
        List<Meter> meters = new ArrayList<>();
        meters.add(stageCounter(
                registry,
                MeterNames.RECORDS_IN,
                "Raw articles read",
                streams,
                topicCount("records-consumed-total", Topics.ARTICLES_RAW)));
        meters.add(stageCounter(
                registry,
                MeterNames.RECORDS_OUT,
                "Enriched articles written",
                streams,
                topicCount("records-produced-total", Topics.ARTICLES_ENRICHED)));
        meters.add(stageCounter(
                registry,
                MeterNames.RECORDS_DEAD_LETTERED,
                "Records sent to news-dlq",
                streams,
                topicCount("records-produced-total", Topics.DLQ)));
        meters.add(duplicates(registry, streams, "exact", Deduplication.EXACT_DUPLICATES));
        meters.add(duplicates(registry, streams, "near", Deduplication.NEAR_DUPLICATES));
        return () -> {
            meters.forEach(registry::remove);
            clientMetrics.close();
        };
    }

    private static Predicate<MetricName> topicCount(String name, String topic) {
        return m -> m.group().equals("stream-topic-metrics")
                && m.name().equals(name)
                && topic.equals(m.tags().get("topic"));
    }

    private static Meter stageCounter(
            MeterRegistry registry,
            String name,
            String description,
            KafkaStreams streams,
            Predicate<MetricName> which) {
        return FunctionCounter.builder(name, streams, s -> sum(s, which))
                .description(description)
                .tag(MeterNames.STAGE_TAG, STAGE)
                .register(registry);
    }

    private static Meter duplicates(MeterRegistry registry, KafkaStreams streams, String kind, String operation) {
        Predicate<MetricName> which = m -> m.group().equals("stream-" + Deduplication.METRICS_SCOPE + "-metrics")
                && m.name().equals(operation + "-total");
        return FunctionCounter.builder(MeterNames.DUPLICATES, streams, s -> sum(s, which))
                .description("Duplicate articles: exact ones are not published again, near ones get duplicateOf")
                .tag(MeterNames.STAGE_TAG, STAGE)
                .tag("kind", kind)
                .register(registry);
    }

    private static double sum(KafkaStreams streams, Predicate<MetricName> which) {
        return streams.metrics().entrySet().stream()
                .filter(e -> which.test(e.getKey()))
                .mapToDouble(e -> e.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0)
                .sum();
    }
}
