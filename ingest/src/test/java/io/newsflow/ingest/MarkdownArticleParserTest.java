package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkdownArticleParserTest {

    private final ArticleFileReader reader = new ArticleFileReader();
    private final Origin origin = Origin.of("test.md");

    private ParsedArticle parse(String markdown) {
        ReadResult result = reader.parseMarkdown(origin, markdown.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ParsedArticle.class);
        return (ParsedArticle) result;
    }

    @Test
    void shouldTakeFirstLevelOneHeadingAsTitleAndRenderTheRestAsPlainText() {
        ParsedArticle article = parse("""
                # Kim Jong-un visita Moscú

                El líder norcoreano llegó el martes a **Moscú** en su [tren blindado](https://example.org/tren).

                ## Contexto

                - Primera visita desde 2019
                - Reunión con *Putin*
                """);

        assertThat(article.title()).isEqualTo("Kim Jong-un visita Moscú");
        assertThat(ArticleNormaliser.normaliseText(article.body()))
                .doesNotContain("**", "[", "](", "#", "*Putin*")
                .contains("El líder norcoreano llegó el martes a Moscú en su tren blindado")
                .contains("Contexto")
                .contains("Primera visita desde 2019")
                .contains("Reunión con Putin");
        assertThat(article.attributes()).containsEntry("encoding", "UTF-8");
    }

    @Test
    void shouldReadFrontMatterFields() {
        ParsedArticle article = parse("""
                ---
                title: "Cumbre en Pionyang"
                date: 2024-06-19
                lang: es
                url: https://example.org/cumbre
                author: Ana Ruiz
                ---
                Putin y Kim firmaron un acuerdo.
                """);

        assertThat(article.title()).isEqualTo("Cumbre en Pionyang");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-06-19T00:00:00Z"));
        assertThat(article.language()).isEqualTo("es");
        assertThat(article.url()).isEqualTo("https://example.org/cumbre");
        assertThat(article.attributes()).containsEntry("author", "Ana Ruiz");
        assertThat(ArticleNormaliser.normaliseText(article.body())).isEqualTo("Putin y Kim firmaron un acuerdo.");
    }

    @Test
    void shouldLeaveTheTitleAbsentWithoutLevelOneHeading() {
        ParsedArticle article = parse("Sin titular. El texto empieza aquí.\n");

        assertThat(article.title()).isNull();
    }

    @Test
    void shouldTellThatReadmeLicenseAndChangelogInAFolderAreNotArticles() {
        assertThat(ArticleFileReader.notAnArticle(Path.of("in", "README.md")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("not an article"));
        assertThat(ArticleFileReader.notAnArticle(Path.of("in", "LICENSE.txt"))).isPresent();
        assertThat(ArticleFileReader.notAnArticle(Path.of("in", "CHANGELOG"))).isPresent();
        assertThat(ArticleFileReader.notAnArticle(Path.of("in", ".DS_Store"))).isPresent();
        assertThat(ArticleFileReader.notAnArticle(Path.of("in", "kim-visita-moscu.md")))
                .isEmpty();
    }

    @Test
    void shouldRejectBlockQuotesNestedTooDeeplyInsteadOfOverflowingTheStack() {
        ReadResult result =
                reader.parseMarkdown(origin, (">".repeat(5_000) + " hola").getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(Rejection.class);
        assertThat(((Rejection) result).reason()).contains("nested", "at most " + MarkdownArticleParser.MAX_DEPTH);
    }

    @Test
    void shouldRejectListsNestedTooDeeplyInsteadOfOverflowingTheStack() {
        ReadResult result = reader.parseMarkdown(origin, ("- ".repeat(30_000) + "x").getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(Rejection.class);
        assertThat(((Rejection) result).reason()).contains("nested");
    }

    @Test
    void shouldStillReadQuotesAFewLevelsDeep() {
        ParsedArticle article = parse("# T\n\n> > > cita de una cita de una cita\n");

        assertThat(article.body()).contains("cita de una cita de una cita");
    }
}
