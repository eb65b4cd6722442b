package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow kb build} as a user runs it: bad arguments are explained and nothing is written. */
class KbCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldExplainAMissingSourceFolder(@TempDir Path dir) {
        int exit = run("kb", "build", "--sources", dir.resolve("nowhere").toString(), "--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("source folder not found").contains("nowhere");
    }

    @Test
    void shouldExplainAMissingDump(@TempDir Path dir) {
        int exit = run(
                "kb",
                "build",
                "--sources",
                dir.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--wikidata-dump",
                dir.resolve("latest-all.json.gz").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Wikidata dump not found");
    }

    @Test
    void shouldRefuseABadLanguageList(@TempDir Path dir) {
        int exit = run("kb", "build", "--sources", dir.toString(), "--out", dir.toString(), "--languages", "EN!");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("not a language code: EN!");
    }
}
