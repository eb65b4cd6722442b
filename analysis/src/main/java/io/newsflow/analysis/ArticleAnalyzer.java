package io.newsflow.analysis;

import io.newsflow.analysis.fingerprint.Fingerprinter;
import io.newsflow.analysis.kb.KnowledgeBase;
import io.newsflow.analysis.kb.KnowledgeBaseLoader;
import io.newsflow.analysis.language.LanguageIdentifier;
import io.newsflow.analysis.linking.EntityLinker;
import io.newsflow.analysis.linking.Linking;
import io.newsflow.analysis.topics.Taxonomy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrichment entry point: language, entities, topics and fingerprint of one article. Construction is expensive
 * (language models, knowledge base, automata: build one per process); {@link #analyze} is cheap, side-effect free
 * and thread-safe.
 */
public final class ArticleAnalyzer {
    /**
     * Version of the enrichment code; bump when output for the same input and resources changes. Records carry it with
     * the version of the topic rules appended ({@code analysis-1.0+rules-1a2b3c4d}).
     */
    public static final String ENRICHMENT_VERSION = "analysis-1.0";

    private static final Logger LOG = LoggerFactory.getLogger(ArticleAnalyzer.class);

    private final LanguageIdentifier languages;
    private final EntityLinker linker;
    private final String knowledgeBaseVersion;
    private final Taxonomy taxonomy;

    ArticleAnalyzer(LanguageIdentifier languages, KnowledgeBase kb, Taxonomy taxonomy) {
        this(languages, kb, new EntityLinker(kb), taxonomy);
    }

    private ArticleAnalyzer(LanguageIdentifier languages, KnowledgeBase kb, EntityLinker linker, Taxonomy taxonomy) {
        this.languages = Objects.requireNonNull(languages, "languages");
        this.linker = linker;
        this.knowledgeBaseVersion = kb.version();
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    }

    /**
     * Loads the shipped knowledge base, taxonomy rules and every language model; logs how long that took. The
     * language models load on a second thread while this one reads the knowledge base (about 2.5 s): start-up on two
     * cores costs about the longer of them, not their sum.
     */
    public static ArticleAnalyzer loadDefault() {
        return loadDefault(LanguageIdentifier.ModelLoading.ALL_UPFRONT);
    }

    /**
     * Like {@link #loadDefault()}, with the language models loaded as {@code loading} says: up front for services,
     * on demand for one-shot commands.
     */
    public static ArticleAnalyzer loadDefault(LanguageIdentifier.ModelLoading loading) {
        long t0 = System.nanoTime();
        CompletableFuture<LanguageIdentifier> languageModels = new CompletableFuture<>();
        Thread loader = new Thread(
                () -> {
                    try {
                        languageModels.complete(LanguageIdentifier.withDefaultLanguages(loading));
                    } catch (Throwable e) {
                        languageModels.completeExceptionally(e);
                    }
                },
                "newsflow-language-models");
        loader.setDaemon(true);
        loader.start();
        KnowledgeBase kb = KnowledgeBaseLoader.fromClasspath();
        Taxonomy taxonomy = Taxonomy.bundled();
        long t1 = System.nanoTime();
        EntityLinker linker = new EntityLinker(kb);
        long t2 = System.nanoTime();
        LanguageIdentifier languages = languageModels.join();
        long t3 = System.nanoTime();
        ArticleAnalyzer analyzer = new ArticleAnalyzer(languages, kb, linker, taxonomy);
        LOG.info(
                "ArticleAnalyzer loaded in {} ms (knowledge base {} with {} entities and taxonomy {}: {} ms; "
                        + "linker index: {} ms; then waited {} ms for the language models {})",
                (t3 - t0) / 1_000_000,
                kb.version(),
                kb.entities().size(),
                taxonomy.name(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                LanguageIdentifier.DEFAULT_LANGUAGES);
        return analyzer;
    }

    /** Analyses {@code text} with the taxonomy this analyzer was built with. */
    public Analysis analyze(ArticleText text) {
        return analyze(text, taxonomy);
    }

    /**
     * Analyses {@code text}, tagging topics with {@code taxonomy}; the result's versions name that taxonomy. This is
     * how a running enricher switches taxonomy between two articles without rebuilding the analyzer.
     */
    public Analysis analyze(ArticleText text, Taxonomy taxonomy) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(taxonomy, "taxonomy");
        ArticleText read = withinAnalysedLength(text);
        LanguageGuess language = languages.identify(languageSample(read));
        Linking linking = linker.link(read, language.code());
        List<TopicMatch> topics = taxonomy.tagger().tag(read, linking.mentions());
        // the whole text: fingerprinting is one cheap pass, and two long texts differing past the cut are not copies
        Fingerprint fingerprint = Fingerprinter.of(text.title(), text.body());
        return new Analysis(
                language, linking.entities(), topics, fingerprint, versions(taxonomy), linking.unknownNames());
    }

    /** The versions of records analysed with the taxonomy this analyzer was built with. */
    public Versions versions() {
        return versions(taxonomy);
    }

    /** The taxonomy this analyzer was built with (the bundled one for {@link #loadDefault()}). */
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    private Versions versions(Taxonomy taxonomy) {
        return new Versions(ENRICHMENT_VERSION + "+" + taxonomy.rulesVersion(), knowledgeBaseVersion, taxonomy.name());
    }

    /** The ids of every topic of the taxonomy this analyzer tags with, in taxonomy order. */
    public List<String> topicIds() {
        return taxonomy.topicIds();
    }

    /**
     * The most characters of a body (and of a lede) that language identification, linking and topic tagging read:
     * ten times the longest article of the news corpus (104,310), so no news article is cut, while the time one
     * article takes stays bounded whatever a sender posts (ingest accepts 4 MiB). The time matters because the
     * enricher analyses inside an exactly-once transaction that the broker aborts after 10 s; a 4 MB text dense with
     * names takes 2–4 s on an idle core here, this much about a quarter of that.
     */
    public static final int MAX_ANALYSED_CHARS = 1_000_000;

    /**
     * {@code text} with its body and lede cut to {@link #MAX_ANALYSED_CHARS}, at the last white space before the
     * limit so that no word is split; a prefix, so every offset found in it holds in the whole text.
     */
    static ArticleText withinAnalysedLength(ArticleText text) {
        String body = cut(text.body());
        String lede = text.lede() == null ? null : cut(text.lede());
        if (body == text.body() && lede == text.lede()) {
            return text;
        }
        LOG.info(
                "An article of {} characters (lede {}) is analysed on its first {} characters; it is published whole",
                text.body().length(),
                text.lede() == null ? 0 : text.lede().length(),
                MAX_ANALYSED_CHARS);
        return new ArticleText(text.title(), lede, body, text.declaredLanguage());
    }

    /** {@code s} itself when it is within the limit, else its prefix cut at white space (see above). */
    private static String cut(String s) {
        if (s.length() <= MAX_ANALYSED_CHARS) {
            return s;
        }
        int end = MAX_ANALYSED_CHARS;
        while (end > MAX_ANALYSED_CHARS - 1_000 && !Character.isWhitespace(s.charAt(end))) {
            end--;
        }
        if (!Character.isWhitespace(s.charAt(end))) {
            end = MAX_ANALYSED_CHARS; // one "word" of a thousand characters: cut inside it
        }
        if (Character.isLowSurrogate(s.charAt(end))) {
            end--; // never between the two halves of a code point
        }
        return s.substring(0, end);
    }

    private static String languageSample(ArticleText text) {
        StringBuilder sb = new StringBuilder(text.title()).append('\n');
        if (text.lede() != null) {
            sb.append(text.lede()).append('\n');
        }
        return sb.append(text.body()).toString();
    }
}
