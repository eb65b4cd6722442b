package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow sink} in its own JVM, stopped the way Ctrl-C stops it: by a termination signal. */
class SinkCommandTest {

    @Test
    void shouldCloseCleanlyBeforeTheShutdownHookGivesUpWhenTerminated(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dnewsflow.home=" + dir,
                        Newsflow.class.getName(),
                        "sink",
                        "--set",
                        "kafka.bootstrap.servers=localhost:1",
                        "--set",
                        // never called: nothing arrives from a broker that is not there
                        "schema.registry.url=http://127.0.0.1:1",
                        "--set",
                        "sink.jdbc.url=jdbc:sqlite:" + dir.resolve("test.db")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        try {
            await("the sink says it runs")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(stderr).contains("sink running"));

            process.destroy();

            // The shutdown hook used to join the main thread, which blocks in System.exit: its wait always ran out.
            // What is checked is that it did not run out, not how long the exit took (the 60 s only ends a hung run).
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(Files.readString(stderr))
                    .as("the run loop closed the clients before the hook stopped waiting")
                    .contains("sink stopped:")
                    .doesNotContain(SinkCommand.NOT_CLOSED_IN_TIME);
        } finally {
            process.destroyForcibly();
        }
    }
}
