package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow annotate}: enrichment without Kafka, through the command line as a user runs it. */
class AnnotateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldPrintOneEnrichedJsonLinePerArticleWithAvroFieldNames(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(
                input,
                String.join(
                        "\n",
                        "{\"id\":\"a1\",\"title\":\"Putin recibe a Kim Jong-un en Moscú\",\"text\":\"Rusia y Corea del Norte firman un tratado.\",\"lang\":\"es\"}",
                        "{\"id\":\"a2\",\"title\":\"NATO summit\",\"text\":\"Leaders of NATO met in Brussels to discuss defence spending.\"}"),
                StandardCharsets.UTF_8);

        int exit = run("annotate", input.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = parse(out.toString());
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(n -> n.get("articleId").asText()).containsExactly("a1", "a2");
        JsonNode first = lines.get(0);
        assertThat(first.has("language") && first.get("language").has("confidence"))
                .isTrue();
        assertThat(first.get("language").get("code").asText()).isEqualTo("es");
        assertThat(first.get("entities").findValuesAsText("id")).contains("Q7747", "Q56226", "Q159", "Q423");
        assertThat(first.get("fingerprint").get("sha256").asText()).hasSize(64);
        assertThat(first.get("versions").get("taxonomy").asText()).isEqualTo("geo-topics-v1");
    }

    @Test
    void shouldExplainEveryRejectedLineAndExitWithOne(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(
                input,
                String.join(
                        "\n",
                        "{\"id\":\"ok\",\"title\":\"Título\",\"text\":\"Texto.\"}",
                        "{\"id\":\"no-text\",\"title\":\"Solo titular\"}",
                        "not json at all"),
                StandardCharsets.UTF_8);

        int exit = run("annotate", input.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(parse(out.toString()))
                .extracting(n -> n.get("articleId").asText())
                .containsExactly("ok");
        assertThat(err.toString())
                .contains("bad.jsonl:2")
                .contains("bad.jsonl:3")
                .contains("1 enriched, 2 rejected");
    }

    @Test
    void shouldAnnotateTheWholeSpanishCorpus() throws Exception {
        Path corpus = Path.of(System.getProperty("newsflow.corpus.dir", "../../shared/corpus"))
                .resolve("es-news.jsonl");
        assumeTrue(Files.isRegularFile(corpus), "the shared corpus is not beside the project: " + corpus);
        long articles = Files.lines(corpus).filter(l -> !l.isBlank()).count();

        int exit = run("annotate", corpus.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> lines = parse(out.toString());
        assertThat(lines).hasSize((int) articles);
        assertThat(lines)
                .allSatisfy(
                        n -> assertThat(n.get("language").get("code").asText()).isNotBlank());
        long spanish = lines.stream()
                .filter(n -> n.get("language").get("code").asText().equals("es"))
                .count();
        assertThat(spanish).isGreaterThan(articles * 95 / 100);
    }

    private static List<JsonNode> parse(String text) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
