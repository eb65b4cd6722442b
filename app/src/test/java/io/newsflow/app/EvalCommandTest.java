package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow eval} as a user runs it: a missing input is explained before any model loads. */
class EvalCommandTest {

    @Test
    void shouldExplainAMissingGoldFile(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute(
                "eval",
                dir.resolve("gold.jsonl").toString(),
                dir.resolve("a.jsonl").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("file not found").contains("gold.jsonl");
    }
}
