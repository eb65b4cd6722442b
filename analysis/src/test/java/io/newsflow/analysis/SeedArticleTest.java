package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.topics.TopicRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acceptance article of the analysis module (see src/test/resources/seeds/README.md). */
class SeedArticleTest {
    private static Analysis analysis;

    @BeforeAll
    static void analyseSeed() throws IOException {
        analysis = SharedAnalyzer.get().analyze(seed());
    }

    static ArticleText seed() throws IOException {
        try (InputStream in = SeedArticleTest.class.getResourceAsStream("/seeds/000_fb6de2466fe40da1.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n", 3);
            return new ArticleText(lines[0], lines[1], lines[2], null);
        }
    }

    @Test
    void shouldDetectSpanish() {
        assertThat(analysis.language().code()).isEqualTo("es");
        assertThat(analysis.language().confidence()).isGreaterThan(0.9);
    }

    @Test
    void shouldLinkTheLeadersAndCountriesOfTheSeedArticle() {
        assertThat(analysis.entities())
                .extracting(LinkedEntity::id)
                .contains("Q56226", "Q22686", "Q423", "Q159", "Q30");
    }

    @Test
    void shouldTagBothNorthKoreaTopicsOfTheSeedArticle() {
        assertThat(analysis.topics()).extracting(TopicMatch::id).contains("kp-ru-rapprochement", "us-kp-diplomacy");
    }

    @Test
    void shouldCountPyongyangAndMoscowAsTheirCountriesInRapprochementEvidence() {
        TopicMatch rapprochement = analysis.topics().stream()
                .filter(t -> t.id().equals("kp-ru-rapprochement"))
                .findFirst()
                .orElseThrow();
        assertThat(rapprochement.evidence()).anySatisfy(e -> {
            assertThat(e.text()).contains("Pyongyang y Moscú");
            assertThat(e.matched()).contains("KP", "RU", "acercamiento");
        });
    }

    @Test
    void shouldReturnMentionsWhoseSurfaceIsTheOriginalTextAtTheirCodePointOffsets() throws IOException {
        ArticleText seed = seed();
        for (LinkedEntity e : analysis.entities()) {
            for (EntityMention m : e.mentions()) {
                String field = seed.field(m.field());
                int from = field.offsetByCodePoints(0, m.start());
                int to = field.offsetByCodePoints(0, m.end());
                assertThat(field.substring(from, to)).isEqualTo(m.surface());
            }
        }
    }

    @Test
    void shouldListEntitiesInFirstMentionOrder() {
        List<String> ids = analysis.entities().stream().map(LinkedEntity::id).toList();
        assertThat(ids.get(0)).isEqualTo("Q56226"); // "Régimen de Kim Jong-un ..." opens the title
        assertThat(ids.indexOf("Q22686")).isLessThan(ids.indexOf("Q159"));
    }

    @Test
    void shouldStampTheTaxonomyAndKnowledgeBaseVersions() {
        assertThat(analysis.versions().taxonomy()).isEqualTo("geo-topics-v1");
        assertThat(analysis.versions().knowledgeBase()).startsWith("kb-");
        assertThat(analysis.versions().enrichment())
                .isEqualTo(ArticleAnalyzer.ENRICHMENT_VERSION + "+" + TopicRules.classpathRulesVersion());
    }
}
