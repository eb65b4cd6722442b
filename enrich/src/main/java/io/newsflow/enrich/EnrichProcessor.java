package io.newsflow.enrich;

import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.MDC;

/**
 * Decodes one raw record and enriches it, turning every failure of the record itself into a {@link Outcome.Rejected}
 * value and rethrowing the others ({@link DeadLetters#blame}: an outage, or a schema registry the service cannot use). The output key is the article id, whatever the input key was.
 *
 * <p>One instance per stream task (Kafka Streams' contract); not shared between threads.
 */
final class EnrichProcessor implements Processor<byte[], byte[], String, Outcome> {

    static final String STAGE = "enrich";
    /** The logging context key holding the id of the article a log line is about. */
    static final String ARTICLE_ID_MDC = "articleId";

    private final Deserializer<RawArticle> rawDeserializer;
    private final ArticleEnricher enricher;
    private final Supplier<Taxonomy> taxonomy;
    private final Clock clock;
    private final OutputSizeGuard sizeGuard;
    private ProcessorContext<String, Outcome> context;

    /** @param taxonomy the taxonomy to tag with, read once per record (see {@link LiveTaxonomy}) */
    EnrichProcessor(
            Deserializer<RawArticle> rawDeserializer,
            ArticleEnricher enricher,
            Supplier<Taxonomy> taxonomy,
            Clock clock,
            OutputSizeGuard sizeGuard) {
        this.rawDeserializer = rawDeserializer;
        this.enricher = enricher;
        this.taxonomy = taxonomy;
        this.clock = clock;
        this.sizeGuard = sizeGuard;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        // every log line about this article carries its id (the key ingest gave it), JSON logs as a field
        try (MDC.MDCCloseable id = MDC.putCloseable(
                ARTICLE_ID_MDC, record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8))) {
            processArticle(record);
        }
    }

    private void processArticle(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        EnrichedArticle enriched;
        long start;
        try {
            RawArticle raw = rawDeserializer.deserialize(topic, record.headers(), record.value());
            if (raw == null) {
                throw new IllegalArgumentException("The record has no value (a tombstone or an empty record); "
                        + "news-articles-raw expects a RawArticle");
            }
            start = System.nanoTime();
            enriched = enricher.enrich(raw, clock.instant(), taxonomy.get());
        } catch (RuntimeException e) {
            if (!DeadLetters.isRecordFault(e)) {
                throw e; // an outage is retried and a misconfigured registry stops the client: never dead-lettered
            }
            reject(record, e);
            return;
        }
        // outside the try: only the article's own failures are dead-lettered
        String tooLarge = sizeGuard.tooLarge(enriched, record.value() == null ? 0 : record.value().length);
        if (tooLarge != null) {
            reject(record, new OutputSizeGuard.OutputTooLargeException(tooLarge));
            return;
        }
        EnrichMetrics.enriched(enriched, System.nanoTime() - start);
        Headers headers = new RecordHeaders(record.headers().toArray());
        context.recordMetadata().ifPresent(md -> InputCoordinates.addTo(headers, md));
        context.forward(new Record<String, Outcome>(
                enriched.getArticleId(), new Outcome.Enriched(enriched), record.timestamp(), headers));
    }

    private void reject(Record<byte[], byte[]> record, RuntimeException error) {
        RecordMetadata md = context.recordMetadata().orElse(null);
        DeadLetter letter = DeadLetters.fromRecord(
                STAGE,
                md == null ? null : md.topic(),
                md == null ? -1 : md.partition(),
                md == null ? -1 : md.offset(),
                record.key(),
                record.value(),
                record.headers(),
                error,
                Instant.now(clock));
        // the original headers are kept inside the letter; the record carries the letter's context
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        context.forward(new Record<String, Outcome>(
                key, new Outcome.Rejected(letter), record.timestamp(), DeadLetters.headersFor(letter)));
    }
}
