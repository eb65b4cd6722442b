package io.newsflow.bench;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.schemas.serde.TrustedAvroClasses;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Confluent wire-format Avro serde of {@code EnrichedArticle} ({@link AvroWireSerde}, what the enricher writes and
 * the sink reads), one enriched corpus article per operation. The registry is the in-memory one, so the schema id is
 * looked up once and the figure is the encoding alone, as it is in steady state against a real registry (the serde
 * caches ids).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerdeBenchmarks {

    @State(Scope.Thread)
    public static class Enriched {
        @Param({"es", "en"})
        public String lang;

        @Param({"ALL"})
        public String bucket;

        AvroWireSerde<EnrichedArticle> serde;
        List<EnrichedArticle> articles;
        List<byte[]> encoded;
        int next;

        @Setup(Level.Trial)
        public void enrich() {
            TrustedAvroClasses.install();
            serde = AvroWireSerde.forValues(new FixedIdRegistry(), EnrichedArticle.class);
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            articles = Corpus.Bucket.valueOf(bucket).of(Corpus.load(Corpus.defaultDirectory(), lang)).stream()
                    .map(a -> EnrichmentBenchmarks.Shared.enricher().enrich(a.raw(a.id(), 0, now), now))
                    .toList();
            encoded = articles.stream()
                    .map(a -> serde.serializer().serialize(Topics.ARTICLES_ENRICHED, a))
                    .toList();
        }

        int next() {
            int i = next;
            next = i + 1 == articles.size() ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public byte[] serialize(Enriched state) {
        return state.serde.serializer().serialize(Topics.ARTICLES_ENRICHED, state.articles.get(state.next()));
    }

    @Benchmark
    public EnrichedArticle deserialize(Enriched state) {
        return state.serde.deserializer().deserialize(Topics.ARTICLES_ENRICHED, state.encoded.get(state.next()));
    }
}
