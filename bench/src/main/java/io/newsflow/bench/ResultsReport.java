package io.newsflow.bench;

import io.newsflow.analysis.language.LanguageIdentifier;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Markdown of {@code bench/RESULTS.md}: machine, command, commit, the targets, then every table. */
final class ResultsReport {

    private static final List<String> STAGES = List.of(
            "languageIdentification",
            "bareScan",
            "entityLinking",
            "topicTagging",
            "fullEnrichment",
            "serialize",
            "deserialize");

    private static final Map<String, String> LABELS = Map.of(
            "languageIdentification",
            "language identification (Lingua, " + LanguageIdentifier.DEFAULT_LANGUAGES.size() + " languages)",
            "bareScan",
            "entity matching baseline: bare automaton scan, no disambiguation",
            "entityLinking",
            "entity matching and linking (EntityLinker.link)",
            "topicTagging",
            "topic tagging (mentions given)",
            "fullEnrichment",
            "full enrichment (ArticleEnricher.enrich: RawArticle → EnrichedArticle)",
            "serialize",
            "Avro wire serialise EnrichedArticle",
            "deserialize",
            "Avro wire deserialise EnrichedArticle");

    private final BenchRun.Options options;
    private final Instant started;
    private final Duration took;
    private final double loadBefore;
    private final double loadAfter;
    private final String commit;
    private final List<MicroBench.Row> micro;
    private final Optional<long[]> cold;
    private final EnrichmentProfile.Summary profile;
    private final List<Line> pipeline;

    ResultsReport(
            BenchRun.Options options,
            Instant started,
            Duration took,
            double loadBefore,
            double loadAfter,
            String commit,
            List<MicroBench.Row> micro,
            Optional<long[]> cold,
            EnrichmentProfile.Summary profile,
            List<Line> pipeline) {
        this.options = options;
        this.started = started;
        this.took = took;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.commit = commit;
        this.micro = micro;
        this.cold = cold;
        this.profile = profile;
        this.pipeline = pipeline;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# newsflow benchmark results\n\n");
        if (options.quick()) {
            md.append(
                    "> **Quick run** (`--quick`): JMH of full enrichment and its baseline only, one short warm-up and "
                            + "two one-second measurement iterations, a small preload and burst, one alternation. Indicative "
                            + "only; the full run "
                            + "(`./newsflow bench`) is the reference.\n\n");
        }
        md.append("Written by `newsflow bench`. **This machine is shared and noisy** (two cores, several other builds "
                + "running): absolute figures move by up to 2× between runs, so every figure that matters is given "
                + "as a **ratio against a baseline measured in the same run**, on the same machine, minutes apart. "
                + "Read the ratios; treat the absolute rates as this run's only.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| command | `").append(options.command()).append("` |\n");
        md.append("| commit | `").append(commit).append("` |\n");
        md.append("| started | ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(" (took ")
                .append(took.truncatedTo(ChronoUnit.SECONDS)
                        .toString()
                        .substring(2)
                        .toLowerCase(Locale.ROOT))
                .append(") |\n");
        md.append("| machine | ").append(machine()).append(" |\n");
        md.append("| load average (1 min) | ")
                .append(f("%.2f at start, %.2f at the end", loadBefore, loadAfter))
                .append(" |\n");
        md.append("| corpus | `").append(options.corpus()).append("` (es-news.jsonl, en-news.jsonl) |\n\n");

        md.append("## Targets\n\n| target | this run | verdict |\n|---|---|---|\n");
        for (String lang : List.of("es", "en")) {
            row("fullEnrichment", lang, "ALL")
                    .ifPresent(r -> md.append(f(
                            "| full enrichment ≥ 1,000 articles/s on one core (%s, JMH) | %,.0f articles/s | %s |\n",
                            lang,
                            r.articlesPerSecond(),
                            Line.verdict(
                                    r.articlesPerSecond() >= 1000,
                                    f("%.0f%% of target", r.articlesPerSecond() / 10)))));
        }
        for (String lang : List.of("es", "en")) {
            Optional<MicroBench.Row> full = row("fullEnrichment", lang, "ALL");
            Optional<MicroBench.Row> bare = row("bareScan", lang, "ALL");
            if (full.isPresent() && bare.isPresent()) {
                double ratio = full.get().microsPerArticle() / bare.get().microsPerArticle();
                md.append(f(
                        "| full enrichment ≤ 10× the bare automaton scan (%s) | %.1f× | %s |\n",
                        lang, ratio, Line.verdict(ratio <= 10, f("%.1f× over", ratio - 10))));
            }
        }
        for (Line l : pipeline) {
            if (!l.target().isEmpty()) {
                md.append("| ")
                        .append(l.what())
                        .append(" ")
                        .append(l.target())
                        .append(" | ")
                        .append(l.ratio().isEmpty() ? l.figure() : l.ratio())
                        .append(" | ")
                        .append(l.verdict().isEmpty() ? "(not comparable in this run)" : l.verdict())
                        .append(" |\n");
            }
        }
        cold.ifPresent(c -> {
            md.append(f(
                    "| enricher heap ≤ 512 MiB with everything loaded (fresh JVM, after GC) | %s | %s |\n",
                    PipelineBench.mb(c[1]),
                    Line.verdict(c[1] <= 512L * 1024 * 1024, f("%,.0f MiB over", c[1] / 1048576.0 - 512))));
            md.append(f(
                    "| `annotate` of one article starts in ≤ 3 s (JVM start → first article enriched) | %.1f s | %s |\n",
                    c[0] / 1000.0, Line.verdict(c[0] <= 3000, f("%.1f s over", (c[0] - 3000) / 1000.0))));
        });
        md.append('\n');

        md.append("## Micro-benchmarks (JMH, one thread, whole corpus)\n\n");
        md.append("One operation is one article; the benchmark cycles through every article of the language. "
                + "Time is the mean per article (± JMH's 99.9% error); MB/s is article text (UTF-8 title + text) "
                + "per second; allocation is `gc.alloc.rate.norm` from `-prof gc`.\n\n");
        md.append("| stage | lang | µs/article | articles/s | MB/s | bytes allocated/article | × bare scan |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (String stage : STAGES) {
            for (String lang : List.of("es", "en")) {
                row(stage, lang, "ALL").ifPresent(r -> {
                    Optional<MicroBench.Row> bare = row("bareScan", lang, "ALL");
                    md.append(f(
                            "| %s | %s | %s | %,.0f | %.2f | %s | %s |\n",
                            LABELS.get(stage),
                            lang,
                            micros(r),
                            r.articlesPerSecond(),
                            r.megabytesPerSecond(),
                            Double.isNaN(r.bytesAllocatedPerArticle())
                                    ? "n/a"
                                    : f("%,.0f", r.bytesAllocatedPerArticle()),
                            bare.map(b -> f("%.1f×", r.microsPerArticle() / b.microsPerArticle()))
                                    .orElse("")));
                });
            }
        }
        md.append('\n');

        List<MicroBench.Row> buckets =
                micro.stream().filter(r -> !r.bucket().equals("ALL")).toList();
        md.append("## Cost by article length\n\n");
        if (buckets.isEmpty()) {
            md.append("Not measured in a quick run.\n\n");
        } else {
            md.append("Buckets by UTF-8 size: the shortest quarter, the middle fifth (around the median), the longest "
                    + "tenth of each language. µs per KB shows whether cost grows linearly with length.\n\n");
            md.append("| stage | lang | bucket | mean size | µs/article | µs per KB | bytes allocated/article |\n");
            md.append("|---|---|---|---:|---:|---:|---:|\n");
            for (MicroBench.Row r : buckets) {
                md.append(f(
                        "| %s | %s | %s | %,.0f B | %s | %.1f | %s |\n",
                        r.benchmark(),
                        r.lang(),
                        r.bucket().toLowerCase(Locale.ROOT),
                        r.meanArticleBytes(),
                        micros(r),
                        r.microsPerArticle() / (r.meanArticleBytes() / 1000.0),
                        Double.isNaN(r.bytesAllocatedPerArticle()) ? "n/a" : f("%,.0f", r.bytesAllocatedPerArticle())));
            }
            md.append('\n');
        }

        md.append("## Pipeline on the real local stack\n\n");
        md.append("A KRaft broker and an Apicurio registry of the run's own (`LocalStack`, fresh folder, free ports), "
                + options.articles() + " articles preloaded (the corpus repeated with unique ids and titles). "
                + "Drain times run from RUNNING to committed offsets at the end of every partition.\n\n");
        md.append("| measured | figure | baseline (same run) | ratio | target | verdict |\n");
        md.append("|---|---|---|---:|---|---|\n");
        for (Line l : pipeline) {
            md.append(f(
                    "| %s | %s | %s | %s | %s | %s |\n",
                    l.what(), l.figure(), l.baseline(), l.ratio(), l.target(), l.verdict()));
        }
        cold.ifPresent(c -> md.append(f(
                "| enricher heap after load (fresh JVM: knowledge base, taxonomy, language models; after GC) | %s "
                        + "| | | ≤ 512 MiB | %s |\n",
                PipelineBench.mb(c[1]), Line.verdict(c[1] <= 512L * 1024 * 1024, "over"))));
        md.append('\n');

        md.append("## Where the time of full enrichment goes (JFR)\n\n");
        md.append(f(
                "JDK Flight Recorder method sampling (10 ms) of `ArticleEnricher.enrich` over the corpus, warm, one "
                        + "thread: %d samples (recording: `%s`).\n\n",
                profile.samples(), profile.recording()));
        md.append("| stage | share of samples |\n|---|---:|\n");
        profile.byStage().forEach((k, v) -> md.append(f("| %s | %.1f%% |\n", k, v)));
        md.append("\n| hottest leaf method | share of samples |\n|---|---:|\n");
        profile.hottest().forEach((k, v) -> md.append(f("| `%s` | %.1f%% |\n", k, v)));
        md.append('\n');
        return md.toString();
    }

    private Optional<MicroBench.Row> row(String benchmark, String lang, String bucket) {
        return micro.stream()
                .filter(r -> r.benchmark().equals(benchmark)
                        && r.lang().equals(lang)
                        && r.bucket().equals(bucket))
                .findFirst();
    }

    private static String micros(MicroBench.Row r) {
        return Double.isNaN(r.error())
                ? f("%.1f", r.microsPerArticle())
                : f("%.1f ± %.1f", r.microsPerArticle(), r.error());
    }

    private static String machine() {
        List<String> parts = new ArrayList<>();
        parts.add(Runtime.getRuntime().availableProcessors() + " cores");
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            parts.add(f("%.1f GB memory", os.getTotalMemorySize() / 1e9));
        }
        parts.add(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        parts.add(
                "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")");
        parts.add(f("bench JVM max heap %,.0f MB", Runtime.getRuntime().maxMemory() / 1e6));
        return String.join(", ", parts);
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
