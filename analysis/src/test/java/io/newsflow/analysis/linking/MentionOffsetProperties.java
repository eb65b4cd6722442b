package io.newsflow.analysis.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityMention;
import io.newsflow.analysis.LinkedEntity;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MentionOffsetProperties {

    @Provide
    Arbitrary<String> articleText() {
        Arbitrary<String> names = Arbitraries.of(
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
                "Washington, D.C.");
        Arbitrary<String> noise = Arbitraries.of(
                "el", "un", "de", "y", ",", ".", "\n", "😀", "🇰🇵", "Ａ", "ﬁ", "é", "Ü", "carta", "cumbre", "-", "’",
                "\u00A0", "x");
        Arbitrary<String> freeText = Arbitraries.strings().ofMaxLength(6);
        return Arbitraries.oneOf(names, noise, freeText).list().ofMaxSize(40).map(parts -> String.join(" ", parts));
    }

    @Property(tries = 300)
    void everyMentionSurfaceIsTheOriginalTextAtItsCodePointOffsets(
            @ForAll("articleText") String title, @ForAll("articleText") String body) {
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

    @Property(tries = 300)
    void entitiesAreDistinctAndOrderedByFirstMention(@ForAll("articleText") String body) {
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
