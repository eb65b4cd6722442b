package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
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
        SchemaRegistryClients.dropInMemory(REGISTRY);
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
}
