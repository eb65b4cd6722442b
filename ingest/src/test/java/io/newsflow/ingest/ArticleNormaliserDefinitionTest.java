package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The normaliser's one-pass loop against the plain statement of what it does, written the slow and obvious way here
 * (a regex for the line breaks, then one character class test per character): both must give the same text for any
 * input, seeded random text with every kind of line break, whitespace and control character, and real news.
 */
class ArticleNormaliserDefinitionTest {

    static LongStream seeds() {
        return RandomInputs.seeds(500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldNormaliseRandomTextAsTheDefinitionSays(long seed) {
        String text = RandomInputs.anyUtf16(new Random(seed), 400);

        assertThat(ArticleNormaliser.normaliseText(text)).isEqualTo(String.join("\n", definition(text)));
        assertThat(ArticleNormaliser.normaliseLine(text)).isEqualTo(String.join(" ", definition(text)));
    }

    @Test
    void shouldNormaliseTheCorpusAsTheDefinitionSays() throws IOException {
        Path corpus =
                Path.of(System.getProperty("newsflow.project.dir", "..")).resolve("../shared/corpus/es-news.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(corpus), "no corpus at " + corpus);
        for (String line : Files.readAllLines(corpus)) {
            assertThat(ArticleNormaliser.normaliseText(line)).isEqualTo(String.join("\n", definition(line)));
        }
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\u0085\u2028\u2029]");

    /** Lines: NFC, every line break as LF, whitespace runs as one space, controls dropped, each line stripped, NFC. */
    private static List<String> definition(String text) {
        String unified = LINE_BREAKS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFC))
                .replaceAll("\n");
        List<String> lines = new ArrayList<>();
        for (String raw : unified.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            raw.codePoints().forEach(cp -> {
                if (cp == '\t' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                        line.append(' ');
                    }
                } else if (Character.getType(cp) != Character.CONTROL) {
                    line.appendCodePoint(cp);
                }
            });
            String cleaned = Normalizer.normalize(line.toString().strip(), Normalizer.Form.NFC);
            if (!cleaned.isEmpty()) {
                lines.add(cleaned);
            }
        }
        return lines;
    }
}
