package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.testsupport.builders.EnrichedArticleBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How the human-readable summary shortens evidence sentences and shows near-duplicates. */
class ArticlePrinterTest {

    @Test
    void shouldNotCutAnEvidenceSentenceInsideASurrogatePair() {
        String sentence = "a".repeat(8) + "\uD83D\uDE80" + "b".repeat(20); // U+1F680 is two chars at index 8 and 9

        String shortened = ArticlePrinter.abbreviate(sentence, 10);

        assertThat(shortened).isEqualTo("a".repeat(8) + "\uD83D\uDE80" + "…");
    }

    @Test
    void shouldJoinLinesAndKeepShortSentencesWhole() {
        assertThat(ArticlePrinter.abbreviate("  one\n  two  ", 90)).isEqualTo("one two");
    }

    @Test
    void shouldNameTheFirstCopyOfANearDuplicate() {
        EnrichedArticle reprint = EnrichedArticle.newBuilder(
                        EnrichedArticleBuilder.anEnrichedArticle().withId("a-2").build())
                .setDuplicateOf("a-1")
                .build();
        StringWriter out = new StringWriter();

        new ArticlePrinter(new PrintWriter(out, true), false).print(reprint);

        assertThat(out.toString()).contains("near-duplicate of a-1");
    }
}
