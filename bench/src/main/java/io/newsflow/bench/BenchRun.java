package io.newsflow.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Everything {@code newsflow bench} runs, in order: the JMH micro-benchmarks, a cold start in a fresh JVM, a JFR
 * profile of full enrichment, the pipeline harness on a local stack of its own; then {@code bench/RESULTS.md}.
 */
public final class BenchRun {

    /**
     * What to run.
     *
     * @param quick the ~1-minute subset: JMH in-process with short iterations, small pipeline figures
     * @param articles articles preloaded for the pipeline harness
     * @param burst articles of the burst
     * @param corpus the folder with {@code es-news.jsonl} and {@code en-news.jsonl}
     * @param results the results file to write
     * @param workDir a folder the run may fill (stack, databases, JMH log, JFR recording)
     * @param postgresUrl PostgreSQL for the sink comparison, or null to skip it
     * @param projectDir the checkout, for the commit
     * @param command the command line, for the results
     */
    public record Options(
            boolean quick,
            int articles,
            int burst,
            Path corpus,
            Path results,
            Path workDir,
            String postgresUrl,
            Path projectDir,
            String command) {

        public Options {
            if (articles < 1 || burst < 1) {
                throw new IllegalArgumentException("articles and burst must be positive");
            }
            Objects.requireNonNull(corpus, "corpus");
            Objects.requireNonNull(results, "results");
            Objects.requireNonNull(workDir, "workDir");
        }
    }

    private final Options options;
    private final PrintWriter progress;

    public BenchRun(Options options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs everything and writes the results file; returns its path. */
    public Path run() throws Exception {
        Instant started = Instant.now();
        double loadBefore = loadAverage();
        Files.createDirectories(options.workDir());
        List<Corpus.Article> corpus = Corpus.both(options.corpus());
        say("corpus: " + corpus.size() + " articles from " + options.corpus());

        say("JMH micro-benchmarks (" + (options.quick() ? "quick subset" : "all") + ", one fork each); log in "
                + options.workDir().resolve("jmh.log") + " ...");
        List<MicroBench.Row> micro = new MicroBench(
                        options.quick(), options.corpus(), options.workDir().resolve("jmh.log"))
                .run();

        say("cold start in a fresh JVM ...");
        Optional<long[]> cold = coldStart();

        say("JFR profile of full enrichment ...");
        EnrichmentProfile.Summary profile = EnrichmentProfile.record(
                corpus,
                options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(10),
                options.quick() ? Duration.ofSeconds(4) : Duration.ofSeconds(15),
                options.workDir().resolve("enrichment.jfr"));

        double predicted = predictedRate(micro, corpus);
        List<Line> pipeline = new PipelineBench(
                        new PipelineBench.Plan(
                                options.articles(),
                                options.burst(),
                                options.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(45),
                                options.quick() ? 1 : 2,
                                options.postgresUrl(),
                                options.workDir(),
                                predicted),
                        corpus,
                        progress)
                .run();

        String markdown = new ResultsReport(
                        options,
                        started,
                        Duration.between(started, Instant.now()),
                        loadBefore,
                        loadAverage(),
                        commit(),
                        micro,
                        cold,
                        profile,
                        pipeline)
                .markdown();
        Files.createDirectories(options.results().toAbsolutePath().getParent());
        Files.writeString(options.results(), markdown, StandardCharsets.UTF_8);
        say("wrote " + options.results() + " in "
                + Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS));
        return options.results();
    }

    /**
     * Articles per second the JMH figure predicts for one thread enriching the pipeline's input: the corpus cycled,
     * so each language weighs by its number of articles.
     */
    static double predictedRate(List<MicroBench.Row> micro, List<Corpus.Article> corpus) {
        double micros = 0;
        for (String lang : List.of("es", "en")) {
            long n = corpus.stream().filter(a -> a.lang().equals(lang)).count();
            Optional<MicroBench.Row> row = micro.stream()
                    .filter(r -> r.benchmark().equals("fullEnrichment")
                            && r.lang().equals(lang)
                            && r.bucket().equals("ALL"))
                    .findFirst();
            if (row.isEmpty()) {
                return Double.NaN;
            }
            micros += n * row.get().microsPerArticle();
        }
        return corpus.size() / micros * 1_000_000;
    }

    /** {@code [firstArticleMillis, heapAfterLoadBytes]} from {@link ColdStart} in a fresh JVM. */
    private Optional<long[]> coldStart() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx1g",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ColdStart.class.getName(),
                options.corpus().toAbsolutePath().toString()));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectError(options.workDir().resolve("cold-start.log").toFile())
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                say("cold start failed; see " + options.workDir().resolve("cold-start.log"));
                return Optional.empty();
            }
            Map<String, Long> values = new java.util.HashMap<>();
            for (String token : out.trim().split("\\s+")) {
                String[] kv = token.split("=", 2);
                if (kv.length == 2 && kv[1].matches("\\d+")) {
                    values.put(kv[0], Long.parseLong(kv[1]));
                }
            }
            return Optional.of(new long[] {values.get("firstArticleMillis"), values.get("heapAfterLoadBytes")});
        } catch (IOException | RuntimeException e) {
            say("cold start failed: " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String commit() {
        if (options.projectDir() == null) {
            return "unknown";
        }
        try {
            Process p = new ProcessBuilder("git", "-C", options.projectDir().toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String head = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            Process d = new ProcessBuilder(
                            "git",
                            "-C",
                            options.projectDir().toString(),
                            "status",
                            "--porcelain",
                            "--untracked-files=no")
                    .redirectErrorStream(true)
                    .start();
            String dirty = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            d.waitFor(10, TimeUnit.SECONDS);
            return head.matches("[0-9a-f]{40}")
                    ? head + (dirty.isEmpty() ? "" : " (with uncommitted changes)")
                    : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static double loadAverage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os.getSystemLoadAverage();
    }

    private void say(String line) {
        progress.println("bench: " + line);
        progress.flush();
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
