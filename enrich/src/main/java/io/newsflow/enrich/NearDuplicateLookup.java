package io.newsflow.enrich;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Looks an article up under one band of its SimHash. Input is keyed by the band ({@code b<index>:<bits>}), so every
 * article sharing that band meets on this task. Among the articles remembered under the band within the window, it
 * picks the earliest (record time, then id) that is earlier than this one, has another id and lies within the
 * Hamming distance; then remembers this one. It forwards the article keyed by its id, with the candidate (or none)
 * in the {@value #CANDIDATE_HEADER} header as {@code <timestamp> NUL <id>}; {@link NearDuplicateVerdict} combines the
 * bands.
 *
 * <p>Store values are {@code <simhash hex> NUL <article id>}, at the article's record time. One instance per task.
 */
final class NearDuplicateLookup implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    /** Internal header between the band lookup and the verdict; removed before anything is published. */
    static final String CANDIDATE_HEADER = "newsflow.dedup.candidate";

    static final char SEP = '\u0000';

    private final long windowMs;
    private final int maxDistance;
    private ProcessorContext<String, EnrichedArticle> context;
    private WindowStore<String, String> bands;

    NearDuplicateLookup(DedupSettings settings) {
        this.windowMs = settings.window().toMillis();
        this.maxDistance = settings.maxDistance();
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.bands = context.getStateStore(Deduplication.BANDS_STORE);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String band = record.key();
        EnrichedArticle article = record.value();
        String id = article.getArticleId().toString();
        long simhash = article.getFingerprint().getSimhash();
        long ts = record.timestamp();
        long bestTs = 0;
        String bestId = null;
        try (WindowStoreIterator<String> it = bands.fetch(band, Math.max(0, ts - windowMs), ts)) {
            while (it.hasNext()) {
                KeyValue<Long, String> entry = it.next();
                int sep = entry.value.indexOf(SEP);
                long otherHash = Long.parseUnsignedLong(entry.value.substring(0, sep), 16);
                String otherId = entry.value.substring(sep + 1);
                if (otherId.equals(id)
                        || SimHashBands.distance(simhash, otherHash) > maxDistance
                        || !earlier(entry.key, otherId, ts, id)) {
                    continue;
                }
                if (bestId == null || earlier(entry.key, otherId, bestTs, bestId)) {
                    bestTs = entry.key;
                    bestId = otherId;
                }
            }
        }
        bands.put(band, Long.toHexString(simhash) + SEP + id, ts);
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.remove(CANDIDATE_HEADER);
        if (bestId != null) {
            headers.add(CANDIDATE_HEADER, (bestTs + String.valueOf(SEP) + bestId).getBytes(StandardCharsets.UTF_8));
        }
        context.forward(record.withKey(id).withHeaders(headers));
    }

    /** Whether (aTs, aId) comes before (bTs, bId): earlier record time, or the same time and a smaller id. */
    static boolean earlier(long aTs, String aId, long bTs, String bId) {
        return aTs < bTs || (aTs == bTs && aId.compareTo(bId) < 0);
    }
}
