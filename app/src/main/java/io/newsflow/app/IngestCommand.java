package io.newsflow.app;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestReport;
import io.newsflow.ingest.feed.FeedConfig;
import io.newsflow.ingest.feed.FeedPoller;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.http.HttpIngestConfig;
import io.newsflow.ingest.http.HttpIngestServer;
import io.newsflow.ingest.watch.DropFolderConfig;
import io.newsflow.ingest.watch.DropFolderWatcher;
import io.newsflow.schemas.config.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Publishes articles to {@code news-articles-raw}; rejected items go to {@code news-dlq} with the reason. Either once
 * from files and folders ({@code PATH...}), or until Ctrl-C/SIGTERM from any combination of a drop folder
 * ({@code --watch}), feeds ({@code --feed}, {@code --feeds}) and the HTTP endpoint ({@code --http}).
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Publish article files (.txt, .json, .jsonl; folders read non-recursively) as RawArticle records,",
            "or run until Ctrl-C as a drop folder (--watch), feed poller (--feed/--feeds) and/or HTTP endpoint (--http).",
            "Every rejected item is explained here and kept in news-dlq; for PATHs the exit code is then 1."
        })
final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to ingest once.")
    private List<Path> paths = new ArrayList<>();

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            description = "Drop folder: publish each complete file that appears, then move it to DIR/done/ or "
                    + "DIR/failed/ (with a .error file).")
    private Path watch;

    @Option(
            names = "--feed",
            paramLabel = "URL",
            description = "RSS or Atom feed to poll (repeatable); interval: ingest.feed.interval (default 5 min).")
    private List<URI> feedUrls = new ArrayList<>();

    @Option(
            names = "--feeds",
            paramLabel = "FILE",
            description = "File with one feed URL per line (blank lines and lines starting with # are ignored).")
    private Path feedsFile;

    @Option(
            names = "--http",
            description = "Accept articles by POST /articles (JSON or text/plain) on 127.0.0.1 (ingest.http.*).")
    private boolean http;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port of --http (overrides ingest.http.port; 0 picks a free one).")
    private Integer port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<URI> feeds = new ArrayList<>(feedUrls);
        if (feedsFile != null) {
            feeds.addAll(readFeedList(feedsFile));
        }
        boolean longRunning = watch != null || !feeds.isEmpty() || http;
        if (!paths.isEmpty() && longRunning) {
            throw new ParameterException(
                    spec.commandLine(), "PATHs are ingested once; do not combine them with --watch, --feed or --http");
        }
        if (paths.isEmpty() && !longRunning) {
            throw new ParameterException(
                    spec.commandLine(), "Give PATHs to ingest, or --watch DIR, --feed URL, --feeds FILE or --http");
        }
        if (port != null && !http) {
            throw new ParameterException(spec.commandLine(), "--port is only meaningful with --http");
        }
        Settings settings = options.settings();
        // the source-specific records first: IngestConfig.from rejects every key not read before it
        DropFolderConfig watchConfig = DropFolderConfig.from(settings);
        FeedConfig feedConfig =
                FeedConfig.from(settings, Workspace.current().home().resolve("feeds-state.json"));
        HttpIngestConfig httpConfig = http ? HttpIngestConfig.from(settings) : null;
        if (httpConfig != null && port != null) {
            httpConfig = httpConfig.withPort(port);
        }
        IngestConfig config = IngestConfig.from(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (!longRunning) {
            IngestReport report = FileIngestor.ingest(config, paths, Clock.systemUTC());
            report.describe().forEach(out::println);
            return report.allAccepted() ? 0 : 1;
        }
        if (watch != null && !Files.isDirectory(watch)) {
            throw new ParameterException(spec.commandLine(), "--watch " + watch + " is not a directory");
        }
        return runUntilStopped(config, watchConfig, feeds, feedConfig, httpConfig, out);
    }

    private int runUntilStopped(
            IngestConfig config,
            DropFolderConfig watchConfig,
            List<URI> feeds,
            FeedConfig feedConfig,
            HttpIngestConfig httpConfig,
            PrintWriter out)
            throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        ArticleFileReader reader = new ArticleFileReader();
        ArticleNormaliser normaliser = new ArticleNormaliser(clock, config.source());
        CountDownLatch stop = new CountDownLatch(1);
        // Not a join in the hook: once everything is closed, main's System.exit blocks while hooks run
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(0);
        List<Thread> threads = new ArrayList<>();
        try (ArticlePublisher publisher = ArticlePublisher.create(config, clock)) {
            DropFolderWatcher watcher = null;
            FeedPoller poller = null;
            HttpIngestServer server = null;
            try {
                if (watch != null) {
                    watcher = new DropFolderWatcher(
                            watch, watchConfig, reader, normaliser, publisher, o -> say(out, o.describe()));
                    threads.add(start("newsflow-watch", watcher::run, stop, exitCode, out));
                    say(out, "watching " + watch.toAbsolutePath() + " (done/ and failed/ inside it)");
                }
                if (!feeds.isEmpty()) {
                    FeedState state = FeedState.load(feedConfig.stateFile());
                    poller = new FeedPoller(
                            feeds, feedConfig, normaliser, publisher, state, o -> say(out, o.describe()));
                    FeedPoller running = poller;
                    threads.add(start("newsflow-feeds", () -> running.run(), stop, exitCode, out));
                    say(
                            out,
                            "polling " + feeds.size() + " feed(s) every " + feedConfig.interval() + "; state in "
                                    + feedConfig.stateFile());
                }
                if (httpConfig != null) {
                    server = HttpIngestServer.start(httpConfig, reader, normaliser, publisher);
                    say(
                            out,
                            "accepting articles on http://" + server.address().getHostString() + ":"
                                    + server.address().getPort() + HttpIngestServer.ARTICLES_PATH
                                    + (httpConfig.token() == null ? "" : " (bearer token required)"));
                }
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    stop.countDown();
                                    try {
                                        closed.await(30, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                },
                                "newsflow-ingest-stop"));
                say(out, "running; Ctrl-C stops");
                stop.await();
            } finally {
                if (server != null) {
                    server.close();
                }
                if (watcher != null) {
                    watcher.close();
                }
                if (poller != null) {
                    poller.close();
                }
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(10));
                }
                if (watcher != null) {
                    say(out, "drop folder stopped: " + watcher.summary().describe());
                }
            }
        } finally {
            closed.countDown();
        }
        say(out, "ingest stopped");
        return exitCode.get();
    }

    /** Runs a source on its own thread; if it fails, says why and stops the command with exit code 1. */
    private static Thread start(
            String name, Source source, CountDownLatch stop, AtomicInteger exitCode, PrintWriter out) {
        Thread t = new Thread(
                () -> {
                    try {
                        source.run();
                    } catch (IOException | RuntimeException e) {
                        say(out, name + " failed: " + e);
                        exitCode.set(1);
                        stop.countDown();
                    }
                },
                name);
        t.start();
        return t;
    }

    @FunctionalInterface
    private interface Source {
        void run() throws IOException;
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static List<URI> readFeedList(Path file) throws IOException {
        List<URI> feeds = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                feeds.add(URI.create(s));
            }
        }
        return feeds;
    }
}
