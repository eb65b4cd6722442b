package io.newsflow.bench;

import io.newsflow.analysis.language.LanguageIdentifier;
import io.newsflow.enrich.ArticleEnricher;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a fresh JVM by {@link BenchRun}: how long from JVM start to the first article enriched (what
 * {@code newsflow annotate} of one article waits for, language models loaded on demand), and the heap the Streams
 * enricher holds once its knowledge base and every language model are loaded. Prints one line: {@code firstArticleMillis=<ms> heapAfterLoadBytes=<bytes>}.
 */
public final class ColdStart {

    private ColdStart() {}

    public static void main(String[] args) {
        List<Corpus.Article> corpus = Corpus.load(Path.of(args[0]), "es");
        // what annotate does: language models on demand
        ArticleEnricher enricher = ArticleEnricher.forOneShotCommand();
        Corpus.Article a = corpus.get(0);
        Object enriched = enricher.enrich(a.raw(a.id(), 0, Instant.now()), Instant.now());
        long firstArticle = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        // the Streams enricher's heap: the same knowledge base with every language model loaded up front (Lingua
        // keeps its models in static fields, so this loads the rest into the same place)
        LanguageIdentifier allModels = LanguageIdentifier.withDefaultLanguages();
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("firstArticleMillis=" + firstArticle + " heapAfterLoadBytes=" + heap
                + (enriched == null ? " (nothing enriched)" : "")
                // keeps the enricher reachable until the heap is measured
                + (enricher.topicIds().isEmpty() ? " (no topics)" : "")
                + (allModels.identify("newsflow").code().isEmpty() ? " (no language)" : ""));
    }
}
