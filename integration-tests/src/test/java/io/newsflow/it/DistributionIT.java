package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged command exactly as {@code ./newsflow} runs it: a separate JVM on the distribution's classpath
 * ({@code app/target/newsflow-app-*.jar} + {@code app/target/newsflow/lib/*}), nothing from the test classpath. Catches
 * a runtime dependency the in-process tests would hide.
 */
class DistributionIT {

    private static final Path PROJECT = Path.of(System.getProperty("newsflow.project.dir", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    void shouldAnnotateTheSampleCorpusFromTheDistributionClasspathAlone() throws Exception {
        Path input = PROJECT.resolve("samples/corpus-sample.jsonl");
        long articles =
                Files.readAllLines(input).stream().filter(l -> !l.isBlank()).count();

        Result result = run("annotate", input.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().filter(l -> l.startsWith("{\"articleId\":")))
                .hasSize((int) articles);
    }

    @Test
    void shouldListItsCommandsInHelp() throws Exception {
        Result result = run("--help");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("demo", "annotate", "stack", "ingest", "enrich", "sink");
    }

    @Test
    void shouldRefuseTheInMemoryRegistryOfTestsAsAProductionUrl() throws Exception {
        Result result = run(
                "sink", "--set", "kafka.bootstrap.servers=127.0.0.1:1", "--set", "schema.registry.url=mem://anything");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("schema.registry.url").contains("must start with http:// or https://");
    }

    @Test
    void shouldNotPrintThePasswordOfARegistryUrlItRefuses() throws Exception {
        Result result = run(
                "sink",
                "--set",
                "kafka.bootstrap.servers=127.0.0.1:1",
                "--set",
                "schema.registry.url=ftp://svc:pa55word@registry:8081");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("ftp://***@registry:8081");
        assertThat(result.stdout() + result.stderr()).doesNotContain("pa55word");
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        Path appTarget = PROJECT.resolve("app/target");
        Path jar;
        try (Stream<Path> files = Files.list(appTarget)) {
            jar = files.filter(p -> p.getFileName().toString().matches("newsflow-app-.*\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dnewsflow.project.dir=" + PROJECT,
                "-cp",
                jar + File.pathSeparator + appTarget.resolve("newsflow/lib") + File.separator + "*",
                "io.newsflow.app.Newsflow"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("newsflow-out", ".txt");
        Path err = Files.createTempFile("newsflow-err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("newsflow " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
