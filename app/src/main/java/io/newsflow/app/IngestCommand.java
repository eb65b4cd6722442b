package io.newsflow.app;

import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestProgress;
import io.newsflow.ingest.IngestReport;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Publishes article files to {@code news-articles-raw}; rejected items go to {@code news-dlq} with the reason.
 *
 * <p>Exit status: 0 when every article was published (duplicates and files that are not articles, such as a
 * folder's {@code README.md}, are notes), 1 when an item was rejected, a record was not acknowledged, or a path was
 * missing or unreadable.
 *
 * <p>Progress: a bar with rate and ETA on stderr (me.tongfei:progressbar), in MiB of input. {@code --progress=auto}
 * (the default) shows it only in an interactive terminal and for at least {@value #AUTO_MIN_BYTES} bytes of input,
 * so scripts, pipes and CI logs get none and small runs do not flicker; {@code always} and {@code never} decide
 * outright.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Publish article files (.txt, .json, .jsonl, .html, .htm, .md, .markdown; folders read non-recursively) as"
                    + " RawArticle records.",
            "Prints a summary that adds up: read = published + duplicates + rejected + skipped + failed.",
            "Every rejected item is explained here and kept in news-dlq; the exit code is then 1. Files that are not"
                    + " articles (README.md, LICENSE, other types) and duplicates are notes and keep it 0."
        })
final class IngestCommand implements Callable<Integer> {

    /** Input size from which {@code --progress=auto} shows the bar: 1 MiB. */
    static final long AUTO_MIN_BYTES = 1024 * 1024;

    /** When to draw the progress bar. */
    enum ProgressMode {
        auto,
        always,
        never
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description = "Progress bar with rate and ETA on stderr: auto (interactive terminal and at least 1 MiB"
                    + " of input), always or never. Default: ${DEFAULT-VALUE}.")
    private ProgressMode progress = ProgressMode.auto;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to ingest.")
    private List<Path> paths;

    @Override
    public Integer call() {
        IngestReport report;
        try (BarProgress bar = new BarProgress(progress, interactive())) {
            report = FileIngestor.ingest(IngestConfig.from(options.settings()), paths, Clock.systemUTC(), bar);
        }
        PrintWriter out = spec.commandLine().getOut();
        report.describe().forEach(out::println);
        out.flush();
        return report.succeeded() ? 0 : 1;
    }

    /** Whether stdin and stdout are a terminal (Java 22+ returns a console for pipes too; it then says so). */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only for a terminal
        }
    }

    /** Whether the bar is drawn for this mode, terminal and input size. */
    static boolean showBar(ProgressMode mode, boolean interactive, long totalBytes) {
        return switch (mode) {
            case always -> true;
            case never -> false;
            case auto -> interactive && totalBytes >= AUTO_MIN_BYTES;
        };
    }

    /** An {@link IngestProgress} drawing a me.tongfei progress bar on stderr, when {@link #showBar} says so. */
    static final class BarProgress implements IngestProgress, AutoCloseable {
        private final ProgressMode mode;
        private final boolean interactive;
        private ProgressBar bar;

        BarProgress(ProgressMode mode, boolean interactive) {
            this.mode = mode;
            this.interactive = interactive;
        }

        @Override
        public void start(long totalBytes) {
            if (showBar(mode, interactive, totalBytes)) {
                bar = new ProgressBarBuilder()
                        .setTaskName("ingest")
                        .setInitialMax(totalBytes)
                        .setUnit(" MiB", 1024 * 1024)
                        .showSpeed(new DecimalFormat("0.0"))
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build();
            }
        }

        @Override
        public void advance(long bytes) {
            if (bar != null) {
                bar.stepBy(bytes);
            }
        }

        @Override
        public void finish() {
            close();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
