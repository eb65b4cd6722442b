package io.newsflow.enrich.trend;

import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Fans an enriched article out into one record per subject it counts for (see {@link TrendSubject#of}), keyed by the
 * subject key, valued by the subject's label, and stamped with the article's event time
 * ({@link TrendSubject#eventTime}): the windows downstream count by that timestamp.
 */
final class SubjectExtractor implements Processor<String, EnrichedArticle, String, String> {

    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        if (record.value() == null) {
            return; // the enriched stream carries no tombstones; a null article counts for nothing
        }
        long eventTime = Math.max(
                0, TrendSubject.eventTime(record.value()).toEpochMilli()); // Streams rejects negative timestamps
        for (TrendSubject subject : TrendSubject.of(record.value())) {
            context.forward(
                    record.withKey(subject.key()).withValue(subject.label()).withTimestamp(eventTime));
        }
    }
}
