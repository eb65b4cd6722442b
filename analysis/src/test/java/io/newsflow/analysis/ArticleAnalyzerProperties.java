package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ArticleAnalyzerProperties {

    @Provide
    Arbitrary<String> newsLikeText() {
        Arbitrary<String> words = Arbitraries.of(
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
                "a");
        return Arbitraries.oneOf(words, Arbitraries.strings().ofMaxLength(8))
                .list()
                .ofMaxSize(80)
                .map(parts -> String.join(" ", parts));
    }

    @Property(tries = 150)
    void evidenceAndMentionsAlwaysPointAtTheOriginalText(
            @ForAll("newsLikeText") String title,
            @ForAll("newsLikeText") String lede,
            @ForAll("newsLikeText") String body) {
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
