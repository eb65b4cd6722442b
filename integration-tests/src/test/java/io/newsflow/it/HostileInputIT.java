package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.toArray;
import static io.newsflow.testsupport.builders.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.drop.DropTopicIngestor;
import io.newsflow.ingest.http.HttpIngestConfig;
import io.newsflow.ingest.http.HttpIngestServer;
import io.newsflow.ingest.watch.DropFolderConfig;
import io.newsflow.ingest.watch.DropFolderWatcher;
import io.newsflow.ingest.watch.FileOutcome;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus ({@code src/test/resources/hostile/manifest.tsv}) through every entry point, on the REAL broker
 * and registry: {@code newsflow ingest DIR} (FileIngestor), the {@code news-ingest} drop-topic service, the drop
 * folder, {@code POST /articles} and the raw topic into the enricher. For every row of the manifest the sender gets
 * the expected answer (run summary, {@code .error} file, HTTP status and body), every rejection that came through
 * Kafka or a folder is a {@link DeadLetter} on {@code news-dlq} with the original bytes (or, slim, their first 8 KiB,
 * size and hash) and the reason; and after the hostile items each entry point still takes a good article.
 */
@WithRealKafkaStack
class HostileInputIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_PLACEHOLDER = "{{run}}";

    @TempDir
    static Path workDir;

    private static RealKafkaStack stack;
    private static SchemaRegistryClient registry;
    private static List<Row> manifest;

    /** One row of the manifest: an item, the entry point it goes through and what must happen there. */
    record Row(String item, String bytes, String entry, String expect, String detail) {

        /** The name the item has as a file: the committed file's, or the generated item's with its extension. */
        String fileName() {
            return bytes.startsWith("generated:") ? GENERATED_FILE_NAMES.get(bytes.substring(10)) : bytes;
        }

        boolean isJson() {
            return fileName().endsWith(".json");
        }

        @Override
        public String toString() {
            return item + " via " + entry + " (" + expect + " " + detail + ")";
        }
    }

    private static final Map<String, String> GENERATED_FILE_NAMES = Map.of(
            "five-megabytes", "five-megabytes.txt",
            "long-title", "long-title.txt",
            "deep-json", "deep-json.json",
            "gzip-as-txt", "gzip-as-txt.txt",
            "deep-markdown", "deep-markdown.md",
            "wrong-magic", "wrong-magic.avro",
            "unknown-schema", "unknown-schema.avro",
            "truncated-avro", "truncated-avro.avro",
            "tombstone", "tombstone");

    @BeforeAll
    static void readManifest(RealKafkaStack realStack) throws IOException {
        stack = realStack;
        stack.createTopics(
                Topics.INGEST,
                Topics.ARTICLES_RAW,
                Topics.ARTICLES_ENRICHED,
                Topics.TRENDS,
                Topics.TAXONOMY,
                Topics.DLQ);
        registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        manifest = new ArrayList<>();
        for (String line : new String(resource("manifest.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            assertThat(f).as("manifest row %s", line).hasSize(5);
            manifest.add(new Row(f[0], f[1], f[2], f[3], f[4]));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // newsflow ingest DIR

    @Test
    void shouldExplainEveryHostileFileInTheRunSummaryDeadLetterItAndStillPublishTheGoodOne() throws Exception {
        String run = marker();
        Path dir = Files.createDirectories(workDir.resolve("file-" + run));
        List<Row> rows = rows("file");
        for (Row row : rows) {
            Files.write(dir.resolve(row.fileName()), bytes(row, run));
        }
        String goodId = "hostile-good-file-" + run;
        Files.writeString(dir.resolve("zz-good.json"), goodJson(goodId));

        IngestReport report = FileIngestor.ingest(config(Map.of()), List.of(dir), Clock.systemUTC());

        assertThat(report.addsUp()).isTrue();
        assertThat(report.succeeded())
                .as("the exit status of a run with rejections is 1")
                .isFalse();
        assertThat(report.published()).anySatisfy(p -> assertThat(p.articleId()).isEqualTo(goodId));
        String summary = String.join("\n", report.describe());
        try (TopicProbe<byte[], DeadLetter> dlq = dlqProbe();
                TopicProbe<String, RawArticle> raw = rawProbe()) {
            for (Row row : rows) {
                String origin = dir.resolve(row.fileName()).toString();
                if (row.expect().equals("accepted")) {
                    IngestReport.Published published = report.published().stream()
                            .filter(p -> p.origin().equals(origin))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(row + " was not published: " + summary));
                    assertAttribute(
                            row,
                            raw.awaitRecord(r -> origin.equals(originOf(r)), WAIT)
                                    .value());
                    assertThat(published.articleId()).isNotBlank();
                    continue;
                }
                assertThat(report.rejected())
                        .as("%s in the summary:%n%s", row, summary)
                        .anySatisfy(r -> {
                            assertThat(r.origin()).isEqualTo(origin);
                            assertThat(r.reason()).contains(row.detail());
                        });
                assertThat(summary).as("%s", row).contains(row.fileName()).contains(row.detail());
                ConsumerRecord<byte[], DeadLetter> letter = dlq.awaitRecord(
                        r -> r.value() != null && origin.equals(r.value().getOrigin()), WAIT);
                assertDeadLetter(row, letter, bytes(row, run));
            }
            assertThat(raw.awaitKey(goodId, WAIT).value().getTitle()).isEqualTo("Buenas noticias");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the news-ingest drop topic

    @Test
    void shouldDeadLetterEveryHostileDropTopicRecordWithItsOffsetAndKeepPublishing() throws Exception {
        String run = marker();
        IngestConfig config = config(Map.of(
                "ingest.group.id",
                "it-hostile-" + run,
                "ingest.transactional.id",
                "it-hostile-" + run,
                "ingest.poll.timeout",
                "PT0.2S",
                "ingest.retry.backoff",
                "PT0.2S"));
        DropTopicIngestor service = DropTopicIngestor.create(config, Clock.systemUTC());
        CompletableFuture<Void> running = CompletableFuture.runAsync(service);
        try {
            List<Row> rows = rows("drop-topic");
            Map<Row, RecordMetadata> sent = new LinkedHashMap<>();
            RecordMetadata good;
            String goodId = "hostile-good-drop-" + run;
            try (KafkaProducer<byte[], byte[]> producer = bigRecordProducer()) {
                for (Row row : rows) {
                    byte[] key = row.item().equals("tombstone") ? utf8("tomb-" + run) : null;
                    sent.put(
                            row,
                            producer.send(new ProducerRecord<>(Topics.INGEST, key, bytes(row, run)))
                                    .get(30, TimeUnit.SECONDS));
                }
                good = producer.send(new ProducerRecord<>(Topics.INGEST, null, utf8(goodJson(goodId))))
                        .get(30, TimeUnit.SECONDS);
            }

            try (TopicProbe<byte[], DeadLetter> dlq = dlqProbe();
                    TopicProbe<String, RawArticle> raw = rawProbe()) {
                assertThat(raw.awaitKey(goodId, WAIT).value().getOrigin()).isEqualTo(origin(good));
                for (Map.Entry<Row, RecordMetadata> e : sent.entrySet()) {
                    Row row = e.getKey();
                    RecordMetadata at = e.getValue();
                    if (row.expect().equals("accepted")) {
                        assertAttribute(
                                row,
                                raw.awaitRecord(r -> origin(at).equals(originOf(r)), WAIT)
                                        .value());
                        continue;
                    }
                    ConsumerRecord<byte[], DeadLetter> letter = dlq.awaitRecord(
                            r -> r.value() != null
                                    && Topics.INGEST.equals(r.value().getSourceTopic())
                                    && Objects.equals(r.value().getSourcePartition(), at.partition())
                                    && Objects.equals(r.value().getSourceOffset(), at.offset()),
                            WAIT);
                    assertThat(letter.value().getStage()).isEqualTo(DropTopicIngestor.STAGE);
                    assertDeadLetter(row, letter, bytes(row, run));
                }
            }
            assertThat(running).as("the service is still running").isNotDone();
        } finally {
            service.shutdown();
            running.handle((ok, error) -> null).orTimeout(30, TimeUnit.SECONDS).join();
            service.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the drop folder

    @Test
    void shouldMoveEveryHostileDroppedFileToFailedWithItsReasonAndKeepWatching() throws Exception {
        String run = marker();
        Path drop = Files.createDirectories(workDir.resolve("watch-" + run));
        List<FileOutcome> outcomes = new CopyOnWriteArrayList<>();
        try (ArticlePublisher publisher = ArticlePublisher.create(config(Map.of()), Clock.systemUTC())) {
            DropFolderWatcher watcher = new DropFolderWatcher(
                    drop,
                    new DropFolderConfig(Duration.ofMillis(100), Duration.ofSeconds(30)),
                    new ArticleFileReader(),
                    new ArticleNormaliser(Clock.systemUTC(), "hostile-watch"),
                    publisher,
                    outcomes::add);
            CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> {
                try {
                    watcher.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                await().atMost(WAIT).until(() -> Files.isDirectory(drop.resolve(DropFolderWatcher.DONE)));
                List<Row> rows = rows("watch");
                for (Row row : rows) {
                    dropFile(drop, row.fileName(), bytes(row, run));
                    await(row.toString()).atMost(WAIT).until(() -> outcomeOf(outcomes, row.fileName()) != null);
                }
                String goodId = "hostile-good-watch-" + run;
                dropFile(drop, "zz-good.json", utf8(goodJson(goodId)));
                await().atMost(WAIT).until(() -> outcomeOf(outcomes, "zz-good.json") != null);
                assertThat(outcomeOf(outcomes, "zz-good.json").articleIds()).containsExactly(goodId);
                assertThat(watching).as("the watcher is still running").isNotDone();

                try (TopicProbe<byte[], DeadLetter> dlq = dlqProbe();
                        TopicProbe<String, RawArticle> raw = rawProbe()) {
                    for (Row row : rows) {
                        FileOutcome outcome = outcomeOf(outcomes, row.fileName());
                        String origin = drop.resolve(row.fileName()).toString();
                        if (row.expect().equals("accepted")) {
                            assertThat(outcome.status()).as("%s", row).isEqualTo(FileOutcome.Status.DONE);
                            assertAttribute(
                                    row,
                                    raw.awaitRecord(r -> origin.equals(originOf(r)), WAIT)
                                            .value());
                            continue;
                        }
                        assertThat(outcome.status()).as("%s", row).isEqualTo(FileOutcome.Status.FAILED);
                        assertThat(String.join("; ", outcome.rejections()))
                                .as("%s", row)
                                .contains(row.detail());
                        Path error = outcome.movedTo()
                                .resolveSibling(outcome.movedTo().getFileName() + DropFolderWatcher.ERROR_SUFFIX);
                        assertThat(Files.readString(error)).as("%s", row).contains(row.detail());
                        ConsumerRecord<byte[], DeadLetter> letter = dlq.awaitRecord(
                                r -> r.value() != null
                                        && origin.equals(r.value().getOrigin()),
                                WAIT);
                        assertDeadLetter(row, letter, bytes(row, run));
                    }
                    assertThat(raw.awaitKey(goodId, WAIT).value().getTitle()).isEqualTo("Buenas noticias");
                }
            } finally {
                watcher.close();
                watching.handle((ok, error) -> null)
                        .orTimeout(30, TimeUnit.SECONDS)
                        .join();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // POST /articles

    @Test
    void shouldAnswerEveryHostileRequestWithItsStatusAndReasonAndStillAcceptAGoodOne() throws Exception {
        String run = marker();
        HttpClient client = HttpClient.newHttpClient();
        try (ArticlePublisher publisher = ArticlePublisher.create(config(Map.of()), Clock.systemUTC());
                HttpIngestServer server = HttpIngestServer.start(
                        new HttpIngestConfig("127.0.0.1", 0, null, HttpIngestConfig.MAX_BYTES.defaultValue()),
                        new ArticleFileReader(),
                        new ArticleNormaliser(Clock.systemUTC(), "hostile-http"),
                        publisher);
                TopicProbe<String, RawArticle> raw = rawProbe()) {
            URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + HttpIngestServer.ARTICLES_PATH);
            for (Row row : rows("http")) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Content-Type", row.isJson() ? "application/json" : "text/plain; charset=utf-8")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(row, run)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode body = JSON.readTree(response.body());
                switch (row.expect()) {
                    case "accepted" -> {
                        assertThat(response.statusCode())
                                .as("%s: %s", row, response.body())
                                .isEqualTo(202);
                        String id = body.get("articleId").asText();
                        assertAttribute(
                                row,
                                raw.awaitRecord(
                                                r -> id.equals(r.key())
                                                        && r.value() != null
                                                        && r.value().getOrigin().startsWith("http "),
                                                WAIT)
                                        .value());
                    }
                    case "413" -> {
                        assertThat(response.statusCode()).as("%s", row).isEqualTo(413);
                        assertThat(body.get("error").asText()).contains(row.detail());
                    }
                    default -> {
                        assertThat(response.statusCode())
                                .as("%s: %s", row, response.body())
                                .isEqualTo(400);
                        assertThat(body.get("error").asText()).as("%s", row).contains(row.detail());
                    }
                }
            }
            String goodId = "hostile-good-http-" + run;
            HttpResponse<String> good = client.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(goodJson(goodId)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(good.statusCode()).isEqualTo(202);
            assertThat(raw.awaitKey(goodId, WAIT).value().getTitle()).isEqualTo("Buenas noticias");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // news-articles-raw into the enricher

    @Test
    void shouldDeadLetterEveryHostileRawRecordWithItsOffsetAndKeepEnriching() throws Exception {
        String run = marker();
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", "it-hostile-enrich-" + run,
                "enrich.state.dir", workDir.resolve("streams-" + run).toString())));
        ArticleEnricher articleEnricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichService.createMissingTopicTopics(config, articleEnricher.topicIds());
        try (EnrichService enricher = EnrichService.start(config, EnrichSerdes.using(registry), articleEnricher)) {
            enricher.awaitRunning(WAIT);
            Map<Row, RecordMetadata> sent = new LinkedHashMap<>();
            RawArticle good = RawArticleBuilder.aRawArticle()
                    .withId("hostile-good-raw-" + run)
                    .withTitle("Corea del Norte y Rusia")
                    .withBody("Pyongyang y Moscú firman un tratado militar. "
                            + run) // own text: the same text would be a duplicate
                    .build();
            try (KafkaProducer<byte[], byte[]> producer = bigRecordProducer()) {
                for (Row row : rows("raw-topic")) {
                    sent.put(
                            row,
                            producer.send(new ProducerRecord<>(
                                            Topics.ARTICLES_RAW, utf8(row.item() + "-" + run), bytes(row, run)))
                                    .get(30, TimeUnit.SECONDS));
                }
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, utf8(good.getArticleId()), rawBytes(good)))
                        .get(30, TimeUnit.SECONDS);
            }

            try (TopicProbe<byte[], DeadLetter> dlq = dlqProbe();
                    TopicProbe<String, EnrichedArticle> enriched = TopicProbe.fromBeginning(
                            stack.bootstrapServers(),
                            Topics.ARTICLES_ENRICHED,
                            new StringDeserializer(),
                            lenient(AvroWireSerde.forValues(registry, EnrichedArticle.class)
                                    .deserializer()))) {
                assertThat(enriched.awaitKey(good.getArticleId(), WAIT).value().getTitle())
                        .isEqualTo("Corea del Norte y Rusia");
                for (Map.Entry<Row, RecordMetadata> e : sent.entrySet()) {
                    Row row = e.getKey();
                    RecordMetadata at = e.getValue();
                    ConsumerRecord<byte[], DeadLetter> letter = dlq.awaitRecord(
                            r -> r.value() != null
                                    && Topics.ARTICLES_RAW.equals(r.value().getSourceTopic())
                                    && Objects.equals(r.value().getSourcePartition(), at.partition())
                                    && Objects.equals(r.value().getSourceOffset(), at.offset()),
                            WAIT);
                    assertThat(letter.value().getStage()).isEqualTo("enrich");
                    assertDeadLetter(row, letter, bytes(row, run));
                }
            }
            assertThat(enricher.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // checks

    /** An accepted row's detail ({@code key=value} or {@code -}) holds for the published article. */
    private static void assertAttribute(Row row, RawArticle article) {
        if (row.detail().equals("-")) {
            return;
        }
        String[] kv = row.detail().split("=", 2);
        assertThat(article.getAttributes()).as("%s", row).containsEntry(kv[0], kv[1]);
    }

    /** The dead letter names the reason and carries the original bytes (slim: their beginning, size and hash). */
    private static void assertDeadLetter(Row row, ConsumerRecord<byte[], DeadLetter> record, byte[] original) {
        DeadLetter letter = record.value();
        assertThat(letter.getErrorMessage()).as("%s", row).contains(row.detail());
        if (original == null) {
            assertThat(letter.getValue()).as("%s", row).isNull();
            return;
        }
        if (row.expect().equals("slim")) {
            assertThat(toArray(letter.getValue()))
                    .as("%s", row)
                    .isEqualTo(Arrays.copyOf(original, Rejection.SLIM_KEPT_BYTES));
            assertThat(header(record, ArticlePublisher.HEADER_ORIGINAL_SIZE))
                    .isEqualTo(Integer.toString(original.length));
            assertThat(header(record, ArticlePublisher.HEADER_ORIGINAL_SHA256)).hasSize(64);
            assertThat(letter.getErrorMessage()).contains("original: " + original.length + " bytes, SHA-256");
        } else {
            assertThat(toArray(letter.getValue())).as("%s", row).isEqualTo(original);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the corpus

    private static List<Row> rows(String entry) {
        List<Row> rows = manifest.stream().filter(r -> r.entry().equals(entry)).toList();
        assertThat(rows).as("rows for %s", entry).isNotEmpty();
        return rows;
    }

    /** The item's bytes with {@value #RUN_PLACEHOLDER} replaced by {@code run}; null for a tombstone. */
    private static byte[] bytes(Row row, String run) {
        byte[] raw =
                row.bytes().startsWith("generated:") ? generated(row.bytes().substring(10)) : resource(row.bytes());
        if (raw == null) {
            return null;
        }
        String marker = new String(raw, StandardCharsets.ISO_8859_1);
        return marker.contains(RUN_PLACEHOLDER)
                ? marker.replace(RUN_PLACEHOLDER, run).getBytes(StandardCharsets.ISO_8859_1)
                : raw;
    }

    private static final Map<String, byte[]> GENERATED = new HashMap<>();

    /** The items too big, binary or registry-dependent to commit (see the manifest's header). */
    private static synchronized byte[] generated(String name) {
        if (name.equals("tombstone")) {
            return null;
        }
        return GENERATED.computeIfAbsent(name, n -> switch (n) {
            case "five-megabytes" -> {
                String sentence = "La cumbre de Pionyang terminó sin acuerdo sobre el programa nuclear. ";
                StringBuilder text = new StringBuilder("Una cumbre muy larga\n\n");
                while (text.length() < 5_000_000) {
                    text.append(sentence);
                }
                yield Arrays.copyOf(utf8(text.toString()), 5_000_000);
            }
            case "long-title" -> utf8("Titular ".repeat(102_400 / 8) + "\n\nUn cuerpo corto.\n");
            case "deep-json" ->
                utf8("{\"title\":\"Profundo\",\"text\":\"Texto.\",\"a\":" + "{\"a\":".repeat(9_999) + "1"
                        + "}".repeat(10_000));
            case "deep-markdown" -> utf8(">".repeat(5_000) + " hola\n");
            case "gzip-as-txt" -> gzip(utf8("Titular comprimido\n\nUn cuerpo que nadie leerá.\n"));
            case "wrong-magic" -> {
                byte[] bytes = rawBytes(hostileRaw());
                bytes[0] = 1;
                yield bytes;
            }
            case "unknown-schema" -> {
                byte[] bytes = rawBytes(hostileRaw());
                bytes[1] = 0x7f;
                bytes[2] = (byte) 0xff;
                bytes[3] = (byte) 0xfd;
                bytes[4] = 0x78;
                yield bytes;
            }
            case "truncated-avro" -> {
                byte[] bytes = rawBytes(hostileRaw());
                yield Arrays.copyOf(bytes, bytes.length / 2);
            }
            default -> throw new IllegalArgumentException("no generated item " + n);
        });
    }

    private static RawArticle hostileRaw() {
        return RawArticleBuilder.aRawArticle()
                .withId("hostile-raw")
                .withTitle("Un registro que llega roto")
                .withBody("Su cuerpo es lo bastante largo para que cortarlo por la mitad deje un Avro incompleto.")
                .build();
    }

    private static byte[] rawBytes(RawArticle article) {
        return AvroWireSerde.forValues(registry, RawArticle.class).serializer().serialize(Topics.ARTICLES_RAW, article);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("hostile corpus item missing: hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String goodJson(String id) {
        return "{\"id\":\"" + id + "\",\"title\":\"Buenas noticias\",\"text\":\"Llega después de la basura y se"
                + " publica.\"}";
    }

    // ---------------------------------------------------------------------------------------------------------
    // plumbing

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static IngestConfig config(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("kafka.bootstrap.servers", stack.bootstrapServers());
        settings.put("schema.registry.url", stack.schemaRegistryUrl());
        settings.put("ingest.source", "it-hostile");
        return IngestConfig.from(Settings.of(settings));
    }

    /** A byte-array producer that sends records as large as newsflow's topics take (the 5 MB item). */
    private static KafkaProducer<byte[], byte[]> bigRecordProducer() {
        Map<String, Object> props = stack.clientConfig();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void dropFile(Path drop, String name, byte[] bytes) throws IOException {
        Path tmp = drop.resolve("." + name + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static FileOutcome outcomeOf(List<FileOutcome> outcomes, String fileName) {
        return outcomes.stream()
                .filter(o -> o.file().getFileName().toString().equals(fileName))
                .filter(o -> o.status() != FileOutcome.Status.RETRY)
                .findFirst()
                .orElse(null);
    }

    private static String origin(RecordMetadata m) {
        return m.topic() + "-" + m.partition() + "@" + m.offset();
    }

    private static String originOf(ConsumerRecord<String, RawArticle> r) {
        return r.value() == null ? null : r.value().getOrigin();
    }

    /** The raw topic holds garbage on purpose (this class and others put it there): unreadable values read as null. */
    private static TopicProbe<String, RawArticle> rawProbe() {
        return TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_RAW,
                new StringDeserializer(),
                lenient(AvroWireSerde.forValues(registry, RawArticle.class).deserializer()));
    }

    private static TopicProbe<byte[], DeadLetter> dlqProbe() {
        return TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.DLQ,
                new ByteArrayDeserializer(),
                lenient(AvroWireSerde.forValues(registry, DeadLetter.class).deserializer()));
    }

    private static <T> Deserializer<T> lenient(Deserializer<T> strict) {
        return (topic, data) -> {
            try {
                return strict.deserialize(topic, data);
            } catch (RuntimeException notOurs) {
                return null;
            }
        };
    }
}
