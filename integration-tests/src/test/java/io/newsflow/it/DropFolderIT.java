package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.watch.DropFolderConfig;
import io.newsflow.ingest.watch.DropFolderWatcher;
import io.newsflow.ingest.watch.FileOutcome;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop folder in-process, publishing through the REAL broker and registry. */
@WithRealKafkaStack
class DropFolderIT {

    private static final Duration WAIT = Duration.ofMinutes(1);

    @TempDir
    Path drop;

    private RealKafkaStack stack;
    private SchemaRegistryClient registry;
    private ArticlePublisher publisher;
    private DropFolderWatcher watcher;
    private Thread thread;
    private final List<FileOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final String run = "drop-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startWatcher(RealKafkaStack stack) {
        this.stack = stack;
        stack.createTopics(Topics.ARTICLES_RAW, Topics.DLQ);
        registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        IngestConfig config = IngestConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl())));
        publisher = ArticlePublisher.create(config, Clock.systemUTC());
        watcher = new DropFolderWatcher(
                drop,
                new DropFolderConfig(Duration.ofMillis(100), Duration.ofSeconds(30)),
                new ArticleFileReader(),
                new ArticleNormaliser(Clock.systemUTC(), "drop-test"),
                publisher,
                outcomes::add);
        thread = new Thread(() -> {
            try {
                watcher.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        await().atMost(WAIT).until(() -> Files.isDirectory(drop.resolve(DropFolderWatcher.DONE)));
    }

    @AfterEach
    void stopWatcher() throws InterruptedException {
        watcher.close();
        thread.join(10_000);
        publisher.close();
    }

    @Test
    void shouldPublishAFileRenamedIntoTheFolderAndMoveItToDone() throws Exception {
        Path tmp = drop.resolve(".incoming.json.tmp");
        Files.writeString(tmp, "{\"id\":\"" + run + "\",\"title\":\"Talks resume\",\"body\":\"Both sides met.\"}");
        Files.move(tmp, drop.resolve("incoming.json"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(WAIT).until(() -> Files.exists(drop.resolve("done/incoming.json")));

        try (TopicProbe<String, RawArticle> raw = rawProbe()) {
            RawArticle article = raw.awaitKey(run, WAIT).value();
            assertThat(article.getChannel()).isEqualTo(IngestChannel.FOLDER);
            assertThat(article.getTitle()).isEqualTo("Talks resume");
            assertThat(article.getOrigin()).endsWith("incoming.json");
        }
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(FileOutcome.Status.DONE);
            assertThat(o.articleIds()).containsExactly(run);
            assertThat(o.republished()).isFalse();
        });
    }

    @Test
    void shouldDeadLetterTheRejectedLineAndMoveTheFileToFailedWithTheReasons() throws Exception {
        String good = "{\"id\":\"" + run + "-good\",\"title\":\"Harbour reopens\",\"body\":\"Ships sail again.\"}";
        String bad = "{\"id\":\"" + run + "-bad\",\"title\":\"A title without a body\"}";
        Files.writeString(drop.resolve("mixed.jsonl"), good + "\n" + bad + "\n");

        await().atMost(WAIT).until(() -> Files.exists(drop.resolve("failed/mixed.jsonl")));

        assertThat(drop.resolve("failed/mixed.jsonl.error"))
                .content(StandardCharsets.UTF_8)
                .contains("line 2: missing body");
        try (TopicProbe<String, RawArticle> raw = rawProbe()) {
            assertThat(raw.awaitKey(run + "-good", WAIT).value().getTitle()).isEqualTo("Harbour reopens");
        }
        try (TopicProbe<String, DeadLetter> dlq = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.DLQ,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).deserializer())) {
            ConsumerRecord<String, DeadLetter> letter = dlq.awaitRecord(
                    r -> r.value().getOrigin() != null
                            && r.value()
                                    .getOrigin()
                                    .equals(drop.resolve("mixed.jsonl").toAbsolutePath() + ":2"),
                    WAIT);
            assertThat(letter.value().getStage()).isEqualTo(ArticlePublisher.STAGE_FOLDER);
            assertThat(text(letter.value().getValue())).isEqualTo(bad);
            assertThat(letter.value().getErrorMessage()).contains("missing body");
        }
    }

    @Test
    void shouldMoveAFileOfAnUnsupportedTypeToFailedWithoutReadingIt() {
        Path pdf = drop.resolve("scan.pdf");
        writeUnchecked(pdf, "%PDF-1.7");

        await().atMost(WAIT).until(() -> Files.exists(drop.resolve("failed/scan.pdf")));

        assertThat(drop.resolve("failed/scan.pdf.error"))
                .content(StandardCharsets.UTF_8)
                .contains("unsupported file type");
    }

    @Test
    void shouldLeaveTemporaryAndHiddenFilesAlone() throws Exception {
        Path partial = drop.resolve("upload.json.part");
        Path hidden = drop.resolve(".draft.json");
        Files.writeString(partial, "{\"title\":\"half");
        Files.writeString(hidden, "{\"id\":\"" + run + "-hidden\",\"title\":\"Draft\",\"body\":\"Not yet.\"}");
        // dropped after the two others, so by the time it is done the watcher has seen them in the same listing
        Files.writeString(
                drop.resolve("zz-sentinel.json"),
                "{\"id\":\"" + run + "-sentinel\",\"title\":\"Sentinel\",\"body\":\"Processed.\"}");

        await().atMost(WAIT).until(() -> Files.exists(drop.resolve("done/zz-sentinel.json")));

        assertThat(partial).exists();
        assertThat(hidden).exists();
        assertThat(outcomes).extracting(o -> o.file().getFileName().toString()).containsExactly("zz-sentinel.json");
    }

    private TopicProbe<String, RawArticle> rawProbe() {
        return TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_RAW,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, RawArticle.class).deserializer());
    }

    private static void writeUnchecked(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
