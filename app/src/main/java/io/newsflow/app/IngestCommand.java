package io.newsflow.app;

import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Publishes article files to {@code news-articles-raw}; rejected items go to {@code news-dlq} with the reason. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Publish article files (.txt, .json, .jsonl; folders read non-recursively) as RawArticle records.",
            "Every rejected item is explained here and kept in news-dlq; the exit code is then 1."
        })
final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to ingest.")
    private List<Path> paths;

    @Override
    public Integer call() {
        IngestReport report = FileIngestor.ingest(IngestConfig.from(options.settings()), paths, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        report.describe().forEach(out::println);
        return report.allAccepted() ? 0 : 1;
    }
}
