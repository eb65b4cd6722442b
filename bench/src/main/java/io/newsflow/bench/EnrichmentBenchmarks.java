package io.newsflow.bench;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.kb.KnowledgeBase;
import io.newsflow.analysis.kb.KnowledgeBaseLoader;
import io.newsflow.analysis.language.LanguageIdentifier;
import io.newsflow.analysis.linking.BareScan;
import io.newsflow.analysis.linking.EntityLinker;
import io.newsflow.analysis.linking.ResolvedMention;
import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The enrichment stages, one article per operation, cycling through the articles of one language and length bucket:
 * so the time per operation is the mean time per article of that bucket. Each stage is what the enricher runs
 * (the same public classes, the shipped knowledge base, taxonomy and language models); {@link #bareScan} is the
 * baseline of entity matching: the linker's automaton over the same fields, nothing else.
 *
 * <p>Run by {@code newsflow bench} (see {@link MicroBench}), never by {@code ./mvnw verify}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnrichmentBenchmarks {

    /** The articles of one language and bucket; which one comes next. */
    @State(Scope.Thread)
    public static class Articles {
        @Param({"es", "en"})
        public String lang;

        @Param({"ALL"})
        public String bucket;

        List<Corpus.Article> articles;
        List<ArticleText> texts;
        List<String> samples;
        List<RawArticle> raws;
        int next;

        /**
         * Loads the articles and, before the first warm-up iteration, what the benchmark runs on: loading the
         * knowledge base and language models takes seconds, and done lazily inside the first call it swallowed the
         * first warm-up iteration, leaving the JIT too little time (full enrichment measured at 2-4x its warm cost).
         */
        @Setup(Level.Trial)
        public void load(BenchmarkParams params) {
            String benchmark = params.getBenchmark();
            switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
                case "languageIdentification" -> Shared.languages();
                case "bareScan" -> Shared.bare();
                case "entityLinking", "topicTagging" -> Shared.linker();
                case "fullEnrichment" -> Shared.enricher();
                default -> throw new IllegalStateException("what does " + benchmark + " need loaded?");
            }
            articles = Corpus.Bucket.valueOf(bucket).of(Corpus.load(Corpus.defaultDirectory(), lang));
            texts = articles.stream().map(Corpus.Article::articleText).toList();
            // the language sample the analyzer builds: title, lede, body
            samples = articles.stream().map(a -> a.title() + "\n" + a.text()).toList();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            raws = articles.stream().map(a -> a.raw(a.id(), 0, now)).toList();
        }

        int next() {
            int i = next;
            next = i + 1 == articles.size() ? 0 : i + 1;
            return i;
        }
    }

    /** Loaded once per JVM: the language models and the knowledge base are the expensive part. */
    static final class Shared {
        private static ArticleEnricher enricher;
        private static LanguageIdentifier languages;
        private static KnowledgeBase kb;
        private static EntityLinker linker;
        private static BareScan bare;

        static synchronized ArticleEnricher enricher() {
            if (enricher == null) {
                enricher = ArticleEnricher.withDefaultKnowledgeBase();
            }
            return enricher;
        }

        static synchronized LanguageIdentifier languages() {
            if (languages == null) {
                languages = LanguageIdentifier.withDefaultLanguages();
            }
            return languages;
        }

        static synchronized KnowledgeBase kb() {
            if (kb == null) {
                kb = KnowledgeBaseLoader.fromClasspath();
            }
            return kb;
        }

        static synchronized EntityLinker linker() {
            if (linker == null) {
                linker = new EntityLinker(kb());
            }
            return linker;
        }

        static synchronized BareScan bare() {
            if (bare == null) {
                bare = BareScan.over(kb());
            }
            return bare;
        }
    }

    /** The mentions of each article, linked beforehand, for the topic tagger. */
    @State(Scope.Thread)
    public static class Mentions {
        List<List<ResolvedMention>> byArticle;
        Taxonomy taxonomy;

        @Setup(Level.Trial)
        public void link(Articles articles) {
            taxonomy = Taxonomy.bundled();
            byArticle = new ArrayList<>();
            for (Corpus.Article a : articles.articles) {
                byArticle.add(Shared.linker().link(a.articleText(), a.lang()).mentions());
            }
        }
    }

    @Benchmark
    public Object languageIdentification(Articles articles) {
        return Shared.languages().identify(articles.samples.get(articles.next()));
    }

    /** Baseline of entity matching: fold and scan title and body with the linker's automaton, no disambiguation. */
    @Benchmark
    public int bareScan(Articles articles) {
        ArticleText t = articles.texts.get(articles.next());
        BareScan bare = Shared.bare();
        return bare.count(t.title()) + bare.count(t.body());
    }

    /** Entity matching and linking: {@link EntityLinker#link}, the language given (as the enricher passes it). */
    @Benchmark
    public Object entityLinking(Articles articles) {
        int i = articles.next();
        return Shared.linker()
                .link(articles.texts.get(i), articles.articles.get(i).lang());
    }

    @Benchmark
    public Object topicTagging(Articles articles, Mentions mentions) {
        int i = articles.next();
        return mentions.taxonomy.tagger().tag(articles.texts.get(i), mentions.byArticle.get(i));
    }

    /** What the Streams enricher does per record: {@link ArticleEnricher#enrich}, RawArticle to EnrichedArticle. */
    @Benchmark
    public Object fullEnrichment(Articles articles) {
        return Shared.enricher().enrich(articles.raws.get(articles.next()), Instant.EPOCH);
    }
}
