package io.newsflow.enrich;

import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.analysis.topics.TaxonomyLedger;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of the {@code news-taxonomy} global store. Each record is offered to a {@link TaxonomyLedger}:
 *
 * <ul>
 *   <li>accepted: the document is kept in the store under its taxonomy id and its compiled taxonomy is installed in
 *       {@link LiveTaxonomy}, which the stream threads use from their next article on;
 *   <li>refused: an error is logged, a {@link DeadLetter} with the original bytes and the reason (with line numbers)
 *       is sent through {@link TaxonomyDeadLetters}, and the taxonomy in force stays.
 * </ul>
 *
 * <p>Kafka Streams runs this processor again over the topic when it restores the store. So that a refused record is
 * not dead-lettered again on every restore, the store keeps, per partition, the offset of the last record
 * dead-lettered ({@code rejected:<partition>}); the store is persistent, so the mark survives restarts.
 *
 * <p>At start, the document kept in the store (the last accepted one) is installed again, since a restore that
 * starts from the store's checkpoint does not replay it.
 */
final class TaxonomyUpdater implements Processor<byte[], byte[], Void, Void> {

    static final String STAGE = "enrich-taxonomy";
    static final String REJECTED_MARK = "rejected:";

    private static final Logger LOG = LoggerFactory.getLogger(TaxonomyUpdater.class);

    private final LiveTaxonomy live;
    private final Clock clock;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;
    private TaxonomyLedger ledger;

    TaxonomyUpdater(LiveTaxonomy live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(LiveTaxonomy.STORE);
        this.ledger = new TaxonomyLedger(live.initial());
        String id = live.initial().id();
        byte[] kept = store.get(id);
        if (kept != null) {
            TaxonomyLedger.Verdict verdict = ledger.offer(id, kept);
            if (verdict instanceof TaxonomyLedger.Accepted a) {
                install(a.taxonomy(), "the store");
            } else if (verdict instanceof TaxonomyLedger.Rejected r) {
                // e.g. a newer bundled taxonomy after an upgrade: the ledger refuses going back
                LOG.warn(
                        "The taxonomy kept in the store is not used ({}); tagging with {}",
                        r.reason(),
                        live.initial().name());
            }
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        RecordMetadata md = context.recordMetadata().orElse(null);
        TaxonomyLedger.Verdict verdict = ledger.offer(key, record.value());
        if (verdict instanceof TaxonomyLedger.Accepted a) {
            store.put(key, record.value());
            install(a.taxonomy(), md == null ? "news-taxonomy" : md.topic() + "@" + md.offset());
        } else if (verdict instanceof TaxonomyLedger.Rejected r) {
            reject(record, key, md, r);
        }
    }

    private void install(Taxonomy taxonomy, String from) {
        if (live.current().name().equals(taxonomy.name())
                && live.current().rulesVersion().equals(taxonomy.rulesVersion())) {
            return;
        }
        live.install(taxonomy);
        LOG.info(
                "Taxonomy {} ({}, {} topics) in force from {}",
                taxonomy.name(),
                taxonomy.rulesVersion(),
                taxonomy.topicIds().size(),
                from);
    }

    private void reject(Record<byte[], byte[]> record, String key, RecordMetadata md, TaxonomyLedger.Rejected r) {
        String where = md == null ? "news-taxonomy" : md.topic() + "-" + md.partition() + "@" + md.offset();
        LOG.error(
                "Ignored the taxonomy document at {} (key {}): {}; {} stays in force",
                where,
                key,
                r.reason(),
                ledger.active().name());
        String mark = REJECTED_MARK + (md == null ? -1 : md.partition());
        byte[] lastLettered = store.get(mark);
        long offset = md == null ? -1 : md.offset();
        if (lastLettered != null && offset >= 0 && ByteBuffer.wrap(lastLettered).getLong() >= offset) {
            return; // dead-lettered before this restore
        }
        DeadLetter letter = DeadLetters.fromRecord(
                STAGE,
                md == null ? null : md.topic(),
                md == null ? -1 : md.partition(),
                offset,
                record.key(),
                record.value(),
                record.headers(),
                r.cause(),
                Instant.now(clock));
        live.deadLetters().send(key, letter);
        if (offset >= 0) {
            store.put(mark, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        }
    }
}
