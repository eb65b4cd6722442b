package io.newsflow.enrich;

import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.schemas.Topics;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * The taxonomy the enricher tags with, kept up to date from the compacted {@code news-taxonomy} topic through a
 * global store, so every instance and every stream thread sees every version.
 *
 * <p>How a new version takes effect: the global store's processor ({@link TaxonomyUpdater}) validates each record
 * with the same {@link io.newsflow.analysis.topics.TaxonomyLedger} as {@code newsflow taxonomy publish}, compiles the
 * tagger once per accepted version and {@linkplain #install installs} it here; the stream threads read
 * {@link #current()} once per article. The swap is one atomic reference write, so each article is tagged wholly with
 * one version and the switch happens between two articles, with no restart and no reprocessing. Before any record has
 * been accepted, the taxonomy in force is the one the enricher was built with (the bundled {@code geo-topics-v1}).
 *
 * <p>Thread-safe: written by the global stream thread, read by the stream threads.
 */
public final class LiveTaxonomy {

    /** The global store holding the last accepted document per taxonomy id (and the dead-letter marks). */
    public static final String STORE = "taxonomy-store";

    private final Taxonomy initial;
    private final AtomicReference<Taxonomy> current;
    private final TaxonomyDeadLetters deadLetters;
    private final Consumer<Taxonomy> onInstall;

    /**
     * @param initial     the taxonomy in force until {@code news-taxonomy} says otherwise
     * @param deadLetters where refused documents go ({@code news-dlq} in production)
     * @param onInstall   called on the global thread after a version is installed (e.g. to create the output topics
     *                    of new topic ids); must not fail for a version that can be tagged with
     */
    public LiveTaxonomy(Taxonomy initial, TaxonomyDeadLetters deadLetters, Consumer<Taxonomy> onInstall) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.current = new AtomicReference<>(initial);
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.onInstall = Objects.requireNonNull(onInstall, "onInstall");
    }

    /** The taxonomy to tag the next article with. */
    public Taxonomy current() {
        return current.get();
    }

    Taxonomy initial() {
        return initial;
    }

    TaxonomyDeadLetters deadLetters() {
        return deadLetters;
    }

    void install(Taxonomy taxonomy) {
        Taxonomy before = current.getAndSet(taxonomy);
        if (before != taxonomy) {
            onInstall.accept(taxonomy);
        }
    }

    /** Adds the global store fed from {@code news-taxonomy} to {@code builder}. */
    void addTo(StreamsBuilder builder, Clock clock) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.TAXONOMY,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-taxonomy"),
                () -> new TaxonomyUpdater(this, clock));
    }
}
