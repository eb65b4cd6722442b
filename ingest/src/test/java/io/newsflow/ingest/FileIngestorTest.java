package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.InMemoryRegistries;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing of {@link FileIngestor} with Kafka's {@link MockProducer} and the real wire-format serializers on an
 * in-memory registry. The real broker path is covered by the end-to-end tests.
 */
class FileIngestorTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:30:00Z");
    private static final String REGISTRY = "file-ingestor-test";

    @TempDir
    Path dir;

    private MockProducer<String, RawArticle> articles;
    private MockProducer<String, DeadLetter> deadLetters;
    private FileIngestor ingestor;

    @BeforeEach
    void setUp() {
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mem://" + REGISTRY);
        articles = new MockProducer<>(
                true,
                null,
                new StringSerializer(),
                AvroWireSerde.forValues(registry, RawArticle.class).serializer());
        deadLetters = new MockProducer<>(
                true,
                null,
                new StringSerializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).serializer());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ArticlePublisher publisher = new ArticlePublisher(articles, deadLetters, clock);
        ingestor = new FileIngestor(new ArticleFileReader(), new ArticleNormaliser(clock, "unknown"), publisher);
    }

    @AfterEach
    void tearDown() {
        InMemoryRegistries.drop(REGISTRY);
    }

    @Test
    void shouldPublishGoodArticlesAndDeadLetterRejectionsFromDirectory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("in"));
        Files.writeString(folder.resolve("b.txt"), "Second\n\nBody of second.");
        Files.writeString(
                folder.resolve("a.jsonl"), "{\"id\":\"one\",\"title\":\"First\",\"body\":\"B\"}\n{\"title\":\"x\"}\n");
        Files.writeString(folder.resolve("c.odt"), "not an article");
        Files.createDirectory(folder.resolve("sub"));

        IngestReport report = ingestor.ingest(List.of(folder));

        List<ProducerRecord<String, RawArticle>> raw = articles.history();
        assertThat(raw).extracting(ProducerRecord::topic).containsOnly(Topics.ARTICLES_RAW);
        assertThat(raw).extracting(r -> r.value().getTitle()).containsExactly("First", "Second");
        assertThat(raw.get(0).key()).isEqualTo("one");
        assertThat(raw.get(1).key())
                .isEqualTo(raw.get(1).value().getArticleId())
                .startsWith("txt-");
        assertThat(raw).extracting(r -> r.value().getChannel()).containsOnly(IngestChannel.FOLDER);

        List<ProducerRecord<String, DeadLetter>> dlq = deadLetters.history();
        assertThat(dlq).hasSize(1);
        DeadLetter letter = dlq.get(0).value();
        assertThat(dlq.get(0).topic()).isEqualTo(Topics.DLQ);
        assertThat(letter.getStage()).isEqualTo("ingest-folder");
        assertThat(letter.getOrigin()).isEqualTo(folder.resolve("a.jsonl") + ":2");
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("{\"title\":\"x\"}");
        assertThat(letter.getErrorClass()).isEqualTo(InvalidArticleException.class.getName());
        assertThat(letter.getErrorMessage()).contains("missing body");
        assertThat(letter.getFailedAt()).isEqualTo(NOW);
        assertThat(new String(
                        dlq.get(0)
                                .headers()
                                .lastHeader(DeadLetters.HEADER_STAGE)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("ingest-folder");

        assertThat(report.publishedCount()).isEqualTo(2);
        assertThat(report.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("missing body"));
        assertThat(report.skipped())
                .extracting(IngestReport.Skipped::path)
                .containsExactly(folder.resolve("c.odt"), folder.resolve("sub"));
        assertThat(report.failed()).isEmpty();
    }

    @Test
    void shouldDeadLetterArticleRejectedByNormaliserWithStageFile() throws IOException {
        Path file = Files.writeString(
                dir.resolve("bad-url.json"), "{\"title\":\"T\",\"body\":\"B\",\"url\":\"not a url\"}");

        IngestReport report = ingestor.ingest(List.of(file));

        assertThat(articles.history()).isEmpty();
        assertThat(deadLetters.history()).singleElement().satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo("ingest-file");
            assertThat(r.value().getErrorMessage()).contains("url");
        });
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(report.describe()).anySatisfy(line -> assertThat(line).startsWith("rejected " + file));
    }

    @Test
    void shouldReportMissingPathAsSkipped() {
        Path missing = dir.resolve("nope.txt");

        IngestReport report = ingestor.ingest(List.of(missing));

        assertThat(report.skipped()).containsExactly(new IngestReport.Skipped(missing, "does not exist"));
        assertThat(articles.history()).isEmpty();
        assertThat(deadLetters.history()).isEmpty();
    }

    @Test
    void shouldReportUnacknowledgedRecordsAsFailed() throws IOException {
        MockProducer<String, RawArticle> rejecting =
                new MockProducer<>(
                        false,
                        null,
                        new StringSerializer(),
                        AvroWireSerde.forValues(SchemaRegistryClients.forUrl("mem://" + REGISTRY), RawArticle.class)
                                .serializer()) {
                    @Override
                    public synchronized void flush() {
                        while (errorNext(new RecordTooLargeException("too large"))) {
                            // fail every pending send, as a broker refusing them would
                        }
                    }
                };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FileIngestor failing = new FileIngestor(
                new ArticleFileReader(),
                new ArticleNormaliser(clock, "unknown"),
                new ArticlePublisher(rejecting, deadLetters, clock));
        Path file = Files.writeString(dir.resolve("a.txt"), "T\n\nB");

        IngestReport report = failing.ingest(List.of(file));

        assertThat(report.publishedCount()).isZero();
        assertThat(report.failed()).singleElement().satisfies(f -> {
            assertThat(f.topic()).isEqualTo(Topics.ARTICLES_RAW);
            assertThat(f.error()).contains("too large");
        });
    }

    @Test
    void shouldReportTheSameArticleTwiceAsOneDuplicateAndMakeTheSummaryAddUp() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("batch"));
        Files.writeString(folder.resolve("a.jsonl"), """
                {"id":"efe-1","title":"Sismo en Oaxaca","body":"Un sismo sacudió Oaxaca."}
                {"id":"efe-2","title":"Lluvias en Chiapas","body":"Llueve en Chiapas."}
                {"id":"efe-1","title":"Sismo en Oaxaca","body":"Un sismo  sacudió Oaxaca."}
                {"id":"efe-3","body":""}
                """);
        Files.writeString(folder.resolve("b.txt"), "Tercera noticia\n\nTexto de la tercera.");
        Files.writeString(folder.resolve("README.md"), "# Lote de noticias\n\nExportado el lunes.");

        IngestReport report = ingestor.ingest(List.of(folder));

        assertThat(articles.history())
                .extracting(ProducerRecord::key)
                .containsExactly("efe-1", "efe-2", articles.history().get(2).key());
        assertThat(report.read()).isEqualTo(6);
        assertThat(report.publishedCount()).isEqualTo(3);
        assertThat(report.duplicates())
                .containsExactly(new IngestReport.Duplicate(
                        "efe-1", folder.resolve("a.jsonl") + ":3", folder.resolve("a.jsonl") + ":1"));
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(report.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.path()).isEqualTo(folder.resolve("README.md"));
            assertThat(skip.kind()).isEqualTo(IngestReport.Skipped.Kind.NOT_AN_ARTICLE);
        });
        assertThat(report.addsUp()).isTrue();
        assertThat(report.describe().get(0))
                .isEqualTo("read 6: published 3, duplicates 1, rejected 1, skipped 1, failed 0");
    }

    @Test
    void shouldRejectASecondArticleThatReusesAnIdForDifferentContent() throws IOException {
        Path file = Files.writeString(dir.resolve("clash.jsonl"), """
                {"id":"x-1","title":"Primera","body":"Texto uno."}
                {"id":"x-1","title":"Otra","body":"Texto distinto."}
                """);

        IngestReport report = ingestor.ingest(List.of(file));

        assertThat(articles.history())
                .singleElement()
                .satisfies(r -> assertThat(r.value().getTitle()).isEqualTo("Primera"));
        assertThat(deadLetters.history())
                .singleElement()
                .satisfies(r -> assertThat(r.value().getErrorMessage())
                        .contains("id 'x-1' already used in this run by " + file + ":1"));
        assertThat(report.duplicates()).isEmpty();
        assertThat(report.addsUp()).isTrue();
        assertThat(report.succeeded()).isFalse();
    }

    @Test
    void shouldSucceedWhenOnlyNotesWereSkippedButFailForAMissingPath() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("notes"));
        Files.writeString(folder.resolve("story.md"), "# Titular\n\nCuerpo de la noticia.");
        Files.writeString(folder.resolve("LICENSE"), "MIT");
        Files.writeString(folder.resolve("photo.jpg"), "not really a photo");

        IngestReport notes = ingestor.ingest(List.of(folder));
        IngestReport missing = ingestor.ingest(List.of(dir.resolve("absent.txt")));

        assertThat(notes.publishedCount()).isEqualTo(1);
        assertThat(notes.skippedCount()).isEqualTo(2);
        assertThat(notes.succeeded()).isTrue();
        assertThat(missing.succeeded()).isFalse();
    }

    @Test
    void shouldPublishHtmlAndUtf16TextRecordingTheirEncoding() throws IOException {
        Path html = Files.writeString(
                dir.resolve("page.html"),
                "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Storm hits Manila\"></head><body>"
                        + "<nav>Home</nav><article><p>A typhoon made landfall.</p></article></body></html>");
        byte[] utf16 = concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "Titular\n\nCuerpo en UTF-16.".getBytes(StandardCharsets.UTF_16LE));
        Path text = Files.write(dir.resolve("wide.txt"), utf16);

        IngestReport report = ingestor.ingest(List.of(html, text));

        assertThat(report.publishedCount()).isEqualTo(2);
        assertThat(articles.history().get(0).value().getTitle()).isEqualTo("Storm hits Manila");
        assertThat(articles.history().get(0).value().getBody()).isEqualTo("A typhoon made landfall.");
        assertThat(articles.history().get(0).value().getDeclaredLanguage()).isEqualTo("en");
        assertThat(articles.history().get(1).value().getBody()).isEqualTo("Cuerpo en UTF-16.");
        assertThat(articles.history().get(1).value().getAttributes()).containsEntry("encoding", "UTF-16LE");
    }

    @Test
    void shouldRejectAGzipFileNamedTxtAsBinary() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write("Title\n\nBody".getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(dir.resolve("archive.txt"), out.toByteArray());

        IngestReport report = ingestor.ingest(List.of(file));

        assertThat(articles.history()).isEmpty();
        assertThat(report.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("looks binary: gzip"));
        assertThat(deadLetters.history())
                .singleElement()
                .satisfies(r -> assertThat(r.value().getValue().remaining()).isEqualTo(out.size()));
    }

    @Test
    void shouldDeadLetterAnOversizedArticleSlimWithSizeHashAndFirstKilobytes() throws IOException {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FileIngestor limited = new FileIngestor(
                new ArticleFileReader(),
                new ArticleNormaliser(clock, "unknown", 64 * 1024),
                new ArticlePublisher(articles, deadLetters, clock));
        String body = "Párrafo de relleno. ".repeat(5_000);
        Path file = Files.writeString(dir.resolve("huge.json"), "{\"title\":\"Enorme\",\"body\":\"" + body + "\"}");
        byte[] original = Files.readAllBytes(file);

        IngestReport report = limited.ingest(List.of(file));

        assertThat(articles.history()).isEmpty();
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.errorClass()).isEqualTo(ArticleTooLargeException.class.getName());
            assertThat(r.reason()).contains("article too large").contains("65536");
        });
        DeadLetter letter = deadLetters.history().get(0).value();
        assertThat(letter.getValue().remaining()).isEqualTo(Rejection.SLIM_KEPT_BYTES);
        assertThat(letter.getErrorMessage())
                .contains(original.length + " bytes")
                .contains(sha256Hex(original))
                .contains("first " + Rejection.SLIM_KEPT_BYTES + " bytes");
        assertThat(letter.getOrigin()).isEqualTo(file.toString());
        assertThat(new String(
                        deadLetters
                                .history()
                                .get(0)
                                .headers()
                                .lastHeader(ArticlePublisher.HEADER_ORIGINAL_SHA256)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(sha256Hex(original));
    }

    @Test
    void shouldTellProgressTheTotalAndEveryByteOfInput() throws IOException {
        Path lines = Files.writeString(
                dir.resolve("p.jsonl"), "{\"title\":\"Uno\",\"body\":\"B\"}\n\n{\"title\":\"Dos\",\"body\":\"B\"}\n");
        Path whole = Files.writeString(dir.resolve("p.txt"), "Tres\n\nCuerpo.");
        long[] seen = new long[2];

        ingestor.ingest(List.of(lines, whole), new IngestProgress() {
            @Override
            public void start(long totalBytes) {
                seen[0] = totalBytes;
            }

            @Override
            public void advance(long bytes) {
                seen[1] += bytes;
            }
        });

        long expected = Files.size(lines) + Files.size(whole);
        assertThat(seen[0]).isEqualTo(expected);
        assertThat(seen[1]).isEqualTo(expected);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
