package io.newsflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.analysis.topics.TopicDefinition;
import io.newsflow.analysis.topics.TopicRules;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.FileIngestor;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestReport;
import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkProgress;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The pipeline harness: every stage on a real local stack of its own (a KRaft broker and an Apicurio registry started
 * by {@link LocalStack} in a fresh folder on free ports, so nothing of a stack the user runs is touched), each against
 * a baseline measured in the same run:
 * <ol>
 *   <li>ingest (the {@code .jsonl} file reader, normaliser and publisher) against a bare {@code KafkaProducer} loop
 *       sending the same records with the same settings; ingest's output is the preload of the next step;</li>
 *   <li>draining the preloaded {@code news-articles-raw}: a pass-through Streams topology (decode, identity, encode,
 *       same serde and exactly-once settings) and the enrich topology, alternating, same threads and partitions;</li>
 *   <li>the sink against a bare JDBC batch-insert loop of the same rows, on SQLite and on PostgreSQL;</li>
 *   <li>publish to committed row latency at half the measured maximum rate, then a burst and the time until the
 *       enricher's lag is back to zero;</li>
 *   <li>the heap of the benchmark JVM with enricher and sink running.</li>
 * </ol>
 */
public final class PipelineBench {

    /** Pass-through output topic, the harness's own. */
    static final String PASS_THROUGH_OUT = "bench-pass-through";
    /** Where the bare producer loop writes, the harness's own. */
    static final String BARE_PRODUCER_OUT = "bench-bare-producer";

    static final int PARTITIONS = 3;

    /**
     * What to run.
     *
     * @param articles articles preloaded (the corpus repeated with unique ids)
     * @param burst articles of the burst
     * @param latencyPhase how long articles are offered at half the maximum rate
     * @param alternations pass-through/enrich pairs
     * @param postgresUrl a JDBC URL of a PostgreSQL database the harness may create a schema in, or null to skip
     * @param workDir a fresh folder for the stack, the SQLite files and the state
     */
    public record Plan(
            int articles,
            int burst,
            Duration latencyPhase,
            int alternations,
            String postgresUrl,
            Path workDir,
            double predictedArticlesPerSecond) {}

    private final Plan settings;
    private final List<Corpus.Article> corpus;
    private final PrintWriter progress;
    private final List<Line> lines = new ArrayList<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private String bootstrap;
    private String registryUrl;
    private SchemaRegistryClient registry;

    public PipelineBench(Plan settings, List<Corpus.Article> corpus, PrintWriter progress) {
        this.settings = settings;
        this.corpus = corpus;
        this.progress = progress;
    }

    /** Runs every step and returns the rows of the results table. */
    public List<Line> run() throws Exception {
        say("starting a local stack of its own in " + settings.workDir().resolve("stack") + " ...");
        StackConfig config =
                StackConfig.defaults(settings.workDir().resolve("stack")).withFreePorts();
        try (LocalStack stack = LocalStack.start(config)) {
            bootstrap = stack.bootstrapServers();
            registryUrl = stack.schemaRegistryUrl();
            registry = SchemaRegistryClients.forUrl(registryUrl);
            createTopics();
            ingestAgainstBareProducer();
            List<Double> pass = new ArrayList<>();
            List<Double> enrich = new ArrayList<>();
            ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
            drainPair(0, enricher, pass, enrich);
            // the sink reads what the first enrich run wrote: each article once, as the bare loop writes it
            sinkAgainstBareJdbc();
            for (int i = 1; i < settings.alternations(); i++) {
                drainPair(i, enricher, pass, enrich);
            }
            double enrichRate = reportDrains(pass, enrich);
            latencyAndBurst(enrichRate, enricher);
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------------------- topics

    private void createTopics() throws Exception {
        Set<String> topics = new LinkedHashSet<>(List.of(
                Topics.INGEST,
                Topics.ARTICLES_RAW,
                Topics.ARTICLES_ENRICHED,
                Topics.TRENDS,
                Topics.DLQ,
                Topics.TAXONOMY,
                PASS_THROUGH_OUT,
                BARE_PRODUCER_OUT));
        TopicRules.fromClasspath().topics().stream()
                .map(TopicDefinition::id)
                .map(Topics::forGeoTopic)
                .forEach(topics::add);
        try (Admin admin = admin()) {
            // the same partitions and configs as newsflow's own topic set-up (app's TopicSetup)
            admin.createTopics(topics.stream()
                            .map(t -> new NewTopic(t, Topics.partitions(t, PARTITIONS), (short) 1)
                                    .configs(creationConfig(t)))
                            .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
        // and the same registry set-up: the services only look their schemas up
        SchemaSetup.apply(registry, topics);
    }

    private static Map<String, String> creationConfig(String topic) {
        if (topic.startsWith("bench-")) {
            return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        }
        return Topics.creationConfig(topic);
    }

    // ---------------------------------------------------------------------------------------------------- ingest

    private void ingestAgainstBareProducer() throws Exception {
        int n = settings.articles();
        Path file = settings.workDir().resolve("preload.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<RawArticle> same = new ArrayList<>(n);
        Instant now = Instant.now();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                Corpus.Article a = corpus.get(i % corpus.size());
                int copy = i / corpus.size();
                RawArticle raw = a.raw(preloadId(i), copy, now);
                same.add(raw);
                ObjectNode line = json.createObjectNode()
                        .put("id", raw.getArticleId())
                        .put("title", raw.getTitle())
                        .put("text", raw.getBody())
                        .put("lang", raw.getDeclaredLanguage());
                out.write(json.writeValueAsString(line));
                out.newLine();
            }
        }
        // the same bytes ingest sends: RawArticle in the wire format, keyed by article id
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(registry, RawArticle.class);
        List<byte[]> values = same.stream()
                .map(r -> serde.serializer().serialize(BARE_PRODUCER_OUT, r))
                .toList();
        List<String> keys = same.stream().map(RawArticle::getArticleId).toList();
        same.clear();

        say("ingest: bare producer loop, " + n + " records ...");
        double bare1 = bareProducer(keys, values);
        say("ingest: newsflow file ingest of " + n + " articles into news-articles-raw (the preload) ...");
        IngestConfig config = IngestConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "ingest.source", "newsflow-bench")));
        IngestReport report;
        double ingestSeconds;
        // producers made and connected before the clock starts, as the bare loop's are: the figure is the per-article
        // cost (reading, parsing, normalising, serialising, sending), not the client start-up
        try (ArticlePublisher publisher = ArticlePublisher.create(config, Clock.systemUTC())) {
            publisher.connect();
            FileIngestor ingestor = new FileIngestor(
                    new ArticleFileReader(), new ArticleNormaliser(Clock.systemUTC(), config), publisher);
            long t0 = System.nanoTime();
            report = ingestor.ingest(List.of(file));
            ingestSeconds = seconds(t0);
        }
        if (report.publishedCount() != n) {
            throw new IllegalStateException("ingest published " + report.publishedCount() + " of " + n + " articles: "
                    + String.join("; ", report.describe()));
        }
        say("ingest: bare producer loop again ...");
        double bare2 = bareProducer(keys, values);
        double ingestRate = n / ingestSeconds;
        double bareRate = n / ((bare1 + bare2) / 2);
        double ratio = ingestRate / bareRate;
        lines.add(new Line(
                "ingest (`.jsonl` file → news-articles-raw), " + n + " articles",
                rate(ingestRate),
                rate(bareRate) + " bare KafkaProducer, same records and settings (mean of a run before and after)",
                ratio(ratio),
                "≥ 0.80×",
                Line.verdict(ratio >= 0.8, String.format(Locale.ROOT, "%.2f× short", 0.8 - ratio))));
    }

    private String preloadId(int i) {
        return "bench-" + runId + "-" + i;
    }

    /** Seconds to send every record and have all acknowledged, with ingest's producer settings. */
    private double bareProducer(List<String> keys, List<byte[]> values) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // ingest's ArticlePublisher settings
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(BARE_PRODUCER_OUT); // metadata before the clock starts, as ingest has it too
            long t0 = System.nanoTime();
            for (int i = 0; i < keys.size(); i++) {
                producer.send(new ProducerRecord<>(BARE_PRODUCER_OUT, keys.get(i), values.get(i)));
            }
            producer.flush();
            return seconds(t0);
        }
    }

    // ---------------------------------------------------------------------------------------------------- drain

    /** Pass-through, then enrich, over the same preloaded input. */
    private void drainPair(int run, ArticleEnricher enricher, List<Double> pass, List<Double> enrich) throws Exception {
        pass.add(drainPassThrough(run));
        enrich.add(drainEnrich(run, enricher));
    }

    /** @return the mean enrich rate, articles/s */
    private double reportDrains(List<Double> pass, List<Double> enrich) {
        double passRate = mean(pass);
        double enrichRate = mean(enrich);
        int n = settings.articles();
        lines.add(Line.of(
                "pass-through topology drains " + n + " articles (1 thread, " + PARTITIONS + " partitions, EOS v2)",
                rate(passRate) + " (runs: " + rates(pass) + ")"));
        lines.add(Line.of(
                "enrich topology drains the same " + n + " articles (1 thread, " + PARTITIONS + " partitions, EOS v2)",
                rate(enrichRate) + " (runs: " + rates(enrich) + ")"));
        double passRatio = passRate / enrichRate;
        lines.add(new Line(
                "pass-through over enrich",
                ratio(passRatio),
                "",
                "",
                "≥ 5×",
                Line.verdict(passRatio >= 5, String.format(Locale.ROOT, "%.1f× short", 5 - passRatio))));
        double predicted = settings.predictedArticlesPerSecond();
        if (predicted > 0) {
            double r = enrichRate / predicted;
            lines.add(new Line(
                    "enrich topology over the JMH prediction (full enrichment, corpus mix, 1 thread)",
                    rate(enrichRate),
                    rate(predicted) + " predicted by JMH",
                    ratio(r),
                    "≥ 0.70×",
                    Line.verdict(r >= 0.7, String.format(Locale.ROOT, "%.2f× short", 0.7 - r))));
        }
        return enrichRate;
    }

    private double drainPassThrough(int run) throws Exception {
        String app = "bench-pass-" + runId + "-" + run;
        say("drain " + (run + 1) + "/" + settings.alternations() + ": pass-through topology ...");
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(registry, RawArticle.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .mapValues(bytes -> serde.serializer()
                        .serialize(PASS_THROUGH_OUT, serde.deserializer().deserialize(Topics.ARTICLES_RAW, bytes)))
                .to(PASS_THROUGH_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Topology topology = builder.build();
        try (KafkaStreams streams = new KafkaStreams(topology, streamsProperties(app))) {
            return timeDrain(app, () -> {
                streams.start();
                return () -> streams.state() == KafkaStreams.State.RUNNING;
            });
        }
    }

    private double drainEnrich(int run, ArticleEnricher enricher) throws Exception {
        String app = "bench-enrich-" + runId + "-" + run;
        say("drain " + (run + 1) + "/" + settings.alternations() + ": enrich topology ...");
        EnrichConfig config = enrichConfig(app);
        EnrichService.createMissingTopicTopics(config, enricher.topicIds());
        EnrichService[] service = new EnrichService[1];
        try {
            return timeDrain(app, () -> {
                service[0] = EnrichService.start(config, EnrichSerdes.using(registry), enricher);
                return () -> service[0].state() == KafkaStreams.State.RUNNING;
            });
        } finally {
            if (service[0] != null) {
                service[0].close();
            }
        }
    }

    private EnrichConfig enrichConfig(String app) {
        return EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "enrich.application.id", app,
                "enrich.state.dir", settings.workDir().resolve("streams").toString())));
    }

    /**
     * The enricher's own Kafka Streams settings ({@code EnrichService.streamsProperties}, package-private there):
     * exactly-once v2, one thread, the same commit interval, byte-array default serdes, 16 MiB requests.
     */
    private Properties streamsProperties(String app) {
        EnrichConfig config = enrichConfig(app);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        return p;
    }

    /** Something started, and a test of whether it is running. */
    private interface Starter {
        BooleanSupplier start() throws Exception;
    }

    /**
     * Articles per second for application {@code app} to drain the raw topic: the clock runs from RUNNING to the
     * moment its committed offsets reach the end of every partition (start-up and rebalancing are not counted).
     */
    private double timeDrain(String app, Starter starter) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(Topics.ARTICLES_RAW);
        BooleanSupplier running = starter.start();
        waitFor(running, Duration.ofMinutes(3), app + " did not reach RUNNING");
        long t0 = System.nanoTime();
        try (Admin admin = admin()) {
            waitFor(
                    () -> committedReach(admin, app, end),
                    Duration.ofMinutes(30),
                    app + " did not drain " + Topics.ARTICLES_RAW);
        }
        double s = seconds(t0);
        double r = settings.articles() / s;
        say(String.format(Locale.ROOT, "  %s: %.1f s, %.0f articles/s", app, s, r));
        return r;
    }

    /**
     * Whether group {@code group} has consumed everything: its committed offsets reach {@code rawEnd} on the raw
     * topic, and the end of every other topic it reads (the enricher's repartition topics, read back by its later
     * sub-topologies), those ends read after the committed offsets. Kafka Streams commits the consumer position once
     * a partition's buffer is empty, so a committed offset reaches the end past a transaction marker.
     */
    private boolean committedReach(Admin admin, String group, Map<TopicPartition, Long> rawEnd) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> e : rawEnd.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
                    return false;
                }
            }
            Map<TopicPartition, OffsetSpec> others = new HashMap<>();
            committed.keySet().stream()
                    .filter(tp -> !rawEnd.containsKey(tp))
                    .forEach(tp -> others.put(tp, OffsetSpec.latest()));
            if (others.isEmpty()) {
                return true;
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(others).all().get(30, TimeUnit.SECONDS).forEach((tp, i) -> ends.put(tp, i.offset()));
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                if (c == null || c.offset() < e.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------- sink

    private void sinkAgainstBareJdbc() throws Exception {
        List<EnrichedArticle> enriched = readEnriched();
        say("sink: " + enriched.size() + " enriched articles on " + Topics.ARTICLES_ENRICHED);
        Path sqlite = settings.workDir().resolve("sink.db");
        Path bareSqlite = settings.workDir().resolve("bare.db");
        sinkRow("SQLite", "jdbc:sqlite:" + sqlite, "jdbc:sqlite:" + bareSqlite, enriched);
        if (settings.postgresUrl() != null) {
            String schema = "bench_" + runId;
            String bareSchema = "bench_bare_" + runId;
            try {
                createSchema(schema);
                createSchema(bareSchema);
                sinkRow(
                        "PostgreSQL",
                        withSchema(settings.postgresUrl(), schema),
                        withSchema(settings.postgresUrl(), bareSchema),
                        enriched);
            } catch (SQLException e) {
                lines.add(Line.of("sink on PostgreSQL", "not measured: " + e.getMessage()));
            } finally {
                dropSchema(schema);
                dropSchema(bareSchema);
            }
        }
    }

    private void sinkRow(String db, String sinkUrl, String bareUrl, List<EnrichedArticle> enriched) throws Exception {
        say("sink on " + db + ": newsflow sink ...");
        double sinkRate = runSink(sinkUrl, "bench-sink-" + db.toLowerCase(Locale.ROOT) + "-" + runId, enriched.size());
        say("sink on " + db + ": bare JDBC batch inserts ...");
        JdbcArticleStore.migrate(bareUrl); // the same tables; the migration is not timed
        double bareRate = bareJdbc(bareUrl, enriched);
        double ratio = sinkRate / bareRate;
        lines.add(new Line(
                "sink (news-articles-enriched → " + db + "), " + enriched.size() + " articles",
                rate(sinkRate),
                rate(bareRate) + " bare JDBC batch inserts of the same rows",
                ratio(ratio),
                "≥ 0.70×",
                Line.verdict(ratio >= 0.7, String.format(Locale.ROOT, "%.2f× short", 0.7 - ratio))));
    }

    /** Articles per second the sink stores reading the whole enriched topic ({@code records} records). */
    private double runSink(String jdbcUrl, String group, int records) throws Exception {
        SinkConfig config = SinkConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "sink.jdbc.url", jdbcUrl,
                "sink.group.id", group,
                "sink.client.id", group)));
        try (ArticleStore store = JdbcArticleStore.open(jdbcUrl);
                EnrichedArticleSink sink = EnrichedArticleSink.create(config, store, Clock.systemUTC())) {
            long t0 = System.nanoTime();
            SinkProgress p =
                    sink.runUntil(q -> q.handled() >= records || q.idle().compareTo(Duration.ofSeconds(60)) >= 0);
            double s = seconds(t0);
            if (p.handled() < records) {
                throw new IllegalStateException(
                        "the sink handled " + p.handled() + " of " + records + " records, then nothing for 60 s");
            }
            double r = p.stored() / s;
            say(String.format(Locale.ROOT, "  sink: %d stored in %.1f s, %.0f articles/s", p.stored(), s, r));
            return r;
        }
    }

    /**
     * The baseline: the same rows (article, its entities, its topics) written by plain batched {@code INSERT}s, one
     * transaction per batch of the sink's batch size, into the same tables of a fresh database.
     */
    private static double bareJdbc(String jdbcUrl, List<EnrichedArticle> articles) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement article = c.prepareStatement("INSERT INTO articles (article_id, source, url, "
                            + "title, lede, body, language, language_confidence, published_at, ingested_at, "
                            + "enriched_at, fingerprint_sha256, simhash, enrichment_version, kb_version, "
                            + "taxonomy_version, kafka_topic, kafka_partition, kafka_offset) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement entity = c.prepareStatement(
                            "INSERT INTO article_entities "
                                    + "(article_id, entity_id, type, name, mention_count, confidence) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement topic = c.prepareStatement(
                            "INSERT INTO article_topics (article_id, topic_id, score) VALUES (?, ?, ?)")) {
                Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
                articles.forEach(a -> latest.put(a.getArticleId(), a));
                int inBatch = 0;
                long offset = 0;
                for (EnrichedArticle a : latest.values()) {
                    int i = 1;
                    article.setString(i++, a.getArticleId());
                    article.setString(i++, a.getSource());
                    article.setString(i++, a.getUrl());
                    article.setString(i++, a.getTitle());
                    article.setString(i++, a.getLede());
                    article.setString(i++, a.getBody());
                    article.setString(i++, a.getLanguage().getCode());
                    article.setDouble(i++, a.getLanguage().getConfidence());
                    article.setObject(
                            i++,
                            a.getPublishedAt() == null
                                    ? null
                                    : a.getPublishedAt().toEpochMilli());
                    article.setLong(i++, a.getIngestedAt().toEpochMilli());
                    article.setLong(i++, a.getEnrichedAt().toEpochMilli());
                    article.setString(i++, a.getFingerprint().getSha256());
                    article.setLong(i++, a.getFingerprint().getSimhash());
                    article.setString(i++, a.getVersions().getEnrichment());
                    article.setString(i++, a.getVersions().getKnowledgeBase());
                    article.setString(i++, a.getVersions().getTaxonomy());
                    article.setString(i++, Topics.ARTICLES_ENRICHED);
                    article.setInt(i++, 0);
                    article.setLong(i, offset++);
                    article.addBatch();
                    Set<String> entityIds = new LinkedHashSet<>();
                    for (var e : a.getEntities()) {
                        if (!entityIds.add(e.getId())) {
                            continue;
                        }
                        entity.setString(1, a.getArticleId());
                        entity.setString(2, e.getId());
                        entity.setString(3, e.getType().name());
                        entity.setString(4, e.getName());
                        entity.setInt(5, e.getMentions().size());
                        entity.setDouble(6, e.getConfidence());
                        entity.addBatch();
                    }
                    Set<String> topicIds = new LinkedHashSet<>();
                    for (var t : a.getTopics()) {
                        if (!topicIds.add(t.getId())) {
                            continue;
                        }
                        topic.setString(1, a.getArticleId());
                        topic.setString(2, t.getId());
                        topic.setDouble(3, t.getScore());
                        topic.addBatch();
                    }
                    if (++inBatch == SinkConfig.BATCH_SIZE.defaultValue()) {
                        flush(c, article, entity, topic);
                        inBatch = 0;
                    }
                }
                flush(c, article, entity, topic);
                return latest.size() / seconds(t0);
            }
        }
    }

    private static void flush(Connection c, PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
        c.commit();
    }

    /** Every enriched article on the topic (committed ones), decoded: the rows the bare loop writes. */
    private List<EnrichedArticle> readEnriched() {
        AvroWireSerde<EnrichedArticle> serde = AvroWireSerde.forValues(registry, EnrichedArticle.class);
        Map<TopicPartition, Long> end = endOffsets(Topics.ARTICLES_ENRICHED);
        List<EnrichedArticle> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        Topics.MAX_MESSAGE_BYTES),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(serde.deserializer().deserialize(r.topic(), r.value()));
                }
            }
        }
        return out;
    }

    private static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void createSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.postgresUrl());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    private void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(settings.postgresUrl());
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            say("could not drop PostgreSQL schema " + schema + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------- latency

    private void latencyAndBurst(double maxRate, ArticleEnricher enricher) throws Exception {
        String app = "bench-live-" + runId;
        String sinkGroup = "bench-live-sink-" + runId;
        // start both at the end of their input: the preload is not theirs
        startAtEnd(app, Topics.ARTICLES_RAW);
        startAtEnd(sinkGroup, Topics.ARTICLES_ENRICHED);
        EnrichConfig config = enrichConfig(app);
        String jdbcUrl = "jdbc:sqlite:" + settings.workDir().resolve("live.db");
        SinkConfig sinkConfig = SinkConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "sink.jdbc.url", jdbcUrl,
                "sink.group.id", sinkGroup,
                "sink.client.id", sinkGroup)));
        Map<String, Long> published = new ConcurrentHashMap<>();
        Map<String, Long> stored = new ConcurrentHashMap<>();
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(registry, RawArticle.class);
        try (EnrichService enrich = EnrichService.start(config, EnrichSerdes.using(registry), enricher);
                ArticleStore store = JdbcArticleStore.open(jdbcUrl);
                EnrichedArticleSink sink = EnrichedArticleSink.create(sinkConfig, store, Clock.systemUTC());
                KafkaProducer<String, byte[]> producer = liveProducer()) {
            enrich.awaitRunning(Duration.ofMinutes(3));
            // the sink's own thread sees a row once its batch is committed: that is the moment recorded (per id while
            // the latency is measured; for the burst, only the row count, which costs one query per poll)
            AtomicBoolean perId = new AtomicBoolean(true);
            AtomicLong rows = new AtomicLong();
            CompletableFuture<SinkProgress> sinkRun = CompletableFuture.supplyAsync(() -> sink.runUntil(p -> {
                long now = System.nanoTime();
                if (perId.get()) {
                    for (String id : published.keySet()) {
                        if (!stored.containsKey(id) && store.find(id).isPresent()) {
                            stored.put(id, now);
                        }
                    }
                }
                rows.set(store.countArticles());
                return false;
            }));
            try {
                double rate = Math.max(1, maxRate / 2);
                say(String.format(
                        Locale.ROOT,
                        "latency: offering %.0f articles/s (half of %.0f) for %d s ...",
                        rate,
                        maxRate,
                        settings.latencyPhase().toSeconds()));
                List<String> ids = offer(producer, serde, "live", rate, settings.latencyPhase(), published);
                waitFor(() -> stored.keySet().containsAll(ids), Duration.ofMinutes(3), "latency articles not stored");
                List<Double> millis = ids.stream()
                        .map(id -> (stored.get(id) - published.get(id)) / 1e6)
                        .sorted()
                        .toList();
                double p99 = percentile(millis, 99);
                lines.add(Line.of(
                        String.format(
                                Locale.ROOT,
                                "publish → committed row (SQLite), %d articles at %.0f/s (half the measured max)",
                                ids.size(),
                                rate),
                        String.format(
                                Locale.ROOT,
                                "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms",
                                percentile(millis, 50),
                                percentile(millis, 95),
                                p99)));
                lines.add(new Line(
                        "p99 publish → committed row",
                        String.format(Locale.ROOT, "%.0f ms", p99),
                        "",
                        "",
                        "≤ 1,000 ms",
                        Line.verdict(p99 <= 1000, String.format(Locale.ROOT, "%.0f ms over", p99 - 1000))));

                perId.set(false);
                waitFor(() -> rows.get() >= ids.size(), Duration.ofMinutes(1), "row count not updated");
                long rowsBefore = rows.get();
                int burst = settings.burst();
                say("burst: " + burst + " articles at once ...");
                Map<TopicPartition, Long> before = endOffsets(Topics.ARTICLES_RAW);
                long t0 = System.nanoTime();
                List<String> burstIds = offer(producer, serde, "burst", 0, Duration.ZERO, published);
                producer.flush();
                Map<TopicPartition, Long> end = endOffsets(Topics.ARTICLES_RAW);
                long sent = end.entrySet().stream()
                        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                        .sum();
                double lagZero;
                try (Admin admin = admin()) {
                    waitFor(() -> committedReach(admin, app, end), Duration.ofMinutes(15), "burst not drained");
                    lagZero = seconds(t0);
                }
                waitFor(() -> rows.get() >= rowsBefore + burstIds.size(), Duration.ofMinutes(5), "burst not stored");
                double allStored = seconds(t0);
                lines.add(new Line(
                        "burst of " + burstIds.size() + " articles (" + sent
                                + " raw offsets): enricher lag back to zero",
                        String.format(Locale.ROOT, "%.1f s (all rows stored after %.1f s)", lagZero, allStored),
                        "",
                        "",
                        burst == 7_600 ? "≤ 60 s" : "≤ 60 s for 7,600 (this run: " + burst + ")",
                        burst == 7_600
                                ? Line.verdict(lagZero <= 60, String.format(Locale.ROOT, "%.0f s over", lagZero - 60))
                                : ""));
                System.gc();
                long heap =
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                lines.add(Line.of(
                        "heap of the bench JVM at steady state after the burst (enricher with knowledge base and "
                                + "language models, sink, producer; after a full GC)",
                        mb(heap)));
            } finally {
                sink.shutdown();
                sinkRun.handle((p, e) -> null).join();
            }
        }
    }

    private KafkaProducer<String, byte[]> liveProducer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Publishes unique articles: at {@code rate} per second for {@code duration}, or, with rate 0, {@code burst} of
     * them as fast as the producer takes them. Records each id's publish time (when handed to the producer).
     */
    private List<String> offer(
            KafkaProducer<String, byte[]> producer,
            AvroWireSerde<RawArticle> serde,
            String kind,
            double rate,
            Duration duration,
            Map<String, Long> published)
            throws InterruptedException {
        int count = rate > 0 ? (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0)) : settings.burst();
        List<String> ids = new ArrayList<>(count);
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            Corpus.Article a = corpus.get(i % corpus.size());
            String id = "bench-" + kind + "-" + runId + "-" + i;
            // a title of its own: not an exact duplicate of an earlier copy, so every article reaches the sink
            RawArticle raw = a.raw(id, 0, now);
            raw.setTitle(raw.getTitle() + " (" + kind + " " + i + ")");
            byte[] value = serde.serializer().serialize(Topics.ARTICLES_RAW, raw);
            ids.add(id);
            published.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, id, value));
        }
        producer.flush();
        return ids;
    }

    private void startAtEnd(String group, String topic) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(topic);
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(
                            group,
                            end.entrySet().stream()
                                    .collect(Collectors.toMap(
                                            Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e, e);
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout, String failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f articles/s", perSecond);
    }

    private static String rates(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).collect(Collectors.joining(", "));
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }

    private void say(String line) {
        progress.println("bench: " + line);
        progress.flush();
    }
}
