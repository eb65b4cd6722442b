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
}
