package io.newsflow.app;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestReport;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkProgress;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole pipeline on the embedded default, as {@code newsflow demo} runs it: the local stack, the enricher (Kafka
 * Streams), the sink (SQLite) and file ingest of the samples, each the same service class production runs, wired
 * together here and torn down at the end. Progress goes to {@code progress}; the result is returned for printing.
 */
final class DemoPipeline {

    /** How long the demo waits for its articles to come through; generous for a cold JVM on two cores. */
    static final Duration ARTICLE_TIMEOUT = Duration.ofMinutes(3);

    /**
     * What a run produced.
     *
     * @param ingest what ingest published and rejected
     * @param enriched the enriched articles of this run, in ingest order
     * @param missing ids that were published but not seen enriched in time
     * @param sink what the sink did
     * @param stored how many of this run's articles the database holds at the end
     * @param database the SQLite file
     */
    record Result(
            IngestReport ingest,
            List<EnrichedArticle> enriched,
            Set<String> missing,
            SinkProgress sink,
            long stored,
            Path database) {

        boolean complete() {
            return missing.isEmpty() && stored == ingest.publishedCount() && ingest.publishedCount() > 0;
        }
    }

    private final Workspace workspace;
    private final List<Path> inputs;
    private final PrintWriter progress;

    DemoPipeline(Workspace workspace, List<Path> inputs, PrintWriter progress) {
        this.workspace = workspace;
        this.inputs = inputs;
        this.progress = progress;
    }

    Result run() throws Exception {
        say("starting the local stack: a real Kafka broker (KRaft) and an Apicurio schema registry ...");
        StackConfig stackConfig = StackConfig.defaults(workspace.stackDir()).withFreePorts();
        try (LocalStack stack = LocalStack.start(stackConfig)) {
            say("stack " + (stack.owned() ? "started" : "reused") + ": kafka " + stack.bootstrapServers()
                    + ", registry " + stack.schemaRegistryUrl());
            TopicSetup.ensure(stack.bootstrapServers(), 3, (short) 1);
            return runOn(stack.bootstrapServers(), stack.schemaRegistryUrl());
        } finally {
            say("local stack stopped (unless it was already running before the demo)");
        }
    }

    private Result runOn(String bootstrap, String registryUrl) throws Exception {
        Clock clock = Clock.systemUTC();
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        Files.createDirectories(workspace.home());
        Path database = workspace.database();
        String jdbcUrl = "jdbc:sqlite:" + database;

        say("loading the knowledge base and language models ...");
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichConfig enrichConfig = EnrichConfig.from(io.newsflow.schemas.config.Settings.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "enrich.state.dir", workspace.streamsStateDir().toString())));
        SinkConfig sinkConfig = SinkConfig.from(io.newsflow.schemas.config.Settings.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "sink.jdbc.url", jdbcUrl)));
        IngestConfig ingestConfig = IngestConfig.from(io.newsflow.schemas.config.Settings.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "ingest.source", "newsflow-samples")));

        try (EnrichService enrich = EnrichService.start(enrichConfig, EnrichSerdes.using(registry), enricher);
                ArticleStore store = JdbcArticleStore.open(jdbcUrl);
                EnrichedArticleSink sink = EnrichedArticleSink.create(sinkConfig, store, clock);
                EnrichedTopicReader reader = new EnrichedTopicReader(bootstrap, registry)) {
            enrich.awaitRunning(Duration.ofMinutes(2));
            say("enricher running (Kafka Streams, exactly_once_v2)");

            AtomicReference<Set<String>> awaited = new AtomicReference<>();
            CompletableFuture<SinkProgress> sinkRun =
                    CompletableFuture.supplyAsync(() -> sink.runUntil(p -> allStored(store, awaited.get())));
            try {
                IngestReport report = FileIngestor.ingest(ingestConfig, inputs, clock);
                report.describe().forEach(line -> say("ingest: " + line));
                Set<String> ids = new LinkedHashSet<>();
                report.published().forEach(p -> ids.add(p.articleId()));
                awaited.set(Set.copyOf(ids));

                Map<String, EnrichedArticle> seen = reader.awaitArticles(ids, ARTICLE_TIMEOUT);
                // an article that was not enriched (dead-lettered, or late) will not be stored either: do not wait
                // another ARTICLE_TIMEOUT for it
                awaited.set(Set.copyOf(seen.keySet()));
                SinkProgress sinkProgress = awaitSink(sinkRun, sink);
                Set<String> missing = new LinkedHashSet<>(ids);
                missing.removeAll(seen.keySet());
                List<EnrichedArticle> enriched = new ArrayList<>();
                ids.stream().filter(seen::containsKey).forEach(id -> enriched.add(seen.get(id)));
                long stored =
                        ids.stream().filter(id -> store.find(id).isPresent()).count();
                say("sink: " + stored + " of " + ids.size() + " articles stored in " + database);
                return new Result(report, enriched, missing, sinkProgress, stored, database);
            } finally {
                stopSink(sinkRun, sink);
            }
        }
    }

    /**
     * When ingest or the reader failed, the sink's loop still runs on its own thread; it must have returned before the
     * sink and the store are closed (a consumer closed under a running poll fails, and the loop would go on).
     */
    private static void stopSink(CompletableFuture<SinkProgress> run, EnrichedArticleSink sink) {
        if (!run.isDone()) {
            sink.shutdown();
        }
        run.handle((progress, error) -> null).join();
    }

    /** Evaluated on the sink's own thread after each poll, where the store may be used. */
    private static boolean allStored(ArticleStore store, Set<String> ids) {
        return ids != null && ids.stream().allMatch(id -> store.find(id).isPresent());
    }

    private static SinkProgress awaitSink(CompletableFuture<SinkProgress> run, EnrichedArticleSink sink)
            throws InterruptedException, ExecutionException {
        try {
            return run.get(ARTICLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            sink.shutdown();
            return run.get();
        }
    }

    private void say(String line) {
        progress.println("newsflow demo: " + line);
        progress.flush();
    }

    /** The sample article files the demo ingests by default (the folder's README is not one). */
    static List<Path> sampleFiles(Path samples) throws IOException {
        if (!Files.isDirectory(samples)) {
            throw new IOException("No samples folder at " + samples + " (run ./newsflow from the project folder)");
        }
        try (var listing = Files.list(samples)) {
            return listing.filter(ArticleFileReader::isSupported).sorted().toList();
        }
    }
}
