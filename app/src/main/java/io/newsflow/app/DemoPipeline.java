package io.newsflow.app;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestReport;
import io.newsflow.ingest.drop.DropOutcome;
import io.newsflow.ingest.drop.DropRecordReader;
import io.newsflow.ingest.drop.DropTopicIngestor;
import io.newsflow.schemas.Topics;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The whole pipeline on the embedded default, as {@code newsflow demo} runs it: the local stack, the enricher (Kafka
 * Streams), the sink (SQLite), the {@code news-ingest} drop-topic service, file ingest of some samples and the others
 * dropped on {@code news-ingest} as plain text (as a person would with the console producer), each the same service
 * class production runs, wired together here and torn down at the end. Progress goes to {@code progress}; the result
 * is returned for printing.
 */
final class DemoPipeline {

    /** How long the demo waits for its articles to come through; generous for a cold JVM on two cores. */
    static final Duration ARTICLE_TIMEOUT = Duration.ofMinutes(3);

    /**
     * What a run produced.
     *
     * @param ingest what file ingest published and rejected
     * @param dropped the files dropped on {@code news-ingest}, with the article id each should become
     * @param enriched the enriched articles of this run, in ingest order
     * @param missing ids that were published but not seen enriched in time
     * @param sink what the sink did
     * @param stored how many of this run's articles the database holds at the end
     * @param database the SQLite file
     */
    record Result(
            IngestReport ingest,
            List<Dropped> dropped,
            List<EnrichedArticle> enriched,
            Set<String> missing,
            SinkProgress sink,
            long stored,
            Path database) {

        boolean complete() {
            long expected = ingest.publishedCount() + dropped.size();
            return missing.isEmpty() && stored == expected && expected > 0;
        }
    }

    /**
     * A file dropped on {@code news-ingest}.
     *
     * @param file      the file whose bytes are the record value
     * @param origin    {@code news-ingest-<partition>@<offset>} of the record
     * @param articleId the id the drop-topic service gives it (the same rules as for the file)
     */
    record Dropped(Path file, String origin, String articleId) {}

    private final Workspace workspace;
    private final List<Path> inputs;
    private final List<Path> drops;
    private final PrintWriter progress;

    /**
     * @param inputs files and folders for file ingest
     * @param drops  plain-text files whose bytes are produced to {@code news-ingest}, one record each, without a key
     */
    DemoPipeline(Workspace workspace, List<Path> inputs, List<Path> drops, PrintWriter progress) {
        this.workspace = workspace;
        this.inputs = inputs;
        this.drops = drops;
        this.progress = progress;
    }

    Result run() throws Exception {
        say("starting the local stack: a real Kafka broker (KRaft) and an Apicurio schema registry ...");
        StackConfig stackConfig = StackConfig.defaults(workspace.stackDir()).withFreePorts();
        try (LocalStack stack = LocalStack.start(stackConfig)) {
            say("stack " + (stack.owned() ? "started" : "reused") + ": kafka " + stack.bootstrapServers()
                    + ", registry " + stack.schemaRegistryUrl());
            TopicSetup.ensure(
                    stack.bootstrapServers(), SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), 3, (short) 1);
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
                "ingest.source", "newsflow-samples",
                // its own group and transactional id, so it never fences a drop-topic service the user runs on a reused
                // stack
                "ingest.group.id", "newsflow-demo-ingest",
                "ingest.transactional.id", "newsflow-demo-ingest")));

        try (EnrichService enrich = EnrichService.start(
                        enrichConfig,
                        EnrichSerdes.using(registry, enrichConfig.registry().autoRegister()),
                        enricher);
                ArticleStore store = JdbcArticleStore.open(jdbcUrl);
                EnrichedArticleSink sink = EnrichedArticleSink.create(sinkConfig, store, clock);
                EnrichedTopicReader reader = new EnrichedTopicReader(bootstrap, registry);
                DropTopicIngestor dropTopic = DropTopicIngestor.create(ingestConfig, clock)) {
            enrich.awaitRunning(Duration.ofMinutes(2));
            say("enricher running (Kafka Streams, exactly_once_v2)");

            AtomicReference<Set<String>> awaited = new AtomicReference<>();
            CompletableFuture<SinkProgress> sinkRun =
                    CompletableFuture.supplyAsync(() -> sink.runUntil(p -> allStored(store, awaited.get())));
            CompletableFuture<Void> dropRun = null;
            if (!drops.isEmpty()) {
                dropRun = CompletableFuture.runAsync(dropTopic);
                say("drop-topic service running (news-ingest -> news-articles-raw, exactly once)");
            }
            try {
                IngestReport report = FileIngestor.ingest(ingestConfig, inputs, clock);
                report.describe().forEach(line -> say("ingest: " + line));
                List<Dropped> dropped = drop(bootstrap, ingestConfig, clock);
                Set<String> ids = new LinkedHashSet<>();
                report.published().forEach(p -> ids.add(p.articleId()));
                dropped.forEach(d -> ids.add(d.articleId()));
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
                return new Result(report, dropped, enriched, missing, sinkProgress, stored, database);
            } finally {
                try {
                    stopSink(sinkRun, sink);
                } finally {
                    if (dropRun != null) {
                        dropTopic.shutdown();
                        dropRun.handle((ok, error) -> null).join();
                    }
                }
            }
        }
    }

    /**
     * Produces each drop file, as it is, to {@code news-ingest} (no key), as {@code kafka-console-producer} or a Kafka
     * UI would, and works out the article id the drop-topic service will give it with the same pure reader.
     */
    private List<Dropped> drop(String bootstrap, IngestConfig config, Clock clock) throws Exception {
        if (drops.isEmpty()) {
            return List.of();
        }
        DropRecordReader rules = new DropRecordReader(
                new ArticleFileReader(), new ArticleNormaliser(clock, config.source()), (topic, data) -> {
                    throw new IllegalStateException("the demo drops plain text only");
                });
        List<Dropped> dropped = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Path file : drops) {
                byte[] text = Files.readAllBytes(file);
                RecordMetadata at =
                        producer.send(new ProducerRecord<>(Topics.INGEST, text)).get(30, TimeUnit.SECONDS);
                String origin = DropRecordReader.origin(at.topic(), at.partition(), at.offset())
                        .toString();
                DropOutcome expected = rules.read(at.topic(), at.partition(), at.offset(), null, text);
                if (expected instanceof DropOutcome.Accepted accepted) {
                    say("news-ingest: dropped " + file.getFileName() + " as plain text at " + origin + " (article "
                            + accepted.article().getArticleId() + ")");
                    dropped.add(new Dropped(file, origin, accepted.article().getArticleId()));
                } else {
                    say("news-ingest: dropped " + file.getFileName() + " at " + origin + "; it goes to news-dlq: "
                            + ((DropOutcome.Rejected) expected).reason());
                }
            }
        }
        return dropped;
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

    /** The samples the demo drops on {@code news-ingest} by default: the plain-text ones. */
    static List<Path> sampleDrops(List<Path> samples) {
        return samples.stream()
                .filter(p -> ArticleFileReader.extension(p).equals("txt"))
                .toList();
    }

    /** The sample article files the demo ingests by default (the folder's README is not one). */
    static List<Path> sampleFiles(Path samples) throws IOException {
        if (!Files.isDirectory(samples)) {
            throw new IOException("No samples folder at " + samples + " (run ./newsflow from the project folder)");
        }
        try (var listing = Files.list(samples)) {
            return listing.filter(ArticleFileReader::isSupported)
                    .filter(file -> ArticleFileReader.notAnArticle(file).isEmpty())
                    .sorted()
                    .toList();
        }
    }
}
