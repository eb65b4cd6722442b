package io.newsflow.app;

import io.newsflow.bench.BenchRun;
import io.newsflow.bench.Corpus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow bench}: the JMH micro-benchmarks and the pipeline harness on a local stack of its own, each figure
 * against a baseline of the same run; writes {@code bench/RESULTS.md}. See {@code bench/README.md}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark every stage against its baseline in one run (aimed at under 15 minutes on a quiet machine; "
                    + "--quick a few minutes) and "
                    + "write bench/RESULTS.md.",
            "Starts a broker and registry of its own on free ports; a running stack is not touched."
        })
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "A short subset: JMH in-process, small preload, one alternation.")
    private boolean quick;

    @Option(
            names = "--articles",
            paramLabel = "N",
            description = "Articles preloaded for the pipeline harness (default 20000; 1500 with --quick).")
    private Integer articles;

    @Option(
            names = "--burst",
            paramLabel = "N",
            description = "Articles of the burst (default 7600, one GDELT 15-minute batch; 600 with --quick).")
    private Integer burst;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "Folder with es-news.jsonl and en-news.jsonl (default ../shared/corpus beside the checkout).")
    private Path corpus;

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL for the sink comparison; a schema of its own is created and dropped "
                    + "(default jdbc:postgresql://127.0.0.1:5432/test?user=postgres; 'none' to skip).")
    private String postgres = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Results file (default bench/RESULTS.md in the checkout).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Workspace workspace = Workspace.current();
        Path corpusDir = corpus != null ? corpus : Corpus.defaultDirectory();
        if (!Files.isRegularFile(corpusDir.resolve("es-news.jsonl"))
                || !Files.isRegularFile(corpusDir.resolve("en-news.jsonl"))) {
            err.println("bench: no es-news.jsonl and en-news.jsonl in " + corpusDir + " (use --corpus DIR)");
            return 2;
        }
        Path work = workspace
                .home()
                .resolve("bench")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        StringBuilder command = new StringBuilder("./newsflow bench");
        if (quick) {
            command.append(" --quick");
        }
        if (articles != null) {
            command.append(" --articles ").append(articles);
        }
        if (burst != null) {
            command.append(" --burst ").append(burst);
        }
        BenchRun.Options options = new BenchRun.Options(
                quick,
                articles != null ? articles : quick ? 1_500 : 20_000,
                burst != null ? burst : quick ? 600 : 7_600,
                corpusDir.toAbsolutePath().normalize(),
                out != null ? out : workspace.projectDir().resolve("bench").resolve("RESULTS.md"),
                work,
                "none".equals(postgres) ? null : postgres,
                workspace.projectDir(),
                command.toString());
        Path written = new BenchRun(options, err).run();
        spec.commandLine().getOut().println("results: " + written);
        return 0;
    }
}
