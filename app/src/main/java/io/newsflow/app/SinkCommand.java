package io.newsflow.app;

import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkProgress;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the sink until interrupted (Ctrl-C). */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the sink: news-articles-enriched -> SQLite (default) or PostgreSQL, idempotently.")
final class SinkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Override
    public Integer call() {
        SinkConfig config = SinkConfig.from(options.settings());
        try (ArticleStore store = JdbcArticleStore.open(config.jdbcUrl());
                EnrichedArticleSink sink = EnrichedArticleSink.create(config, store, Clock.systemUTC())) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sink.shutdown();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsflow-sink-stop"));
            spec.commandLine().getErr().println("sink running, writing to " + config.jdbcUrl() + "; Ctrl-C stops it");
            SinkProgress progress = sink.runUntil(p -> false);
            spec.commandLine().getErr().println("sink stopped: " + progress.stored() + " stored, "
                    + progress.deadLettered() + " dead-lettered");
        }
        return 0;
    }
}
