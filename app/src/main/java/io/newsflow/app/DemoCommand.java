package io.newsflow.app;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the whole pipeline on the embedded default and prints what came out. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline on the embedded default: start a local Kafka broker and schema registry,",
            "ingest the sample articles (the .txt samples dropped on the news-ingest topic as plain text and read by",
            "the drop-topic service, the others from their files), enrich them (Kafka Streams), store them in SQLite,",
            "print each enriched article, stop the stack. Exit code 0 when every article came through."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print EnrichedArticle JSON lines (Avro field names) instead of a summary.")
    private boolean json;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Article files or folders to ingest instead of the bundled samples/.")
    private List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = Workspace.current();
        List<Path> files;
        List<Path> drops;
        if (inputs == null || inputs.isEmpty()) {
            List<Path> samples = DemoPipeline.sampleFiles(workspace.samples());
            drops = DemoPipeline.sampleDrops(samples);
            files = samples.stream().filter(p -> !drops.contains(p)).toList();
        } else {
            files = inputs;
            drops = List.of();
        }
        PrintWriter err = spec.commandLine().getErr();
        DemoPipeline.Result result = new DemoPipeline(workspace, files, drops, err).run();

        PrintWriter out = spec.commandLine().getOut();
        ArticlePrinter printer = new ArticlePrinter(out, json);
        for (EnrichedArticle article : result.enriched()) {
            printer.print(article);
        }
        out.flush();
        if (!result.missing().isEmpty()) {
            err.println("newsflow demo: not enriched in time: " + result.missing());
        }
        err.println("newsflow demo: " + result.enriched().size() + " enriched ("
                + result.dropped().size()
                + " through news-ingest), " + result.stored() + " stored in "
                + result.database() + ", " + result.ingest().rejectedCount() + " rejected (see news-dlq)");
        err.flush();
        return result.complete() ? 0 : 1;
    }
}
