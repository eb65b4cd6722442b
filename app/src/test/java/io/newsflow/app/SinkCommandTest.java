package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow sink} in its own JVM, stopped the way Ctrl-C stops it: by a termination signal. */
class SinkCommandTest {

    @Test
    void shouldExitPromptlyWhenTerminated(@TempDir Path dir) throws Exception {
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
                        "schema.registry.url=mem://sink-command-test",
                        "--set",
                        "sink.jdbc.url=jdbc:sqlite:" + dir.resolve("test.db")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            CountDownLatch running = new CountDownLatch(1);
            Thread drain = new Thread(() -> drain(process, running), "sink-command-test-stderr");
            drain.setDaemon(true);
            drain.start();
            assertThat(running.await(60, TimeUnit.SECONDS))
                    .as("the sink said it runs")
                    .isTrue();

            process.destroy();

            // the shutdown hook used to join the main thread, which blocks in System.exit: always its full 10 s
            assertThat(process.waitFor(7, TimeUnit.SECONDS))
                    .as("exited within 7 s of the signal")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static void drain(Process process, CountDownLatch running) {
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (line.startsWith("sink running")) {
                    running.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
