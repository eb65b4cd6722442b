package io.newsflow.enrich.trend;

import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Adds trend counting to a topology: per topic and per entity, counts of enriched articles over tumbling event-time
 * windows of 15 minutes and 1 day, each with a spike score against the subject's previous windows, written to
 * {@code news-trends}. A pure builder: it only adds processors to the stream it is given.
 *
 * <pre>
 * enriched --SubjectExtractor--> (topic:&lt;id&gt; | entity:&lt;QID&gt;, label) @ event time
 *          --groupByKey (repartition "trend-subjects")--+--15 min windows, grace G1--count--TrendScorer--+--> news-trends
 *                                                       +--1 day windows,  grace G2--count--TrendScorer--+
 * </pre>
 *
 * <p><b>Event time</b> is the article's publication time, else its ingestion time ({@link TrendSubject#eventTime}),
 * set as the record timestamp when the stream is re-keyed by subject. <b>Late articles</b>: one whose window ended less
 * than the grace period before stream time (the latest event time seen by the task) still updates its window, and an
 * updated {@link TrendUpdate} is emitted; a later one is dropped by Kafka Streams, which logs a warning ("Skipping
 * record for expired window") and counts it in the task metric {@code dropped-records-total}
 * ({@code stream-task-metrics}). <b>Emission</b>: every change of a count is emitted at once ({@code isFinal = false},
 * so subscribers see a spike while it happens, not after the grace period), and each window once more with
 * {@code isFinal = true} when it closes ({@link TrendScorer}); {@code suppress(untilWindowCloses)} was rejected because
 * it would delay every spike by the window size plus the grace period.
 *
 * <p><b>State</b>, per window size: a windowed count store (retention = size + grace) and a history store keyed by
 * subject (label, first window, the counts of at most N + grace/size + 2 recent windows), both changelogged.
 */
public final class TrendTopology {

    private TrendTopology() {}

    /** Adds the trend processors to {@code enriched}'s topology, writing {@link Topics#TRENDS}. */
    public static void addTo(KStream<String, EnrichedArticle> enriched, EnrichSerdes serdes, TrendSettings settings) {
        KGroupedStream<String, String> bySubject = enriched.process(SubjectExtractor::new, Named.as("trend-subjects"))
                .groupByKey(Grouped.with("trend-subjects", Serdes.String(), Serdes.String()));
        KStream<String, TrendUpdate> short15 =
                windowed(bySubject, "pt15m", TrendSettings.SHORT_WINDOW, settings.shortGrace(), settings);
        KStream<String, TrendUpdate> daily =
                windowed(bySubject, "p1d", TrendSettings.DAILY_WINDOW, settings.dailyGrace(), settings);
        short15.merge(daily, Named.as("trend-updates"))
                .to(
                        Topics.TRENDS,
                        Produced.with(Serdes.String(), serdes.trendUpdates()).withName("write-trends"));
    }

    /** The name of the windowed count store of one window size: {@code trend-counts-pt15m} or {@code -p1d}. */
    public static String countStoreName(Duration size) {
        return "trend-counts-" + suffix(size);
    }

    /** The name of the history store of one window size: {@code trend-history-pt15m} or {@code -p1d}. */
    public static String historyStoreName(Duration size) {
        return "trend-history-" + suffix(size);
    }

    private static String suffix(Duration size) {
        return size.equals(TrendSettings.DAILY_WINDOW) ? "p1d" : size.toString().toLowerCase(Locale.ROOT);
    }

    private static KStream<String, TrendUpdate> windowed(
            KGroupedStream<String, String> bySubject,
            String name,
            Duration size,
            Duration grace,
            TrendSettings settings) {
        return bySubject
                .windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
                .aggregate(
                        () -> Tally.EMPTY,
                        (subject, label, tally) -> tally.plusOne(label),
                        Named.as("trend-count-" + name),
                        Materialized.<String, Tally, WindowStore<Bytes, byte[]>>as(countStoreName(size))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Tally.serde())
                                // every change goes downstream at once, not when the cache is flushed
                                .withCachingDisabled())
                .toStream(Named.as("trend-counts-" + name))
                .process(scorer(size, grace, settings.baselineWindows()), Named.as("trend-score-" + name));
    }

    /** The scorer of one window size, with its history store (connected through the supplier, so no builder needed). */
    private static ProcessorSupplier<Windowed<String>, Tally, String, TrendUpdate> scorer(
            Duration size, Duration grace, int baselineWindows) {
        String storeName = historyStoreName(size);
        StoreBuilder<KeyValueStore<String, SubjectHistory>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(storeName), Serdes.String(), SubjectHistory.serde());
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Windowed<String>, Tally, String, TrendUpdate> get() {
                return new TrendScorer(storeName, size, grace, baselineWindows);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }
}
