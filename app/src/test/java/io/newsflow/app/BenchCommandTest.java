package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow bench} is wired as a subcommand and explains a missing corpus before it starts anything. */
class BenchCommandTest {

    @Test
    void shouldExplainAMissingCorpusBeforeStartingAnything(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("bench", "--quick", "--corpus", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("es-news.jsonl").contains(dir.toString());
    }
}
