package io.newsflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks through JMH's own {@link Runner} (so {@code newsflow bench} needs no separate uber-jar) with
 * the GC profiler for bytes allocated per article, and turns the results into rows: time per article, MB/s and
 * bytes per article for each benchmark, language and length bucket.
 */
public final class MicroBench {

    /**
     * One benchmark result.
     *
     * @param benchmark the method name ({@code fullEnrichment}, {@code bareScan}, ...)
     * @param microsPerArticle mean time per article (one operation)
     * @param error the 99.9% confidence half-width JMH reports (NaN with a single iteration)
     * @param bytesAllocatedPerArticle {@code gc.alloc.rate.norm}, NaN when the profiler gave none
     * @param meanArticleBytes mean UTF-8 size of the articles of the bucket, for MB/s
     */
    public record Row(
            String benchmark,
            String lang,
            String bucket,
            double microsPerArticle,
            double error,
            double bytesAllocatedPerArticle,
            double meanArticleBytes) {

        public double articlesPerSecond() {
            return 1_000_000.0 / microsPerArticle;
        }

        /** Megabytes (10^6 bytes) of article text per second: bytes per microsecond. */
        public double megabytesPerSecond() {
            return meanArticleBytes / microsPerArticle;
        }
    }

    private final boolean quick;
    private final Path corpus;
    private final Path log;

    public MicroBench(boolean quick, Path corpus, Path log) {
        this.quick = quick;
        this.corpus = corpus;
        this.log = log;
    }

    /**
     * Every stage of both languages over the whole corpus; then, in a full run, the length buckets of the matching
     * baseline, linking and full enrichment.
     */
    public List<Row> run() throws RunnerException {
        List<Row> rows = new ArrayList<>();
        rows.addAll(run(
                quick
                        ? List.of(EnrichmentBenchmarks.class.getName() + ".(bareScan|fullEnrichment)$")
                        : List.of(EnrichmentBenchmarks.class.getName() + ".*", SerdeBenchmarks.class.getName() + ".*"),
                List.of("ALL"),
                false));
        if (!quick) {
            rows.addAll(run(
                    List.of(EnrichmentBenchmarks.class.getName() + ".(bareScan|fullEnrichment)$"),
                    List.of("SHORT", "MEDIAN", "LONG"),
                    true));
        }
        return rows;
    }

    /**
     * @param buckets the {@code bucket} parameter's values
     * @param byLength the length-bucket runs: a subset of the corpus, cycled faster, so a shorter warm-up does
     */
    private List<Row> run(List<String> includes, List<String> buckets, boolean byLength) throws RunnerException {
        // one fresh JVM per benchmark with the enricher's heap (1 GiB), loading only what that benchmark needs: run
        // in-process, the language models and knowledge bases of all of them would share one heap and time GC
        ChainedOptionsBuilder options = new OptionsBuilder()
                .param("bucket", buckets.toArray(String[]::new))
                .addProfiler("gc")
                .timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true)
                .output(log.toString())
                .forks(1)
                .jvmArgs("-Xms1g", "-Xmx1g", "-D" + Corpus.DIRECTORY_PROPERTY + "=" + corpus.toAbsolutePath());
        includes.forEach(options::include);
        if (quick) {
            options.warmupIterations(1)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(2)
                    .measurementTime(TimeValue.seconds(1));
        } else {
            // what the benchmark runs on is loaded before the warm-up (EnrichmentBenchmarks.Articles#load); the
            // enricher's code keeps getting faster for about ten seconds of warm-up on two cores
            options.warmupIterations(byLength ? 2 : 3)
                    .warmupTime(TimeValue.seconds(byLength ? 2 : 3))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.milliseconds(byLength ? 1000 : 2000));
        }
        System.setProperty(Corpus.DIRECTORY_PROPERTY, corpus.toAbsolutePath().toString());
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String lang = r.getParams().getParam("lang");
            String bucket = r.getParams().getParam("bucket");
            double mean = Corpus.meanBytes(Corpus.Bucket.valueOf(bucket).of(Corpus.load(corpus, lang)));
            rows.add(new Row(
                    method,
                    lang,
                    bucket,
                    r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(),
                    allocated(r.getSecondaryResults()),
                    mean));
        }
        return rows;
    }

    private static double allocated(Map<String, Result> secondary) {
        for (String key : List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm")) {
            Result result = secondary.get(key);
            if (result != null) {
                return result.getScore();
            }
        }
        return Double.NaN;
    }
}
