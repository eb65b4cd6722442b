package io.newsflow.enrich;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EnrichmentVersions;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * De-duplication of enriched articles, in three stages, each on the partitions where its question can be answered:
 *
 * <pre>
 * enriched (key: article id)
 *   --re-key by content SHA-256, repartition "dedup-by-content"--> {@link ExactDuplicateFilter}
 *        drops a copy of content already published within the window under another id, and a redelivery of the
 *        same id with the same content and versions; store "dedup-content" (window store, key SHA-256)
 *   --one record per SimHash band, repartition "dedup-by-simhash-band"--> {@link NearDuplicateLookup}
 *        finds, per band, the earliest article within the Hamming distance; store "dedup-simhash-bands"
 *        (window store, key band, duplicates retained)
 *   --re-key by article id, repartition "dedup-verdicts"--> {@link NearDuplicateVerdict}
 *        waits for every band's answer and publishes the article once, with duplicateOf set to the earliest near
 *        copy; store "dedup-verdicts" (key-value, entries deleted when complete)
 * published (key: article id)
 * </pre>
 *
 * <p>All stores are changelogged, so under exactly-once a task that moves to another instance resumes with the same
 * memory. The window stores expire whole segments after the window: no punctuation is needed. "Earliest" is by record
 * timestamp (ingest time), ties broken by article id, so the verdict does not depend on which band partition happens
 * to run first: two near copies are never both marked as copies of each other.
 */
final class Deduplication {

    static final String CONTENT_STORE = "dedup-content";
    static final String BANDS_STORE = "dedup-simhash-bands";
    static final String VERDICTS_STORE = "dedup-verdicts";

    /** Metrics group of the duplicate counters: {@code stream-newsflow-dedup-metrics}. */
    static final String METRICS_SCOPE = "newsflow-dedup";

    static final String METRICS_ENTITY = "enrich";

    /** Counter of exact duplicates not published ({@code exact-duplicates-total}). */
    static final String EXACT_DUPLICATES = "exact-duplicates";

    /** Counter of near-duplicates published with {@code duplicateOf} ({@code near-duplicates-total}). */
    static final String NEAR_DUPLICATES = "near-duplicates";

    private Deduplication() {}

    /**
     * Adds the three stages behind {@code enriched} and returns the stream of articles to publish, keyed by article
     * id.
     */
    static KStream<String, EnrichedArticle> apply(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            Serde<EnrichedArticle> articles,
            DedupSettings settings) {
        SimHashBands bands = new SimHashBands(settings.bands());
        builder.addStateStore(contentStore(settings));
        builder.addStateStore(bandsStore(settings));
        builder.addStateStore(verdictsStore());

        return enriched.selectKey((id, article) -> article.getFingerprint().getSha256(), Named.as("key-by-content"))
                .repartition(Repartitioned.with(Serdes.String(), articles).withName("dedup-by-content"))
                .process(
                        () -> new ExactDuplicateFilter(settings.window()),
                        Named.as("drop-exact-duplicates"),
                        CONTENT_STORE)
                .flatMap(
                        (sha, article) -> {
                            List<KeyValue<String, EnrichedArticle>> out = new ArrayList<>(bands.count());
                            long simhash = article.getFingerprint().getSimhash();
                            for (int i = 0; i < bands.count(); i++) {
                                out.add(KeyValue.pair(bands.key(simhash, i), article));
                            }
                            return out;
                        },
                        Named.as("one-record-per-simhash-band"))
                .repartition(Repartitioned.with(Serdes.String(), articles).withName("dedup-by-simhash-band"))
                .process(
                        () -> new NearDuplicateLookup(settings), Named.as("find-near-duplicates-per-band"), BANDS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), articles).withName("dedup-verdicts"))
                .process(
                        () -> new NearDuplicateVerdict(bands.count()),
                        Named.as("mark-near-duplicates"),
                        VERDICTS_STORE);
    }

    private static StoreBuilder<WindowStore<String, String>> contentStore(DedupSettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(CONTENT_STORE, settings.window(), settings.window(), true),
                Serdes.String(),
                Serdes.String());
    }

    private static StoreBuilder<WindowStore<String, String>> bandsStore(DedupSettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(BANDS_STORE, settings.window(), settings.window(), true),
                Serdes.String(),
                Serdes.String());
    }

    private static StoreBuilder<KeyValueStore<String, String>> verdictsStore() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VERDICTS_STORE), Serdes.String(), Serdes.String());
    }

    /** Code, knowledge base and taxonomy versions in one comparable string. */
    static String versionsOf(EnrichedArticle article) {
        EnrichmentVersions v = article.getVersions();
        return v.getEnrichment() + "|" + v.getKnowledgeBase() + "|" + v.getTaxonomy();
    }
}
