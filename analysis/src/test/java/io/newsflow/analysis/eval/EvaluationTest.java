package io.newsflow.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.analysis.SharedAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Evaluation}: counts per article, per language and per topic, and the errors named. */
class EvaluationTest {

    @Test
    void shouldCountHitsMissesAndExtrasPerLanguageAndListTheErrors(@TempDir Path dir) throws IOException {
        Path articles = dir.resolve("articles.jsonl");
        Files.writeString(
                articles,
                "{\"id\":\"a1\",\"lang\":\"es\",\"title\":\"Putin recibe a Kim Jong-un en Moscú\","
                        + "\"text\":\"Putin recibe a Kim Jong-un en Moscú\\nRusia y Corea del Norte firman un tratado.\"}\n"
                        + "{\"id\":\"a2\",\"lang\":\"en\",\"title\":\"Weather\",\"text\":\"It rained all day.\"}\n");
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(
                gold,
                "{\"id\":\"a1\",\"topics\":[\"kp-ru-rapprochement\"],\"entities\":[{\"qid\":\"Q7747\",\"name\":\"Vladimir"
                        + " Putin\"},{\"qid\":\"Q99999999\",\"name\":\"Nobody Known\"}]}\n"
                        + "{\"id\":\"a2\",\"topics\":[\"brexit\"],\"entities\":[]}\n");

        Evaluation.Report report = Evaluation.run(SharedAnalyzer.get(), gold, List.of(articles));

        assertThat(report.articles()).isEqualTo(2);
        assertThat(report.entities().tp()).isEqualTo(1); // Putin
        assertThat(report.entities().fn()).isEqualTo(1); // the unknown QID
        assertThat(report.entitiesByLanguage()).containsKeys("es", "en");
        assertThat(report.byTopic().get("brexit").fn()).isEqualTo(1);
        assertThat(report.topicsByLanguage().get("en").fn()).isEqualTo(1);
        assertThat(report.errors())
                .contains("a1 [es] entity missed  Q99999999 Nobody Known", "a2 [en] topic missed   brexit");
    }

    @Test
    void shouldRefuseAGoldArticleThatNoArticleFileHolds(@TempDir Path dir) throws IOException {
        Path articles = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"x\",\"title\":\"t\",\"text\":\"t\"}\n");
        Path gold = Files.writeString(dir.resolve("g.jsonl"), "{\"id\":\"missing\",\"topics\":[],\"entities\":[]}\n");

        assertThatThrownBy(() -> Evaluation.run(SharedAnalyzer.get(), gold, List.of(articles)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }
}
