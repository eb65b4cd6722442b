package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsflow ingest}: files or {@code --from-topic}, never both and never neither (checked before any I/O). */
class IngestCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldRefuseToRunWithoutPathsOrFromTopic() {
        int exit = run("ingest");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("give files or folders to ingest, or --from-topic");
    }

    @Test
    void shouldRefusePathsTogetherWithFromTopic() {
        int exit = run("ingest", "--from-topic", "article.txt");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--from-topic reads news-ingest: give no PATH with it");
    }
}
