package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsflow taxonomy publish} validation, as a user runs it, where no broker is needed: documents the enricher
 * would refuse are refused before any Kafka client is opened. Publishing and {@code show} against a real broker are in
 * {@code TaxonomyAtRunTimeIT}.
 */
class TaxonomyCommandTest {

    private static final Path SAMPLE_V2 = Path.of("..", "samples", "taxonomy", "geo-topics-v2.json");
    /** Nothing listens there: a command that tried to publish would fail with a timeout, not a refusal. */
    private static final String NO_BROKER = "kafka.bootstrap.servers=127.0.0.1:1";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldReportTheSampleDocumentValidWithItsVersionAndTopicCount() {
        int exit = run("taxonomy", "publish", "--check", SAMPLE_V2.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("valid geo-topics-v2").contains("19 topics");
    }

    @Test
    void shouldRefuseAnInvalidDocumentWithFileAndLineOfEveryProblemAndPublishNothing(@TempDir Path dir)
            throws Exception {
        String sample = Files.readString(SAMPLE_V2, StandardCharsets.UTF_8);
        String broken = sample.replace("\"taxonomy\": \"geo-topics-v2\"", "\"taxonomy\": \"geo-topics-v3\"")
                .replace("\"ML\",", "\"Mali\",")
                .replace("\"threshold\": 0.5", "\"threshold\": 5");
        Path file = dir.resolve("geo-topics-v3.json");
        Files.writeString(file, broken, StandardCharsets.UTF_8);

        int exit = run(
                "taxonomy",
                "publish",
                file.toString(),
                "--set",
                NO_BROKER,
                "--set",
                "schema.registry.url=http://127.0.0.1:1/apis/ccompat/v7");

        assertThat(exit).isEqualTo(TaxonomyCommand.REFUSED);
        assertThat(err.toString())
                .contains("refused, nothing published")
                .contains(file + ":" + lineOf(broken, "\"threshold\": 5") + ": \"threshold\" out of range")
                .containsPattern(java.util.regex.Pattern.quote(file.toString()) + ":\\d+: .*Mali");
        assertThat(out.toString()).doesNotContain("published");
    }

    @Test
    void shouldRefuseAFileThatIsNotJsonWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.json");
        Files.writeString(file, "{\n  \"taxonomy\": \"geo-topics-v3\",\n  oops\n}\n", StandardCharsets.UTF_8);

        int exit = run("taxonomy", "publish", "--check", file.toString());

        assertThat(exit).isEqualTo(TaxonomyCommand.REFUSED);
        assertThat(err.toString()).contains(file + ":3: not valid JSON");
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0
                ? -1
                : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
