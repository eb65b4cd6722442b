package io.newsflow.app;

import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.app.monitor.ServiceMonitor;
import io.newsflow.schemas.config.Settings;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkProgress;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the sink until interrupted (Ctrl-C). */
@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        description = "Run the sink: news-articles-enriched -> SQLite (default) or PostgreSQL, idempotently.")
final class SinkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    /** How long the shutdown hook waits for the run loop to close the clients. */
    static final int CLOSE_TIMEOUT_SECONDS = 10;
    /** What the hook prints when that wait ran out (and the JVM exits without a clean close). */
    static final String NOT_CLOSED_IN_TIME =
            "sink not closed within " + CLOSE_TIMEOUT_SECONDS + " s of the signal; exiting anyway";

    @Override
    @SuppressWarnings("try") // the monitor is only opened and closed here
    public Integer call() {
        Settings settings = options.settings();
        MonitorConfig monitorConfig = MonitorConfig.from(settings, MonitorConfig.SINK_PORT);
        SinkConfig config = Workspace.current().resolve(SinkConfig.from(settings));
        // Not a join on this thread: once it has closed everything it calls System.exit, which blocks while hooks
        // run, so a join would always wait for its full timeout.
        CountDownLatch closed = new CountDownLatch(1);
        try (ArticleStore store = JdbcArticleStore.open(config.jdbcUrl());
                EnrichedArticleSink sink = EnrichedArticleSink.create(config, store, Clock.systemUTC());
                ServiceMonitor monitor = Monitoring.sink(
                        monitorConfig,
                        config.bootstrapServers(),
                        config.schemaRegistryUrl(),
                        config.jdbcUrl(),
                        sink,
                        spec.commandLine().getErr())) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                sink.shutdown();
                                try {
                                    if (!closed.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                                        System.err.println(NOT_CLOSED_IN_TIME);
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "newsflow-sink-stop"));
            spec.commandLine()
                    .getErr()
                    .println("sink running, writing to " + JdbcArticleStore.redact(config.jdbcUrl())
                            + "; Ctrl-C stops it. It waits out broker, registry and database outages by itself"
                            + " (logged as 'Sink unhealthy' and 'healthy again').");
            SinkProgress progress = sink.runUntil(p -> false);
            spec.commandLine()
                    .getErr()
                    .println("sink stopped: " + progress.stored() + " stored, " + progress.deadLettered()
                            + " dead-lettered");
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
