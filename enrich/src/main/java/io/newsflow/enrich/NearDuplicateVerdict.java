package io.newsflow.enrich;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combines the answers of every SimHash band for one article (input keyed by article id, one record per band) and,
 * when the last band has answered, forwards the article once, with {@code duplicateOf} set to the earliest candidate
 * any band found, or left null. Partial answers are kept in a store under the article id, content hash, versions and
 * enrichment time, so two enrichments of one id in flight at once are not mixed up; an entry is deleted when complete.
 *
 * <p>Store values are {@code <answers> NUL <candidate timestamp> NUL <candidate id or empty>}. One instance per task.
 */
final class NearDuplicateVerdict implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(NearDuplicateVerdict.class);
    private static final String SEP = String.valueOf(NearDuplicateLookup.SEP);

    private final int bands;
    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, String> partial;
    private Sensor nearDuplicates;

    NearDuplicateVerdict(int bands) {
        this.bands = bands;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.partial = context.getStateStore(Deduplication.VERDICTS_STORE);
        this.nearDuplicates = context.metrics()
                .addRateTotalSensor(
                        Deduplication.METRICS_SCOPE,
                        Deduplication.METRICS_ENTITY,
                        Deduplication.NEAR_DUPLICATES,
                        Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        String key = String.join(
                SEP,
                article.getArticleId(),
                article.getFingerprint().getSha256(),
                Deduplication.versionsOf(article),
                Long.toString(article.getEnrichedAt().toEpochMilli()));
        int answers = 0;
        long bestTs = 0;
        String bestId = "";
        String stored = partial.get(key);
        if (stored != null) {
            String[] parts = stored.split(SEP, -1);
            answers = Integer.parseInt(parts[0]);
            bestTs = Long.parseLong(parts[1]);
            bestId = parts[2];
        }
        Headers headers = new RecordHeaders(record.headers().toArray());
        Header candidate = headers.lastHeader(NearDuplicateLookup.CANDIDATE_HEADER);
        if (candidate != null) {
            String[] parts = new String(candidate.value(), StandardCharsets.UTF_8).split(SEP, 2);
            long ts = Long.parseLong(parts[0]);
            if (bestId.isEmpty() || NearDuplicateLookup.earlier(ts, parts[1], bestTs, bestId)) {
                bestTs = ts;
                bestId = parts[1];
            }
        }
        answers++;
        if (answers < bands) {
            partial.put(key, answers + SEP + bestTs + SEP + bestId);
            return;
        }
        partial.delete(key);
        headers.remove(NearDuplicateLookup.CANDIDATE_HEADER);
        if (!bestId.isEmpty()) {
            nearDuplicates.record();
            LOG.debug("{} is a near-duplicate of {}", article.getArticleId(), bestId);
        }
        EnrichedArticle verdict = EnrichedArticle.newBuilder(article)
                .setDuplicateOf(bestId.isEmpty() ? null : bestId)
                .build();
        context.forward(record.withValue(verdict).withHeaders(headers));
    }
}
