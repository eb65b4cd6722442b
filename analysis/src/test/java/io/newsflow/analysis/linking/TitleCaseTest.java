package io.newsflow.analysis.linking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.eval.DevGoldEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The one-pass title-case test says what splitting the text on {@code \s+} said, on every corpus field. */
class TitleCaseTest {

    /** The earlier implementation, kept here as the reference. */
    private static boolean bySplitting(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length < 4) {
            return false;
        }
        int capitalised = 0;
        for (String w : words) {
            if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) {
                capitalised++;
            }
        }
        return capitalised * 10 >= words.length * 6;
    }

    @Test
    void shouldReadHeadlinesInTitleCaseAndSentencesNot() {
        assertThat(EntityLinker.isTitleCase("Trump Meets Kim In Hanoi")).isTrue();
        assertThat(EntityLinker.isTitleCase("  Trump meets Kim in Hanoi for a second summit  "))
                .isFalse();
        assertThat(EntityLinker.isTitleCase("Trump Meets Kim")).isFalse();
        assertThat(EntityLinker.isTitleCase("")).isFalse();
    }

    @Test
    void shouldAgreeWithSplittingOnWhiteSpaceOnEveryCorpusField() throws IOException {
        Optional<Path> corpus = DevGoldEvaluation.defaultCorpus();
        Assumptions.assumeTrue(corpus.isPresent(), "shared corpus not found");
        ObjectMapper json = new ObjectMapper();
        List<String> fields = new ArrayList<>(List.of(
                "\u2003Trump\u00A0Meets Kim\tIn\nHanoi\u2003", " \r\n", "A B C d", "a\u000BB\fC\rD", "Él Dijo Que No"));
        for (String file : List.of("es-news.jsonl", "en-news.jsonl")) {
            for (String line : Files.readAllLines(corpus.get().resolve(file))) {
                var article = json.readTree(line);
                fields.add(article.path("title").asText());
                fields.add(article.path("text").asText());
            }
        }
        for (String field : fields) {
            assertThat(EntityLinker.isTitleCase(field)).as(field).isEqualTo(bySplitting(field));
        }
    }
}
