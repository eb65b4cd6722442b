package io.newsflow.ingest.fuzz;

import static io.newsflow.schemas.fuzz.MutationFuzzer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.ingest.Origin;
import io.newsflow.ingest.ParsedArticle;
import io.newsflow.ingest.ReadResult;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.fuzz.MutationFuzzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the article parsers of every source (text, JSON, HTML, Markdown) followed by the normaliser.
 * The property: a parser never throws, it returns an article or a {@link Rejection} with a reason; the normaliser
 * throws nothing but {@link InvalidArticleException} (its documented rejection, the size limit included); and what is
 * accepted is a valid {@code RawArticle} (schema-valid, an id, a visible body, a title within the limit). See
 * {@link MutationFuzzer} for the run length and how to replay a failure.
 */
class ArticleParsersFuzzTest {

    private static final ArticleFileReader READER = new ArticleFileReader();
    private static final ArticleNormaliser NORMALISER = new ArticleNormaliser(
            Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC), "fuzz", 64 * 1024);
    private static final Origin ORIGIN = Origin.file(Path.of("fuzz-input"));

    static final List<byte[]> TEXT_SEEDS = List.of(
            utf8("Corea del Norte y Rusia firman un pacto\n\nKim y Putin firmaron el miércoles.\n\nEl pacto incluye"
                    + " una cláusula de asistencia mutua.\n"),
            utf8("Solo un titular"),
            utf8("\ufeffTitular con BOM\r\n\r\n- un enlace\n• otro\nCuerpo.\n"),
            "\ufeffTítulo en UTF-16\n\nCuerpo.\n".getBytes(StandardCharsets.UTF_16LE),
            new byte[] {'C', 'a', 'f', (byte) 0xe9, '\n', '\n', 'L', 'e', (byte) 0xf1, 'a', '.'},
            utf8("\u200b\u200c\n\n\u2060 cuerpo invisible \u00ad\n"));

    static final List<byte[]> JSON_SEEDS = List.of(
            utf8(
                    "{\"id\":\"efe-1\",\"title\":\"Sismo en Oaxaca\",\"text\":\"Un sismo de magnitud 5,8.\",\"lang\":\"es\","
                            + "\"url\":\"https://example.org/sismo?utm_source=x\",\"published\":\"2024-06-19T08:30:00+02:00\","
                            + "\"author\":\"EFE\"}"),
            utf8("{\"title\":\"Sin id\",\"body\":\"Cuerpo.\",\"lede\":\"Entradilla.\",\"source\":\"agencia\","
                    + "\"published\":\"2024-06-19\"}"),
            utf8("{\"id\":7,\"title\":null,\"text\":\"Solo cuerpo.\",\"extra\":{\"a\":[1,2,{\"b\":\"c\"}]}}"),
            utf8("[{\"title\":\"a\",\"text\":\"b\"}]"),
            utf8("{\"title\":\"\\u0000\\ud800\",\"text\":\"x\\u200b\"}"));

    static final List<byte[]> HTML_SEEDS = List.of(
            utf8("<html lang=\"es\"><head><meta property=\"og:title\" content=\"Sismo en Oaxaca\">"
                    + "<meta property=\"article:published_time\" content=\"2024-06-19T08:30:00+02:00\">"
                    + "<meta name=\"author\" content=\"María López\"><link rel=\"canonical\" href=\"https://example.org/s\">"
                    + "</head><body><nav>Inicio</nav><article><h1>Sismo</h1><p>Un sismo de magnitud 5,8 sacudió Oaxaca."
                    + "</p></article><footer>©</footer></body></html>"),
            utf8("<!DOCTYPE html><html><head><meta charset=\"iso-8859-1\"><title>T</title><script>x()</script></head>"
                    + "<body><main><p hidden>oculto</p><p>Visible.</p></main></body></html>"),
            utf8("<p>Fragmento <b>sin</b> html ni body</p>"));

    static final List<byte[]> MARKDOWN_SEEDS = List.of(
            utf8("---\ntitle: Sismo\ndate: 2024-06-19\nlang: es\nurl: https://example.org/s\nautor: EFE\n---\n"
                    + "# Sismo en Oaxaca\n\nUn sismo de magnitud **5,8** sacudió [Oaxaca](https://example.org/o).\n\n"
                    + "- uno\n- dos\n\n```\ncódigo\n```\n"),
            utf8("Sin título\n\n> cita\n\n1. a\n2. b\n"),
            utf8("---\ntitle: [sin cerrar\n---\n# T\n\ncuerpo"));

    /**
     * Inputs that once broke a parser, kept so they never do again: deep Markdown nesting overflowed commonmark's
     * recursive renderer, and long runs of emphasis markers its inline parser, with a StackOverflowError. Run on a
     * thread with the default stack size, like the fuzz loop and the services (the main thread's is larger).
     */
    @Test
    void shouldKeepRejectingTheInputsThatOnceCrashedAParser() throws Exception {
        MutationFuzzer.Check markdown =
                input -> onOrdinaryThread(() -> checkParsed(READER.parseMarkdown(ORIGIN, input)));
        markdown.accept(utf8(">".repeat(60_000) + " hola"));
        markdown.accept(utf8("- ".repeat(30_000) + "x"));
        markdown.accept(utf8("# T\n\n" + "1. ".repeat(20_000) + "x"));
        // emphasis markers: commonmark's inline parser itself recursed past the stack (fuzz seed 20261203,
        // iteration 25 of the markdown target)
        markdown.accept(utf8("---\ntitle: [sin cerrar\n---\n" + "*".repeat(54_934) + "# T\n\ncuerpo"));
    }

    @Test
    void shouldRejectOrAcceptValidlyWhateverTheTextParserIsGiven() {
        fuzz("text", TEXT_SEEDS, READER::parseText);
    }

    @Test
    void shouldRejectOrAcceptValidlyWhateverTheJsonParserIsGiven() {
        fuzz("json", JSON_SEEDS, READER::parseJson);
    }

    @Test
    void shouldRejectOrAcceptValidlyWhateverTheHtmlParserIsGiven() {
        fuzz("html", HTML_SEEDS, READER::parseHtml);
    }

    @Test
    void shouldRejectOrAcceptValidlyWhateverTheMarkdownParserIsGiven() {
        fuzz("markdown", MARKDOWN_SEEDS, READER::parseMarkdown);
    }

    private static void fuzz(String target, List<byte[]> seeds, BiFunction<Origin, byte[], ReadResult> parser) {
        MutationFuzzer.fuzz(target, seeds, input -> checkParsed(parser.apply(ORIGIN, input)));
    }

    /** The property every source's result must have; also used by the regression tests. */
    static void checkParsed(ReadResult result) {
        assertThat(result).isNotNull();
        if (result instanceof Rejection rejection) {
            assertThat(rejection.reason()).isNotBlank();
            return;
        }
        RawArticle article;
        try {
            article = NORMALISER.normalise((ParsedArticle) result, IngestChannel.FILE);
        } catch (InvalidArticleException documentedRejection) {
            assertThat(documentedRejection.getMessage()).isNotBlank();
            return;
        }
        checkArticle(article);
    }

    /** An accepted article is what downstream relies on. */
    static void checkArticle(RawArticle article) {
        assertThat(avroBytes(article)).as("serialises with its schema").isNotEmpty();
        assertThat(article.getArticleId()).isNotBlank();
        assertThat(article.getTitle()).isNotNull();
        assertThat(article.getTitle().length()).isLessThanOrEqualTo(ArticleNormaliser.MAX_TITLE_CHARS);
        assertThat(article.getBody()).isNotBlank();
        assertThat(ArticleNormaliser.normaliseText(article.getBody()))
                .as("the body is normalised (normalising is idempotent)")
                .isEqualTo(article.getBody());
    }

    private static byte[] avroBytes(RawArticle article) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(RawArticle.class).write(article, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void onOrdinaryThread(Runnable check) throws Exception {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                check.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
