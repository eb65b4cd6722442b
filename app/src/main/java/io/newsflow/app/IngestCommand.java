package io.newsflow.app;

import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.app.monitor.ServiceMonitor;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestProgress;
import io.newsflow.ingest.IngestReport;
import io.newsflow.ingest.drop.DropTopicIngestor;
import io.newsflow.ingest.drop.DropTopicProgress;
import io.newsflow.ingest.drop.DropTopicStoppedException;
import io.newsflow.ingest.feed.FeedConfig;
import io.newsflow.ingest.feed.FeedPoller;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.http.HttpIngestConfig;
import io.newsflow.ingest.http.HttpIngestServer;
import io.newsflow.ingest.watch.DropFolderConfig;
import io.newsflow.ingest.watch.DropFolderWatcher;
import io.newsflow.schemas.config.Settings;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
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
 * ({@code --watch}), feeds ({@code --feed}, {@code --feeds}) and the HTTP endpoint ({@code --http}). With
 * {@code --from-topic}, runs the {@code news-ingest} drop-topic service until Ctrl-C instead (exactly once: each
 * record becomes a RawArticle or a dead letter in the transaction that commits its offset).
 *
 * <p>Exit status for PATHs: 0 when every article was published (duplicates and files that are not articles, such as
 * a folder's {@code README.md}, are notes), 1 when an item was rejected, a record was not acknowledged, or a path was
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
            "Publish article files (.txt, .json, .jsonl, .html, .htm, .md, .markdown; folders read non-recursively)"
                    + " as RawArticle records, with a summary that adds up: read = published + duplicates + rejected"
                    + " + skipped + failed;",
            "or run until Ctrl-C as a drop folder (--watch), feed poller (--feed/--feeds) and/or HTTP endpoint (--http).",
            "With --from-topic: consume the news-ingest drop topic until Ctrl-C, turning each record (JSON object,",
            "plain text, or a RawArticle in the Avro wire format) exactly once into a RawArticle or a dead letter.",
            "Every rejected item is explained here and kept in news-dlq; for PATHs the exit code is then 1."
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

    @Option(
            names = "--from-topic",
            description = "Run the news-ingest drop-topic service until Ctrl-C (settings ingest.group.id,"
                    + " ingest.transactional.id, ...) instead of reading files.")
    private boolean fromTopic;

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
        if (fromTopic) {
            if (!paths.isEmpty() || longRunning) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--from-topic runs the news-ingest service on its own: give no PATH, --watch, --feed or --http"
                                + " with it");
            }
            Settings settings = options.settings();
            MonitorConfig monitorConfig = MonitorConfig.from(settings, MonitorConfig.INGEST_PORT);
            IngestConfig config = IngestConfig.from(settings);
            try (ServiceMonitor monitor = Monitoring.ingest(
                    monitorConfig,
                    config.bootstrapServers(),
                    config.schemaRegistryUrl(),
                    spec.commandLine().getErr())) {
                return runDropTopic(config);
            }
        }
        if (!paths.isEmpty() && longRunning) {
            throw new ParameterException(
                    spec.commandLine(), "PATHs are ingested once; do not combine them with --watch, --feed or --http");
        }
        if (paths.isEmpty() && !longRunning) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Give PATHs to ingest, or --from-topic, --watch DIR, --feed URL, --feeds FILE or --http");
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
            IngestReport report;
            try (BarProgress bar = new BarProgress(progress, interactive())) {
                report = FileIngestor.ingest(config, paths, Clock.systemUTC(), bar);
            }
            report.describe().forEach(out::println);
            out.flush();
            return report.succeeded() ? 0 : 1;
        }
        if (watch != null && !Files.isDirectory(watch)) {
            throw new ParameterException(spec.commandLine(), "--watch " + watch + " is not a directory");
        }
        return runUntilStopped(config, watchConfig, feeds, feedConfig, httpConfig, out);
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
            // Said before the hook is released: once it returns, the JVM halts and a later line would be lost.
            say(out, "ingest stopped");
            closed.countDown();
        }
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
