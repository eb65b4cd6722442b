package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleAnalyzerPropertiesTest {

    static LongStream seeds() {
        return RandomInputs.seeds(150);
    }

    /** Up to 80 parts joined by spaces: news words, names and traps, or up to 8 arbitrary chars. */
    static String newsLikeText(Random random) {
        List<String> parts = new ArrayList<>();
        for (int i = random.nextInt(81); i > 0; i--) {
            parts.add(random.nextBoolean() ? RandomInputs.oneOf(random, WORDS) : RandomInputs.anyString(random, 8));
        }
        return String.join(" ", parts);
    }

    private static final String[] WORDS = {
        "Corea del Norte",
        "Rusia",
        "Pyongyang",
        "Moscú",
        "cumbre",
        "carta",
        "Trump",
        "Kim Jong-un",
        "Kim",
        "EE. UU.",
        "sanciones",
        "OTAN",
        "Brexit",
        "terrorista",
        "Venezuela",
        "crisis",
        "México",
        "frontera",
        "migrantes",
        ".",
        "\n",
        "😀",
        "é",
        "Ω",
        "US",
        "un",
        "Un",
        "the",
        "a"
    };

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void evidenceAndMentionsAlwaysPointAtTheOriginalText(long seed) {
        Random random = new Random(seed);
        String title = newsLikeText(random);
        String lede = newsLikeText(random);
        String body = newsLikeText(random);
        ArticleText text = new ArticleText(title, lede, body, null);
        Analysis analysis = SharedAnalyzer.get().analyze(text);

        for (LinkedEntity e : analysis.entities()) {
            for (EntityMention m : e.mentions()) {
                assertThat(slice(text.field(m.field()), m.start(), m.end())).isEqualTo(m.surface());
            }
        }
        for (TopicMatch t : analysis.topics()) {
            assertThat(t.score()).isBetween(0.0, 1.0);
            for (TopicEvidence ev : t.evidence()) {
                assertThat(slice(text.field(ev.field()), ev.start(), ev.end())).isEqualTo(ev.text());
            }
        }
        assertThat(analysis.language().confidence()).isBetween(0.0, 1.0);
    }

    private static String slice(String field, int startCodePoint, int endCodePoint) {
        return field.substring(field.offsetByCodePoints(0, startCodePoint), field.offsetByCodePoints(0, endCodePoint));
    }
}
