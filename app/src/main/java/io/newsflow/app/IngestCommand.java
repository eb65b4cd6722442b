package io.newsflow.app;

import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestReport;
import io.newsflow.ingest.drop.DropTopicIngestor;
import io.newsflow.ingest.drop.DropTopicProgress;
import io.newsflow.ingest.drop.DropTopicStoppedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Publishes article files to {@code news-articles-raw}; rejected items go to {@code news-dlq} with the reason. With
 * {@code --from-topic}, runs the {@code news-ingest} drop-topic service until Ctrl-C instead.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Publish article files (.txt, .json, .jsonl; folders read non-recursively) as RawArticle records.",
            "Every rejected item is explained here and kept in news-dlq; the exit code is then 1.",
            "With --from-topic: consume the news-ingest drop topic until Ctrl-C, turning each record (JSON object,",
            "plain text, or a RawArticle in the Avro wire format) exactly once into a RawArticle or a dead letter."
        })
final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Option(
            names = "--from-topic",
            description = "Run the news-ingest drop-topic service until Ctrl-C (settings ingest.group.id,"
                    + " ingest.transactional.id, ...) instead of reading files.")
    private boolean fromTopic;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to ingest.")
    private List<Path> paths;

    @Override
    public Integer call() {
        boolean hasPaths = paths != null && !paths.isEmpty();
        if (fromTopic == hasPaths) {
            throw new ParameterException(
                    spec.commandLine(),
                    fromTopic
                            ? "--from-topic reads news-ingest: give no PATH with it"
                            : "Missing required parameter: give files or folders to ingest, or --from-topic");
        }
        IngestConfig config = IngestConfig.from(options.settings());
        return fromTopic ? runDropTopic(config) : ingestFiles(config);
    }

    private int ingestFiles(IngestConfig config) {
        IngestReport report = FileIngestor.ingest(config, paths, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        report.describe().forEach(out::println);
        return report.allAccepted() ? 0 : 1;
    }

    private int runDropTopic(IngestConfig config) {
        PrintWriter err = spec.commandLine().getErr();
        // Not a join on this thread: once it has closed everything it calls System.exit, which blocks while hooks
        // run, so a join would always wait for its full timeout.
        CountDownLatch closed = new CountDownLatch(1);
        try (DropTopicIngestor service = DropTopicIngestor.create(config, Clock.systemUTC())) {
            Thread hook = new Thread(
                    () -> {
                        service.shutdown();
                        try {
                            closed.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "newsflow-ingest-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println(
                    "news-ingest service running (group " + config.dropTopic().groupId() + ", transactional id "
                            + config.dropTopic().transactionalId() + "): news-ingest -> news-articles-raw, news-dlq;"
                            + " Ctrl-C stops it");
            err.flush();
            try {
                service.run();
            } catch (DropTopicStoppedException e) {
                err.println(e.getMessage());
                return 1;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is what stopped the service, and it waits for the close
                }
                DropTopicProgress p = service.progress();
                err.println("news-ingest service stopped: " + p.published() + " published, " + p.deadLettered()
                        + " dead-lettered, " + p.aborted() + " transaction(s) retried");
                err.flush();
            }
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
