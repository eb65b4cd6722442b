package io.newsflow.enrich.trend;

import io.newsflow.schemas.avro.TrendUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns the windowed counts of one window size into {@link TrendUpdate}s with a spike score (see {@link SpikeScore}).
 *
 * <p>Every change of a window's count is emitted at once with {@code isFinal = false}. Each window is emitted once more,
 * with {@code isFinal = true}, when stream time has passed its end plus the grace period: that is exactly when Kafka
 * Streams' windowed aggregation stops accepting records for it, so the final count is the one that stays. Stream time
 * here is the highest timestamp of the counts seen (each count carries the timestamp of the newest article in its
 * window, so this is the windowed aggregation's own stream time); at most once per {@link #CLOSE_CHECK_INTERVAL} of it,
 * every subject is checked for windows to close. It is tracked here rather than taken from the task so that closing
 * depends only on the articles counted, whatever else shares the task. After a restart it starts again from the first
 * count seen. The subject's recent window counts live in a key-value store keyed by subject (changelogged), so the
 * baseline survives restarts and rebalances. The input is keyed by the same subject string as the windowed count, so
 * the store is co-partitioned with it and no repartition is needed.
 */
final class TrendScorer implements Processor<Windowed<String>, Tally, String, TrendUpdate> {

    /** How often (in stream time) finished windows are looked for. */
    static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMinutes(1);

    private final String storeName;
    private final long sizeMs;
    private final long graceMs;
    private final int baselineWindows;
    private final String sizeText;
    private ProcessorContext<String, TrendUpdate> context;
    private KeyValueStore<String, SubjectHistory> store;
    private long streamTime = -1;
    private long nextCloseCheck = Long.MIN_VALUE;

    TrendScorer(String storeName, Duration size, Duration grace, int baselineWindows) {
        this.storeName = storeName;
        this.sizeMs = size.toMillis();
        this.graceMs = grace.toMillis();
        this.baselineWindows = baselineWindows;
        this.sizeText = size.toString();
    }

    @Override
    public void init(ProcessorContext<String, TrendUpdate> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Windowed<String>, Tally> record) {
        if (record.value() == null) {
            return; // the windowed count never deletes; nothing to score
        }
        String subject = record.key().key();
        long start = record.key().window().start();
        streamTime = Math.max(streamTime, record.timestamp());
        SubjectHistory history = store.get(subject);
        if (history == null) {
            history = SubjectHistory.startingAt(record.value().label(), start);
        }
        history.update(start, record.value().count(), record.value().label());
        context.forward(
                new Record<>(subject, update(subject, history, start, false), record.timestamp(), record.headers()));
        forgetOldWindows(history);
        store.put(subject, history);
        if (streamTime >= nextCloseCheck) {
            closeFinishedWindows();
            long interval = CLOSE_CHECK_INTERVAL.toMillis();
            nextCloseCheck = streamTime - streamTime % interval + interval;
        }
    }

    /** Emits the final update of every window whose end plus grace stream time has reached. */
    private void closeFinishedWindows() {
        List<KeyValue<String, SubjectHistory>> changed = new ArrayList<>();
        try (KeyValueIterator<String, SubjectHistory> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SubjectHistory> entry = all.next();
                SubjectHistory history = entry.value;
                boolean dirty = false;
                for (Map.Entry<Long, SubjectHistory.Window> w :
                        List.copyOf(history.windows().entrySet())) {
                    long start = w.getKey();
                    if (!w.getValue().closed() && start + sizeMs + graceMs <= streamTime) {
                        context.forward(new Record<>(entry.key, update(entry.key, history, start, true), streamTime));
                        history.close(start);
                        dirty = true;
                    }
                }
                if (forgetOldWindows(history) || dirty) {
                    changed.add(KeyValue.pair(entry.key, history));
                }
            }
        }
        changed.forEach(kv -> store.put(kv.key, kv.value));
    }

    /**
     * Keeps the windows a baseline may still need: those from N windows before the oldest window that can still change
     * (an open one, or one not started yet, which starts after stream time minus grace minus size).
     */
    private boolean forgetOldWindows(SubjectHistory history) {
        long oldestChangeable = Math.min(history.oldestOpenStart(), streamTime - graceMs - sizeMs);
        return history.forgetClosedBefore(oldestChangeable - baselineWindows * sizeMs);
    }

    private TrendUpdate update(String subject, SubjectHistory history, long start, boolean isFinal) {
        long count = history.windows().get(start).count();
        SpikeScore baseline = SpikeScore.baseline(history.previousCounts(start, sizeMs, baselineWindows));
        return TrendUpdate.newBuilder()
                .setSubjectKind(TrendSubject.kindOf(subject))
                .setSubjectId(TrendSubject.idOf(subject))
                .setLabel(history.label())
                .setWindowSize(sizeText)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + sizeMs))
                .setCount(count)
                .setBaselineWindows(baseline.baselineWindows())
                .setBaselineMean(baseline.mean())
                .setBaselineStddev(baseline.stddev())
                .setSpikeScore(baseline.score(count))
                .setIsFinal(isFinal)
                .setComputedAt(Instant.ofEpochMilli(Math.max(0, streamTime)))
                .build();
    }
}
