package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.watch.DropFolderWatcher;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder survives a real crash between "the broker acknowledged the file's articles" and "the file was
 * moved to done/": the watcher runs as a separate JVM exactly as {@code ./newsflow ingest --watch DIR} runs it (the
 * packaged distribution's classpath), with the failpoint {@value DropFolderWatcher#FAILPOINT_AFTER_ACK}{@code =halt}
 * that calls {@link Runtime#halt} at that very moment (no shutdown hook, no flush, no move: what kill -9 does), then
 * again without it.
 *
 * <p>What "neither lost nor doubled downstream" means, honestly: NOT LOST is strict: every article id of every file
 * is on {@code news-articles-raw} (read with {@code read_committed}) and every file ends in {@code done/}. NOT DOUBLED
 * is weaker: the articles of the file that was interrupted ARE sent twice, because the watcher cannot know whether
 * its acknowledged records survived the crash without moving the file, and it moves the file only after the ack.
 * Both copies carry the same article id as key, derived from the content, so a consumer that keeps one row per
 * article id (the sink's idempotent upsert) ends with one row per article: the number of DISTINCT ids equals the
 * number of articles, while the number of records is that plus the re-sent ones. The test counts both.
 */
@WithRealKafkaStack
class DropFolderCrashIT {

    private static final Path PROJECT = Path.of(System.getProperty("newsflow.project.dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @Test
    void shouldRepublishTheInterruptedFileWithTheSameIdsAndLoseNothingWhenKilledBetweenAckAndMove(RealKafkaStack stack)
            throws Exception {
        stack.createTopics(Topics.ARTICLES_RAW, Topics.DLQ);
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        Path drop = Files.createDirectories(work.resolve("drop"));
        // processed in name order, so "a-..." is the file in flight when the failpoint halts the JVM
        Path first = drop.resolve("a-interrupted.jsonl");
        Files.writeString(
                first,
                article(run + "-1", "Seoul and Moscow sign a deal", "The agreement covers energy.") + "\n"
                        + article(run + "-2", "Ports reopen after the storm", "Ships left the harbour at dawn.")
                        + "\n");
        Path second = drop.resolve("b-after-restart.json");
        Files.writeString(second, article(run + "-3", "Grain prices fall", "Exporters expect a record harvest."));

        Result crashed = runWatcher(stack, drop, true, null);

        assertThat(crashed.exitCode())
                .as("the failpoint halted the JVM after the ack; output:%n%s", crashed.output())
                .isEqualTo(DropFolderWatcher.FAILPOINT_EXIT_CODE);
        assertThat(first).as("the interrupted file was not moved").exists();
        assertThat(drop.resolve("done").resolve(first.getFileName())).doesNotExist();
        assertThat(second).as("the run halted before reaching the second file").exists();

        Result restarted = runWatcher(
                stack,
                drop,
                false,
                () -> await("both files in done/")
                        .atMost(WAIT)
                        .until(() -> Files.exists(drop.resolve("done").resolve(first.getFileName()))
                                && Files.exists(drop.resolve("done").resolve(second.getFileName()))));

        // 143 = 128 + SIGTERM: the JVM's own exit status when a signal started its shutdown; "ingest stopped" is
        // printed only after the watcher finished its file and the producers were flushed and closed
        assertThat(restarted.exitCode())
                .as("SIGTERM stops the watcher; output:%n%s", restarted.output())
                .isEqualTo(143);
        assertThat(restarted.output())
                .endsWith("ingest stopped\n")
                .contains("done a-interrupted.jsonl")
                .contains("RE-PUBLISHED")
                .contains("drop folder stopped: 2 files done, 0 failed (1 re-published after an interrupted run)");
        try (Stream<Path> left = Files.list(drop)) {
            assertThat(left.filter(Files::isRegularFile))
                    .as("nothing left in the drop folder")
                    .isEmpty();
        }

        List<ConsumerRecord<String, RawArticle>> records = recordsOfRun(stack, run, run + "-3");
        Map<String, Long> copiesById =
                records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        // not lost: every article id is on the topic
        assertThat(copiesById.keySet()).containsExactlyInAnyOrder(run + "-1", run + "-2", run + "-3");
        // sent twice with the same key: the interrupted file's articles; once: the other file's
        assertThat(copiesById)
                .containsEntry(run + "-1", 2L)
                .containsEntry(run + "-2", 2L)
                .containsEntry(run + "-3", 1L);
        assertThat(records).hasSize(5);
        assertThat(records)
                .allSatisfy(r -> assertThat(r.value().getChannel()).isEqualTo(IngestChannel.FOLDER))
                .allSatisfy(r -> assertThat(r.value().getArticleId()).isEqualTo(r.key()));
    }

    private static String article(String id, String title, String body) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\"}";
    }

    /**
     * Every record of this run up to and including the one keyed {@code last}. The watcher publishes files in name
     * order and waits for each file's acks before the next, and the topic has one partition, so once {@code last}
     * (the last file's article) has been read every earlier record of the run has been read too.
     */
    private static List<ConsumerRecord<String, RawArticle>> recordsOfRun(
            RealKafkaStack stack, String run, String last) {
        try (TopicProbe<String, RawArticle> raw = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_RAW,
                new StringDeserializer(),
                AvroWireSerde.forValues(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), RawArticle.class)
                        .deserializer())) {
            raw.awaitKey(last, WAIT);
            return raw.seen().stream()
                    .filter(r -> r.key() != null && r.key().startsWith(run + "-"))
                    .toList();
        }
    }

    private record Result(int exitCode, String output) {}

    /**
     * Runs {@code newsflow ingest --watch drop} from the packaged distribution. With the failpoint it waits for the JVM
     * to halt; without it, it waits for {@code until}, then sends SIGTERM and waits for the exit.
     */
    private Result runWatcher(RealKafkaStack stack, Path drop, boolean failpoint, Runnable until)
            throws IOException, InterruptedException {
        Path appTarget = PROJECT.resolve("app/target");
        Path jar;
        try (Stream<Path> files = Files.list(appTarget)) {
            jar = files.filter(p -> p.getFileName().toString().matches("newsflow-app-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the app module first"));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dnewsflow.home=" + work.resolve("home"),
                "-Dnewsflow.project.dir=" + PROJECT));
        if (failpoint) {
            command.add("-D" + DropFolderWatcher.FAILPOINT_AFTER_ACK + "=halt");
        }
        command.addAll(List.of(
                "-cp",
                jar + File.pathSeparator + appTarget.resolve("newsflow/lib") + File.separator + "*",
                "io.newsflow.app.Newsflow",
                "ingest",
                "--watch",
                drop.toString(),
                "--set",
                "kafka.bootstrap.servers=" + stack.bootstrapServers(),
                "--set",
                "schema.registry.url=" + stack.schemaRegistryUrl(),
                "--set",
                "ingest.watch.settle=PT0.2S"));
        Path output = Files.createTempFile(work, "watcher", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (until != null) {
                try {
                    until.run();
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError(e.getMessage() + "; watcher output:\n" + Files.readString(output), e);
                }
                process.destroy(); // SIGTERM, as Ctrl-C or a service manager would
            }
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the watcher did not exit; output:\n" + Files.readString(output));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
