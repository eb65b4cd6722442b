package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.app.IngestCommand.ProgressMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The options of {@code newsflow ingest}, and its long-running modes stopped the way Ctrl-C stops them. */
class IngestCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {}

    private static Run execute(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, err.toString());
    }

    @Test
    void shouldRefusePathsTogetherWithFromTopic() {
        Run run = execute("ingest", "--from-topic", "article.txt");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--from-topic runs the news-ingest service on its own");
    }

    @Test
    void shouldRefusePathsTogetherWithALongRunningSource() {
        Run run = execute("ingest", "a.json", "--watch", dir.toString());

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("do not combine them with --watch");
    }

    @Test
    void shouldRefuseToRunWithoutAnySource() {
        Run run = execute("ingest");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("Give PATHs to ingest, or --from-topic, --watch DIR");
    }

    @Test
    void shouldRefuseAPortWithoutHttp() {
        Run run = execute("ingest", "--watch", dir.toString(), "--port", "9000");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--port is only meaningful with --http");
    }

    @Test
    void shouldReadAFeedListSkippingBlankLinesAndComments() throws IOException {
        Path list = dir.resolve("feeds.txt");
        Files.writeString(list, "# world\nhttps://a.test/rss.xml\n\n  https://b.test/atom.xml  \n");

        assertThat(IngestCommand.readFeedList(list))
                .containsExactly(URI.create("https://a.test/rss.xml"), URI.create("https://b.test/atom.xml"));
    }

    @Test
    void shouldStopEveryLongRunningSourceWhenTerminated() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Path stdout = dir.resolve("stdout.log");
        Path stderr = dir.resolve("stderr.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dnewsflow.home=" + dir.resolve("home"),
                        Newsflow.class.getName(),
                        "ingest",
                        "--watch",
                        drop.toString(),
                        "--feed",
                        "http://127.0.0.1:1/unreachable.xml",
                        "--http",
                        "--port",
                        "0",
                        "--set",
                        "kafka.bootstrap.servers=localhost:1",
                        "--set",
                        "schema.registry.url=mem://ingest-command-test"))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            await("ingest says it runs")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> Files.readString(stdout).contains("running; Ctrl-C stops"));

            process.destroy();

            // generous: a hang detector, not a timing requirement (the stop waits for work in progress)
            assertThat(process.waitFor(40, TimeUnit.SECONDS))
                    .as("exited after the signal")
                    .isTrue();
            List<String> lines = Files.readAllLines(stdout);
            assertThat(lines)
                    .as("exit %d, stderr:%n%s", process.exitValue(), Files.readString(stderr))
                    .anySatisfy(l -> assertThat(l).startsWith("watching "))
                    .anySatisfy(l -> assertThat(l).startsWith("polling 1 feed(s)"))
                    .anySatisfy(l -> assertThat(l).startsWith("accepting articles on http://127.0.0.1:"))
                    .anySatisfy(l -> assertThat(l).startsWith("drop folder stopped: 0 files done"))
                    .last()
                    .isEqualTo("ingest stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldDrawTheBarInAutoModeOnlyOnATerminalForAtLeastOneMebibyte() {
        assertThat(IngestCommand.showBar(ProgressMode.auto, true, 1024 * 1024)).isTrue();
        assertThat(IngestCommand.showBar(ProgressMode.auto, true, 1024 * 1024 - 1))
                .isFalse();
        assertThat(IngestCommand.showBar(ProgressMode.auto, false, 100L * 1024 * 1024))
                .isFalse();
    }

    @Test
    void shouldObeyAlwaysAndNever() {
        assertThat(IngestCommand.showBar(ProgressMode.always, false, 1)).isTrue();
        assertThat(IngestCommand.showBar(ProgressMode.never, true, 100L * 1024 * 1024))
                .isFalse();
    }
}
