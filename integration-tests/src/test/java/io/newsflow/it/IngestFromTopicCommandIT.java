package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.Newsflow;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow ingest --from-topic} as a user runs it, in its own JVM against the real broker and registry: it
 * publishes what is dropped on {@code news-ingest}, and a termination signal (what Ctrl-C sends) stops it cleanly.
 */
@WithRealKafkaStack
class IngestFromTopicCommandIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @Test
    void shouldPublishADroppedArticleAndStopCleanlyWhenTerminated(RealKafkaStack stack, @TempDir Path home)
            throws Exception {
        stack.createTopics(Topics.INGEST, Topics.ARTICLES_RAW, Topics.DLQ);
        String marker = UUID.randomUUID().toString();
        String id = "cli-" + marker;
        // a file, not a pipe: Process.destroy() closes the pipes, and the last lines come after the signal
        Path stderr = home.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dnewsflow.home=" + home,
                        Newsflow.class.getName(),
                        "ingest",
                        "--from-topic",
                        "--set",
                        "kafka.bootstrap.servers=" + stack.bootstrapServers(),
                        "--set",
                        "schema.registry.url=" + stack.schemaRegistryUrl(),
                        "--set",
                        "ingest.group.id=it-cli-" + marker,
                        "--set",
                        "ingest.transactional.id=it-cli-" + marker))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        try {
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.INGEST, utf8(id), utf8("Titular por la consola\nCuerpo.")))
                        .get(30, TimeUnit.SECONDS);
            }
            // values as bytes: other test classes of this JVM put records that are not RawArticles there
            try (TopicProbe<String, byte[]> raw = TopicProbe.fromBeginning(
                    stack.bootstrapServers(),
                    Topics.ARTICLES_RAW,
                    new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                RawArticle article = AvroWireSerde.forValues(
                                SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), RawArticle.class)
                        .deserializer()
                        .deserialize(Topics.ARTICLES_RAW, raw.awaitKey(id, WAIT).value());
                assertThat(article.getTitle()).isEqualTo("Titular por la consola");
            }

            process.destroy();

            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("exited after the signal")
                    .isTrue();
            assertThat(process.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(Files.readAllLines(stderr, StandardCharsets.UTF_8))
                    .as("what the command said")
                    .anyMatch(line -> line.startsWith("news-ingest service running"))
                    .anyMatch(line -> line.startsWith("news-ingest service stopped: "));
        } finally {
            process.destroyForcibly();
        }
    }
}
