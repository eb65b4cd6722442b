package io.newsflow.analysis.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityMention;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.RandomInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MentionOffsetPropertiesTest {

    static LongStream seeds() {
        return RandomInputs.seeds(300);
    }

    /** Up to 40 parts joined by spaces: known names, tricky noise, or up to 6 arbitrary chars. */
    static String articleText(Random random) {
        List<String> parts = new ArrayList<>();
        for (int i = random.nextInt(41); i > 0; i--) {
            parts.add(
                    switch (random.nextInt(3)) {
                        case 0 -> RandomInputs.oneOf(random, NAMES);
                        case 1 -> RandomInputs.oneOf(random, NOISE);
                        default -> RandomInputs.anyString(random, 6);
                    });
        }
        return String.join(" ", parts);
    }

    private static final String[] NAMES = {
        "Corea del Norte",
        "Pyongyang",
        "Moscú",
        "EE. UU.",
        "Kim Jong-un",
        "Kim",
        "Trump",
        "norcoreanos",
        "ONU",
        "Pekín",
        "US",
        "Unión Europea",
        "Estocolmo",
        "Rusia",
        "Washington, D.C."
    };
    private static final String[] NOISE = {
        "el", "un", "de", "y", ",", ".", "\n", "😀", "🇰🇵", "Ａ", "ﬁ", "é", "Ü", "carta", "cumbre", "-", "’", "\u00A0",
        "x"
    };

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyMentionSurfaceIsTheOriginalTextAtItsCodePointOffsets(long seed) {
        Random random = new Random(seed);
        String title = articleText(random);
        String body = articleText(random);
        ArticleText text = new ArticleText(title, null, body, null);
        List<LinkedEntity> entities = EntityLinkerTest.LINKER.link(text, "es").entities();
        for (LinkedEntity e : entities) {
            assertThat(e.mentions()).isNotEmpty();
            for (EntityMention m : e.mentions()) {
                String field = text.field(m.field());
                assertThat(m.start()).isLessThan(m.end());
                assertThat(m.end()).isLessThanOrEqualTo(field.codePointCount(0, field.length()));
                String atOffsets =
                        field.substring(field.offsetByCodePoints(0, m.start()), field.offsetByCodePoints(0, m.end()));
                assertThat(atOffsets).isEqualTo(m.surface());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void entitiesAreDistinctAndOrderedByFirstMention(long seed) {
        String body = articleText(new Random(seed));
        List<LinkedEntity> entities = EntityLinkerTest.LINKER
                .link(new ArticleText("", null, body, null), "es")
                .entities();

        assertThat(entities).extracting(LinkedEntity::id).doesNotHaveDuplicates();
        for (int i = 1; i < entities.size(); i++) {
            assertThat(entities.get(i).mentions().get(0).start())
                    .isGreaterThan(entities.get(i - 1).mentions().get(0).start());
        }
    }
}
