package io.newsflow.enrich;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops exact duplicates. Input is keyed by the content SHA-256, so every copy of one text meets on this task. Within
 * the window, a record is not forwarded when the same content was already published under another article id (a wire
 * story published by two outlets), or under the same id with the same enrichment versions (a redelivery). The same id
 * with other versions (re-enrichment with a newer knowledge base or taxonomy) is forwarded: it is an update.
 *
 * <p>Store values are {@code <article id> NUL <versions>}. One instance per task.
 */
final class ExactDuplicateFilter implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(ExactDuplicateFilter.class);
    private static final char SEP = '\u0000';

    private final long windowMs;
    private ProcessorContext<String, EnrichedArticle> context;
    private WindowStore<String, String> seen;
    private Sensor duplicates;

    ExactDuplicateFilter(Duration window) {
        this.windowMs = window.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.seen = context.getStateStore(Deduplication.CONTENT_STORE);
        this.duplicates = context.metrics()
                .addRateTotalSensor(
                        Deduplication.METRICS_SCOPE,
                        Deduplication.METRICS_ENTITY,
                        Deduplication.EXACT_DUPLICATES,
                        Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String sha = record.key();
        EnrichedArticle article = record.value();
        String id = article.getArticleId().toString();
        String versions = Deduplication.versionsOf(article);
        long ts = record.timestamp();
        String firstCopy = null;
        try (WindowStoreIterator<String> it = seen.fetch(sha, Math.max(0, ts - windowMs), ts + windowMs)) {
            while (it.hasNext() && firstCopy == null) {
                KeyValue<Long, String> entry = it.next();
                int sep = entry.value.indexOf(SEP);
                String seenId = entry.value.substring(0, sep);
                String seenVersions = entry.value.substring(sep + 1);
                if (!seenId.equals(id) || seenVersions.equals(versions)) {
                    firstCopy = seenId;
                }
            }
        }
        if (firstCopy != null) {
            duplicates.record();
            LOG.debug(
                    "Not publishing {}: the same content ({}) was published as {} within {} ms",
                    id,
                    sha,
                    firstCopy,
                    windowMs);
            return;
        }
        seen.put(sha, id + SEP + versions, ts);
        context.forward(record);
    }
}
