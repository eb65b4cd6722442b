package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFileReaderTest {

    @TempDir
    Path dir;

    private final ArticleFileReader reader = new ArticleFileReader();

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static ParsedArticle parsed(List<ReadResult> results, int index) {
        assertThat(results.get(index)).isInstanceOf(ParsedArticle.class);
        return (ParsedArticle) results.get(index);
    }

    private static Rejection rejected(List<ReadResult> results, int index) {
        assertThat(results.get(index)).isInstanceOf(Rejection.class);
        return (Rejection) results.get(index);
    }

    @Test
    void shouldSplitTextFileIntoTitleLedeAndBody() throws IOException {
        Path file = write(
                "a.txt",
                "\n  \nPyongyang and Moscow sign pact\n\nThe two leaders met on Tuesday.\nThey signed a treaty.\n\n"
                        + "First body paragraph.\n\nSecond body paragraph.\n");

        List<ReadResult> results = reader.read(file);

        assertThat(results).hasSize(1);
        ParsedArticle article = parsed(results, 0);
        assertThat(article.title()).isEqualTo("Pyongyang and Moscow sign pact");
        assertThat(article.lede()).isEqualTo("The two leaders met on Tuesday.\nThey signed a treaty.");
        assertThat(article.body()).isEqualTo("First body paragraph.\n\nSecond body paragraph.\n");
        assertThat(article.origin()).isEqualTo(Origin.file(file));
        assertThat(article.originalBytes()).isEqualTo(Files.readAllBytes(file));
        assertThat(article.id()).isNull();
    }

    @Test
    void shouldTakeSecondLineAsLedeWhenTextFileHasNoBlankLine() throws IOException {
        Path file = write("b.txt", "Title\r\nLede line\r\nBody one\r\nBody two");

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.title()).isEqualTo("Title");
        assertThat(article.lede()).isEqualTo("Lede line");
        assertThat(article.body()).isEqualTo("Body one\nBody two");
    }

    @Test
    void shouldTakeSecondLineAsLedeWhenTextFileHasNoBlankLineButEndsWithLineBreak() throws IOException {
        Path file = write("b2.txt", "Title\nLede line\nBody one\nBody two\n");

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.lede()).isEqualTo("Lede line");
        assertThat(article.body()).startsWith("Body one\nBody two");
    }

    @Test
    void shouldKeepRelatedLinkBulletsAfterLedeInBody() throws IOException {
        Path file = write(
                "c.txt", "Title\n\nThe lede sentence.\n- Related headline one\n- Related headline two\n\nBody text.");

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.lede()).isEqualTo("The lede sentence.");
        assertThat(article.body())
                .startsWith("- Related headline one\n- Related headline two\n")
                .endsWith("Body text.");
    }

    @Test
    void shouldUseSingleParagraphAsBodyWithoutLede() throws IOException {
        Path file = write("d.txt", "Title\n\nOnly one paragraph here.\n");

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.lede()).isNull();
        assertThat(article.body()).isEqualTo("Only one paragraph here.");
    }

    @Test
    void shouldRejectTextFileWithTitleOnly() throws IOException {
        Path file = write("e.txt", "Just a title\n\n   \n");

        Rejection rejection = rejected(reader.read(file), 0);

        assertThat(rejection.reason()).contains("missing body");
        assertThat(rejection.originalBytes()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void shouldRejectBlankTextFileAsMissingBody() throws IOException {
        Path file = write("f.txt", " \n\t\n");

        assertThat(rejected(reader.read(file), 0).reason()).contains("missing body");
    }

    @Test
    void shouldReadTextThatIsNotUtf8AsWindows1252AndRecordIt() throws IOException {
        // "Bo\xC3(dy": 0xC3 starts a two-byte UTF-8 sequence that '(' does not continue, so this is not UTF-8
        byte[] bytes = {'T', 'i', 't', 'l', 'e', '\n', '\n', 'B', 'o', (byte) 0xC3, '(', 'd', 'y'};
        Path file = writeBytes("g.txt", bytes);

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.body()).isEqualTo("Bo\u00C3(dy");
        assertThat(article.attributes()).containsEntry("encoding", "windows-1252");
        assertThat(article.originalBytes()).isEqualTo(bytes);
    }

    @Test
    void shouldIgnoreLeadingByteOrderMark() throws IOException {
        Path file = write("h.txt", "\uFEFFTitle\n\nBody");

        assertThat(parsed(reader.read(file), 0).title()).isEqualTo("Title");
    }

    @Test
    void shouldKeepAttributesInTheOrderOfTheFile() throws IOException {
        Path file = write("order.json", """
                {"title": "T", "body": "B", "zeta": "1", "alpha": "2", "mu": "3", "beta": "4", "omega": "5",
                 "gamma": "6", "kappa": "7", "delta": "8"}
                """);

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.attributes().keySet())
                .containsExactly("zeta", "alpha", "mu", "beta", "omega", "gamma", "kappa", "delta", "encoding");
    }

    @Test
    void shouldReadJsonObjectWithAllFieldsAndKeepOtherStringsAsAttributes() throws IOException {
        Path file = write("a.json", """
                {"id": "reuters-42", "title": "T", "lede": "L", "body": "B", "text": "ignored", "lang": "en",
                 "source": "Reuters", "url": "https://example.com/a", "published": "2026-11-30T08:15:00+01:00",
                 "author": "Jane", "category": "world", "wordCount": 512}
                """);

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.id()).isEqualTo("reuters-42");
        assertThat(article.title()).isEqualTo("T");
        assertThat(article.lede()).isEqualTo("L");
        assertThat(article.body()).isEqualTo("B");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.source()).isEqualTo("Reuters");
        assertThat(article.url()).isEqualTo("https://example.com/a");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-30T07:15:00Z"));
        assertThat(article.attributes())
                .containsOnly(
                        org.assertj.core.api.Assertions.entry("author", "Jane"),
                        org.assertj.core.api.Assertions.entry("category", "world"),
                        org.assertj.core.api.Assertions.entry("encoding", "UTF-8"));
    }

    @Test
    void shouldUseTextFieldWhenBodyIsAbsent() throws IOException {
        Path file = write("b.json", "{\"title\": \"T\", \"text\": \"From text\", \"published\": \"2026-11-30\"}");

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.body()).isEqualTo("From text");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void shouldRejectInvalidJsonWithLocation() throws IOException {
        Path file = write("c.json", "{\"title\": \"T\", \"body\": }");

        Rejection rejection = rejected(reader.read(file), 0);

        assertThat(rejection.errorClass()).isEqualTo(ArticleFileReader.InvalidJsonException.class.getName());
        assertThat(rejection.reason()).startsWith("invalid JSON at column").contains("of line 1");
    }

    @Test
    void shouldLocateInvalidJsonInAJsonLinesItemByColumnOnlyAsTheOriginNamesTheLine() throws IOException {
        Path file = write("lines.jsonl", "{\"title\": \"T\", \"body\": \"B\"}\n{\"title\": }\n");

        Rejection rejection = rejected(reader.read(file), 1);

        assertThat(rejection.origin().line()).isEqualTo(2);
        assertThat(rejection.reason()).startsWith("invalid JSON at column").doesNotContain("of line");
    }

    @Test
    void shouldAcceptJsonWithoutTitleLeavingItToTheNormaliser() throws IOException {
        Path file = write("d.json", "{\"body\": \"B\"}");

        ParsedArticle article = parsed(reader.read(file), 0);

        assertThat(article.title()).isNull();
        assertThat(article.body()).isEqualTo("B");
    }

    @Test
    void shouldRejectJsonWithoutBodyOrText() throws IOException {
        Path file = write("e.json", "{\"title\": \"T\", \"body\": \"  \"}");

        assertThat(rejected(reader.read(file), 0).reason()).contains("missing body");
    }

    @Test
    void shouldRejectJsonArrayAndDuplicateFieldsAndBadDate() throws IOException {
        Path array = write("f.json", "[{\"title\": \"T\", \"body\": \"B\"}]");
        Path duplicate = write("g.json", "{\"title\": \"T\", \"title\": \"U\", \"body\": \"B\"}");
        Path badDate = write("h.json", "{\"title\": \"T\", \"body\": \"B\", \"published\": \"yesterday\"}");

        assertThat(rejected(reader.read(array), 0).reason()).isEqualTo("expected a JSON object, got array");
        assertThat(rejected(reader.read(duplicate), 0).reason()).contains("Duplicate field 'title'");
        assertThat(rejected(reader.read(badDate), 0).reason()).contains("published 'yesterday'");
    }

    @Test
    void shouldJudgeEachJsonLineOnItsOwn() throws IOException {
        byte[] badUtf8Line = {
            '{',
            '"',
            't',
            'i',
            't',
            'l',
            'e',
            '"',
            ':',
            '"',
            (byte) 0xFF,
            '"',
            ',',
            '"',
            'b',
            'o',
            'd',
            'y',
            '"',
            ':',
            '"',
            'B',
            '"',
            '}'
        };
        String good = "{\"title\": \"Good\", \"body\": \"B\"}";
        ByteArrayBuilder content = new ByteArrayBuilder()
                .line(good)
                .line("")
                .line("{not json")
                .line("{\"title\": \"no body\"}")
                .line(badUtf8Line)
                .line("{\"title\": \"Also good\", \"text\": \"T\"}");
        Path file = writeBytes("a.jsonl", content.bytes());

        List<ReadResult> results = reader.read(file);

        assertThat(results).hasSize(5);
        assertThat(parsed(results, 0).origin()).isEqualTo(Origin.line(file, 1));
        assertThat(parsed(results, 0).originalBytes()).isEqualTo(good.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected(results, 1).origin()).isEqualTo(Origin.line(file, 3));
        assertThat(rejected(results, 1).reason()).startsWith("invalid JSON");
        assertThat(rejected(results, 2).origin()).isEqualTo(Origin.line(file, 4));
        assertThat(rejected(results, 2).reason()).contains("missing body");
        ParsedArticle latin = parsed(results, 3);
        assertThat(latin.origin()).isEqualTo(Origin.line(file, 5));
        assertThat(latin.title()).isEqualTo("\u00FF");
        assertThat(latin.attributes()).containsEntry("encoding", "windows-1252");
        assertThat(latin.originalBytes()).isEqualTo(badUtf8Line);
        assertThat(parsed(results, 0).attributes()).containsEntry("encoding", "UTF-8");
        assertThat(parsed(results, 4).title()).isEqualTo("Also good");
        assertThat(parsed(results, 4).origin().toString()).isEqualTo(file + ":6");
    }

    @Test
    void shouldReadEmptyJsonLinesFileAsNoItems() throws IOException {
        Path file = write("empty.jsonl", "");

        assertThat(reader.read(file)).isEmpty();
    }

    @Test
    void shouldRefuseUnsupportedExtension() throws IOException {
        Path file = write("notes.odt", "x");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.odt");
    }

    /** Builds file content line by line, remembering where each line starts. */
    private static final class ByteArrayBuilder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private final java.util.List<Integer> starts = new java.util.ArrayList<>();

        ByteArrayBuilder line(String text) {
            return line(text.getBytes(StandardCharsets.UTF_8));
        }

        ByteArrayBuilder line(byte[] bytes) {
            starts.add(out.size());
            out.writeBytes(bytes);
            out.write('\n');
            return this;
        }

        int offsetOfLine(int index) {
            return starts.get(index);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
