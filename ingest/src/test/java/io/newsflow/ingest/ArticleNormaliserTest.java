package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleNormaliserTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private final ArticleNormaliser normaliser = new ArticleNormaliser(Clock.fixed(NOW, ZoneOffset.UTC), "wire");

    private static ParsedArticle article(String title, String lede, String body) {
        return new ParsedArticle(
                Origin.line(Path.of("in", "a.jsonl"), 3),
                new byte[0],
                null,
                title,
                lede,
                body,
                null,
                null,
                null,
                null,
                Map.of());
    }

    @Test
    void shouldComposeToNfc() {
        String decomposed = "Cafe\u0301 in Mu\u0308nchen";

        assertThat(ArticleNormaliser.normaliseText(decomposed)).isEqualTo("Caf\u00e9 in M\u00fcnchen");
    }

    @Test
    void shouldUnifyLineEndingsAndDropBlankLines() {
        String text = "  One\r\n\r\n\r\nTwo\rThree\u2028Four \n\n";

        assertThat(ArticleNormaliser.normaliseText(text)).isEqualTo("One\nTwo\nThree\nFour");
    }

    @Test
    void shouldStripControlCharactersAndCollapseWhitespace() {
        String text = "A\u0000B\u0007 \t\u00a0 C\u001b  D";

        assertThat(ArticleNormaliser.normaliseText(text)).isEqualTo("AB C D");
    }

    @Test
    void shouldFoldTitleToOneLine() {
        assertThat(ArticleNormaliser.normaliseLine(" Two\n\nlines \r\n")).isEqualTo("Two lines");
    }

    @Test
    void shouldBuildRawArticleWithDefaultsFromClockAndSource() {
        RawArticle raw =
                normaliser.normalise(article(" Title\t here ", "  ", "Body\r\n\r\nmore"), IngestChannel.FOLDER);

        assertThat(raw.getTitle()).isEqualTo("Title here");
        assertThat(raw.getLede()).isNull();
        assertThat(raw.getBody()).isEqualTo("Body\nmore");
        assertThat(raw.getSource()).isEqualTo("wire");
        assertThat(raw.getChannel()).isEqualTo(IngestChannel.FOLDER);
        assertThat(raw.getOrigin()).isEqualTo(Path.of("in", "a.jsonl") + ":3");
        assertThat(raw.getIngestedAt()).isEqualTo(NOW);
        assertThat(raw.getArticleId()).startsWith("txt-").hasSize(20);
    }

    @Test
    void shouldKeepDeclaredSourceUrlLanguageAndAttributes() {
        ParsedArticle parsed = new ParsedArticle(
                Origin.file(Path.of("a.json")),
                new byte[0],
                "id-1",
                "T",
                "L",
                "B",
                "pt_BR",
                " Reuters ",
                "HTTPS://Example.COM/x?utm_source=a&b=1#top",
                Instant.EPOCH,
                Map.of("author", " Jane\nDoe "));

        RawArticle raw = normaliser.normalise(parsed, IngestChannel.FILE);

        assertThat(raw.getArticleId()).isEqualTo("id-1");
        assertThat(raw.getSource()).isEqualTo("Reuters");
        assertThat(raw.getUrl()).isEqualTo("https://example.com/x?b=1");
        assertThat(raw.getDeclaredLanguage()).isEqualTo("pt-BR");
        assertThat(raw.getPublishedAt()).isEqualTo(Instant.EPOCH);
        assertThat(raw.getAttributes()).containsExactlyEntriesOf(Map.of("author", "Jane Doe"));
    }

    @Test
    void shouldRejectBodyThatIsOnlyControlCharacters() {
        assertThatThrownBy(() -> normaliser.normalise(article("T", null, "\u0000\u0001 \u0002"), IngestChannel.FILE))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("body is empty");
    }

    @Test
    void shouldRejectInvalidLanguageTag() {
        ParsedArticle parsed = new ParsedArticle(
                Origin.file(Path.of("a.json")),
                new byte[0],
                null,
                "T",
                null,
                "B",
                "english please",
                null,
                null,
                null,
                Map.of());

        assertThatThrownBy(() -> normaliser.normalise(parsed, IngestChannel.FILE))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("lang");
    }

    @Test
    void shouldComposeALetterAndACombiningMarkThatARemovedControlCharacterKeptApart() {
        // found by the seeded property normalisationIsIdempotent: NFC ran before the control character was removed
        String text = "S\u0001\u0301 and \u00c6\u0301";

        assertThat(ArticleNormaliser.normaliseText(text)).isEqualTo("\u015a and \u01fc");
    }

    @Test
    void shouldUseTheFirstSentenceOfTheBodyForAMissingHeadlineAndSaySo() {
        RawArticle raw = normaliser.normalise(
                article(
                        null,
                        null,
                        "El Gobierno aprobó ayer el presupuesto. La oposición votó en contra.\nSegundo párrafo."),
                IngestChannel.FILE);

        assertThat(raw.getTitle()).isEqualTo("El Gobierno aprobó ayer el presupuesto.");
        assertThat(raw.getAttributes()).containsEntry("titleSource", "first-sentence");
    }

    @Test
    void shouldTreatAnInvisibleOnlyHeadlineAsMissing() {
        RawArticle raw = normaliser.normalise(
                article("\u200B\u2060\uFEFF \u00AD", null, "Lluvias en Valencia. Cierran colegios."),
                IngestChannel.FILE);

        assertThat(raw.getTitle()).isEqualTo("Lluvias en Valencia.");
        assertThat(raw.getAttributes()).containsEntry("titleSource", "first-sentence");
    }

    @Test
    void shouldNotMarkTheTitleSourceWhenTheSenderGaveAHeadline() {
        RawArticle raw = normaliser.normalise(article("Headline", null, "Body."), IngestChannel.FILE);

        assertThat(raw.getAttributes()).doesNotContainKey("titleSource");
    }

    @Test
    void shouldCutALongFirstSentenceAtAWord() {
        String longSentence = "palabra ".repeat(60).strip() + ".";

        String title = ArticleNormaliser.firstSentence(longSentence, "es");

        assertThat(title).hasSizeLessThanOrEqualTo(200).endsWith("palabra\u2026");
    }

    @Test
    void shouldRejectABodyOfInvisibleCharactersOnly() {
        ParsedArticle invisible = article("T", null, "\u200B\u200E\u202A\u2066\n\u00AD\u200D");

        assertThatThrownBy(() -> normaliser.normalise(invisible, IngestChannel.FILE))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("body is empty")
                .hasMessageContaining("invisible");
    }

    @Test
    void shouldKeepZeroWidthJoinersInsideVisibleText() {
        // Persian "mi-khaham" needs the zero-width non-joiner; an emoji family needs the joiner
        String text = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \uD83D\uDC68\u200D\uD83D\uDC69";

        assertThat(ArticleNormaliser.normaliseText(text)).isEqualTo(text);
    }

    @Test
    void shouldRejectAnArticleOverTheSizeLimitNamingSizeAndLimit() {
        ArticleNormaliser small = new ArticleNormaliser(Clock.fixed(NOW, ZoneOffset.UTC), "wire", 1024);
        ParsedArticle big = article("Title", null, "ñ".repeat(600));

        assertThatThrownBy(() -> small.normalise(big, IngestChannel.FILE))
                .isInstanceOfSatisfying(ArticleTooLargeException.class, e -> {
                    assertThat(e.textBytes()).isEqualTo(5 + 1200);
                    assertThat(e.limit()).isEqualTo(1024);
                })
                .hasMessageContaining("1205 bytes")
                .hasMessageContaining("ingest.max.article.bytes");
    }

    @Test
    void shouldAcceptAnArticleExactlyAtTheSizeLimit() {
        ArticleNormaliser small = new ArticleNormaliser(Clock.fixed(NOW, ZoneOffset.UTC), "wire", 1024);

        RawArticle raw = small.normalise(article("T", null, "x".repeat(1023)), IngestChannel.FILE);

        assertThat(raw.getBody()).hasSize(1023);
    }

    @Test
    void shouldRejectAHeadlineLongerThanTheLimitWithItsLength() {
        String title = "Titular ".repeat(12_800);

        assertThatThrownBy(() -> normaliser.normalise(article(title, null, "Cuerpo."), IngestChannel.FILE))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("title is " + title.strip().length() + " characters long")
                .hasMessageContaining("at most " + ArticleNormaliser.MAX_TITLE_CHARS);
    }
}
