package io.newsflow.analysis.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.newsflow.analysis.ArticleAnalyzer;
import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.TopicMatch;
import io.newsflow.analysis.topics.InvalidTaxonomyException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TaxonomyDocumentTest {

    /** The example document shipped for the README: geo-topics-v1 plus sahel-security. */
    static final Path SAMPLE_V2 = Path.of("..", "samples", "taxonomy", "geo-topics-v2.json");

    /** A valid two-topic document; line numbers below refer to this layout. */
    static String document(String name, String sahelRules) {
        return """
        {
          "taxonomy": "%s",
          "threshold": 0.5,
          "saturation": 2.0,
          "fieldWeights": {"TITLE": 2.0, "LEDE": 1.5, "BODY": 1.0},
          "definitions": {
            "terrorism": {"label_en": "Terrorism"},
            "sahel-security": {"label_en": "Security crisis in the Sahel"}
          },
          "cueSets": {"sahel": ["jihadis*", "junta*"]},
          "topics": {
            "terrorism": [{"name": "t", "cues": [["terror*"]]}],
            "sahel-security": %s
          }
        }
        """.formatted(name, sahelRules);
    }

    static final String SAHEL_RULES =
            "[{\"name\": \"s\", \"entities\": [[\"ML\", \"BF\", \"NE\"]], " + "\"cues\": [[\"@sahel\"]]}]";

    @Test
    void shouldReadIdVersionTopicsAndDigestFromAValidDocument() throws Exception {
        Taxonomy taxonomy = TaxonomyDocument.parse(document("geo-topics-v2", SAHEL_RULES));

        assertThat(taxonomy.id()).isEqualTo("geo-topics");
        assertThat(taxonomy.version()).isEqualTo(2);
        assertThat(taxonomy.name()).isEqualTo("geo-topics-v2");
        assertThat(taxonomy.topicIds()).containsExactly("terrorism", "sahel-security");
        assertThat(taxonomy.rulesVersion()).matches("rules-[0-9a-f]{8}");
    }

    @Test
    void shouldGiveDifferentDigestsToDifferentTexts() throws Exception {
        String a = document("geo-topics-v2", SAHEL_RULES);

        assertThat(TaxonomyDocument.parse(a).rulesVersion())
                .isEqualTo(TaxonomyDocument.parse(a).rulesVersion())
                .isNotEqualTo(TaxonomyDocument.parse(a + " ").rulesVersion());
    }

    @Test
    void shouldRefuseANameWithoutAVersion() {
        InvalidTaxonomyException e = catchThrowableOfType(
                InvalidTaxonomyException.class, () -> TaxonomyDocument.parse(document("geo-topics", SAHEL_RULES)));

        assertThat(e.problems())
                .containsExactly(new Problem(2, e.problems().get(0).message()));
        assertThat(e.getMessage()).contains("line 2").contains("geo-topics-v2");
    }

    @Test
    void shouldReportTheLineOfEachBadRuleAndKeepLooking() {
        String bad = """
        [{"name": "no-requirement"},
                  {"name": "bad-token", "entities": [["Mali"]]},
                  {"name": "unknown-set", "cues": [["@nope"]]}]""";

        InvalidTaxonomyException e = catchThrowableOfType(
                InvalidTaxonomyException.class, () -> TaxonomyDocument.parse(document("geo-topics-v2", bad)));

        assertThat(e.problems()).extracting(Problem::line).containsExactly(13, 14, 15);
        assertThat(e.problems().get(0).message()).contains("no-requirement").contains("neither entities nor cues");
        assertThat(e.problems().get(1).message()).contains("bad-token").contains("Mali");
        assertThat(e.problems().get(2).message()).contains("unknown-set").contains("@nope");
    }

    @Test
    void shouldRefuseRulesForATopicTheDefinitionsDoNotDeclare() {
        String doc = document("geo-topics-v2", SAHEL_RULES)
                .replace("\"sahel-security\": {\"label_en\"", "\"x\": {\"label_en\"");

        InvalidTaxonomyException e =
                catchThrowableOfType(InvalidTaxonomyException.class, () -> TaxonomyDocument.parse(doc));

        assertThat(e.problems())
                .anySatisfy(p ->
                        assertThat(p.message()).contains("'sahel-security'").contains("does not declare"))
                .anySatisfy(p -> assertThat(p).isEqualTo(new Problem(8, "topic x is declared but has no rules")));
    }

    @Test
    void shouldReportTheLineAndColumnCauseOfBrokenJson() {
        String broken = document("geo-topics-v2", SAHEL_RULES).replace("\"threshold\": 0.5,", "\"threshold\": 0.5");

        InvalidTaxonomyException e =
                catchThrowableOfType(InvalidTaxonomyException.class, () -> TaxonomyDocument.parse(broken));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void shouldRefuseAnEmptyDocument() {
        InvalidTaxonomyException e =
                catchThrowableOfType(InvalidTaxonomyException.class, () -> TaxonomyDocument.parse(new byte[0]));

        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void shouldRefuseAThresholdOutOfRange() {
        String doc = document("geo-topics-v2", SAHEL_RULES).replace("\"threshold\": 0.5", "\"threshold\": 1.5");

        InvalidTaxonomyException e =
                catchThrowableOfType(InvalidTaxonomyException.class, () -> TaxonomyDocument.parse(doc));

        assertThat(e.problems()).containsExactly(new Problem(3, "\"threshold\" out of range: 1.5"));
    }

    @Test
    void shouldParseTheSampleDocumentAsTheBundledTopicsPlusSahelSecurity() throws Exception {
        Taxonomy sample = TaxonomyDocument.parse(Files.readAllBytes(SAMPLE_V2));

        assertThat(sample.name()).isEqualTo("geo-topics-v2");
        assertThat(sample.topicIds())
                .containsAll(Taxonomy.bundled().topicIds())
                .contains("sahel-security")
                .hasSize(Taxonomy.bundled().topicIds().size() + 1);
    }

    @Test
    void shouldTagSahelSecurityNewsInEnglishSpanishAndFrenchWithTheSampleOnly() throws IOException, Exception {
        Taxonomy sample = TaxonomyDocument.parse(Files.readString(SAMPLE_V2, StandardCharsets.UTF_8));
        ArticleAnalyzer analyzer = ArticleAnalyzer.loadDefault();
        ArticleText[] articles = {
            new ArticleText(
                    "Jihadists kill dozens of soldiers in Burkina Faso",
                    null,
                    "Militants linked to JNIM attacked an army base in northern Burkina Faso, the junta said.",
                    "en"),
            new ArticleText(
                    "Ataque yihadista en Malí",
                    null,
                    "Un ataque yihadista contra un convoy del ejército en Malí dejó decenas de muertos. "
                            + "La junta militar de Bamako recurre a los mercenarios de Africa Corps.",
                    "es"),
            new ArticleText(
                    "Niger : une attaque djihadiste fait des dizaines de morts",
                    null,
                    "Une embuscade attribuée à l'État islamique au Sahel a visé des militaires nigériens près de "
                            + "Niamey. La junte au pouvoir au Niger a décrété un deuil national.",
                    "fr")
        };
        for (ArticleText article : articles) {
            assertThat(analyzer.analyze(article, sample).topics())
                    .extracting(TopicMatch::id)
                    .as(article.title())
                    .contains("sahel-security");
            assertThat(analyzer.analyze(article).topics())
                    .extracting(TopicMatch::id)
                    .as(article.title())
                    .doesNotContain("sahel-security");
        }
    }
}
