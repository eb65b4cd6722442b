package io.newsflow.analysis.topics;

import static io.newsflow.analysis.ArticleTextBuilder.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.TextField;
import io.newsflow.analysis.TopicMatch;
import io.newsflow.analysis.kb.KnowledgeBaseLoader;
import io.newsflow.analysis.linking.EntityLinker;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
    private static final EntityLinker LINKER = new EntityLinker(KnowledgeBaseLoader.fromClasspath());
    private static final TopicTagger SHIPPED = new TopicTagger(TopicRules.fromClasspath());
    private static final TopicTagger SMALL =
            new TopicTagger(TopicRules.parse(TopicRulesTest.rules("""
      {"kp-ru-rapprochement": [{"name": "kp-ru", "entities": [["KP"], ["RU"]], "cues": [["@alignment", "tratado*"]]}],
       "terrorism": [{"name": "t", "cues": [["terror*"]]}]}"""), TopicRulesTest.TAXONOMY));

    /** The small rules with a salience: the lede is the body's first 60 characters, a share is a quarter. */
    private static final TopicTagger SALIENT = new TopicTagger(TopicRules.parse(
            TopicRulesTest.rules("""
      {"kp-ru-rapprochement": [{"name": "kp-ru", "entities": [["KP"], ["RU"]], "cues": [["@alignment"]]}],
       "terrorism": [{"name": "t", "cues": [["terror*"]]}]}""")
                    .replace(
                            "\"saturation\": 2.0,",
                            "\"saturation\": 2.0, \"salience\": {\"leadChars\": 60, \"minShare\": 0.25},"),
            TopicRulesTest.TAXONOMY));

    private static List<TopicMatch> tag(TopicTagger tagger, ArticleText text) {
        return tagger.tag(text, LINKER.link(text, "es").mentions());
    }

    @Test
    void shouldFireWhenBothCountriesAndACueShareASentence() {
        ArticleText text =
                anArticle().withTitle("Acercamiento entre Pyongyang y Moscú").build();

        assertThat(tag(SMALL, text)).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("kp-ru-rapprochement");
            assertThat(t.evidence()).singleElement().satisfies(e -> {
                assertThat(e.rule()).isEqualTo("kp-ru");
                assertThat(e.field()).isEqualTo(TextField.TITLE);
                assertThat(e.text()).isEqualTo("Acercamiento entre Pyongyang y Moscú");
                assertThat(e.matched()).containsExactly("KP", "RU", "Acercamiento");
                assertThat(e.start()).isZero();
                assertThat(e.end()).isEqualTo(36);
            });
        });
    }

    @Test
    void shouldNotFireWhenTheCountriesAreInDifferentSentences() {
        ArticleText text = anArticle()
                .withTitle("Noticias")
                .withBody(
                        "Corea del Norte busca un acercamiento. Rusia no respondió. Corea del Norte insiste en el acercamiento. Rusia calla.")
                .build();

        assertThat(tag(SMALL, text)).isEmpty();
    }

    @Test
    void shouldCountTheTitleMoreThanOneBodySentence() {
        ArticleText inTitle = anArticle()
                .withTitle("Atentado terrorista en la capital")
                .withBody("Nada más.")
                .build();
        // one body sentence of five (title included): below the share that makes a short article about a topic
        ArticleText inBody = anArticle()
                .withTitle("Noticias")
                .withBody("Hubo un atentado terrorista en la capital. El tráfico fue intenso. Llovió por la tarde."
                        + " Los mercados cerraron temprano.")
                .build();

        assertThat(tag(SMALL, inTitle)).extracting(TopicMatch::id).containsExactly("terrorism");
        assertThat(tag(SMALL, inBody)).isEmpty();
    }

    @Test
    void shouldReportATopicThatAThirdOfAShortArticlesSentencesAreAbout() {
        ArticleText shortArticle = anArticle()
                .withTitle("Noticias")
                .withBody("Hubo un atentado terrorista en la capital.")
                .build();

        assertThat(tag(SMALL, shortArticle)).extracting(TopicMatch::id).containsExactly("terrorism");
    }

    @Test
    void shouldScoreMoreFiringSentencesHigher() {
        ArticleText two = anArticle()
                .withTitle("Noticias")
                .withBody("El terrorismo crece. Otro atentado terrorista.")
                .build();
        ArticleText four = anArticle()
                .withTitle("Noticias")
                .withBody(
                        "El terrorismo crece. Otro atentado terrorista. Los terroristas huyeron. Terror en la ciudad.")
                .build();

        double twoScore = tag(SMALL, two).get(0).score();
        double fourScore = tag(SMALL, four).get(0).score();
        assertThat(fourScore).isGreaterThan(twoScore).isLessThanOrEqualTo(1.0);
    }

    @Test
    void shouldFireWhenEachCueGroupCanHaveAWordOfItsOwnEvenIfTheFirstHitsCollide() {
        TopicTagger twoGroups = new TopicTagger(TopicRules.parse(TopicRulesTest.rules("""
        {"kp-ru-rapprochement": [{"name": "kp-ru", "entities": [["KP"], ["RU"]]}],
         "terrorism": [{"name": "fuel-and-embargo", "cues": [["oil", "crude"], ["oil embargo"]]}]}"""), TopicRulesTest.TAXONOMY));
        ArticleText text =
                anArticle().withTitle("Ministers agree oil embargo on crude").build();

        assertThat(tag(twoGroups, text)).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("terrorism");
            assertThat(t.evidence())
                    .singleElement()
                    .satisfies(e -> assertThat(e.matched()).contains("crude", "oil embargo"));
        });
    }

    @Test
    void shouldNotLetOneWordServeTwoCueGroups() {
        TopicTagger twoGroups = new TopicTagger(TopicRules.parse(TopicRulesTest.rules("""
        {"kp-ru-rapprochement": [{"name": "kp-ru", "entities": [["KP"], ["RU"]]}],
         "terrorism": [{"name": "fuel-and-embargo", "cues": [["oil", "crude"], ["oil embargo"]]}]}"""), TopicRulesTest.TAXONOMY));
        ArticleText text =
                anArticle().withTitle("Ministers agree oil embargo on gas").build();

        assertThat(tag(twoGroups, text)).isEmpty();
    }

    @Test
    void shouldNotTakeSinEmbargoForAnEmbargo() {
        ArticleText text = anArticle()
                .withTitle("Sin embargo, México y Estados Unidos dialogan")
                .withBody("Sin embargo, Estados Unidos y México siguen hablando. Sin embargo, Rusia opina.")
                .build();

        assertThat(tag(SHIPPED, text)).extracting(TopicMatch::id).doesNotContain("sanctions", "energy-geopolitics");
    }

    @Test
    void shouldTagVenezuelaCrisisFromTheDefinitionsCues() {
        ArticleText text = anArticle()
                .withTitle("La oposición venezolana convoca nuevas protestas contra Maduro")
                .withBody("Nicolás Maduro enfrenta una crisis humanitaria. Miles de venezolanos migran a Colombia.")
                .build();

        assertThat(tag(SHIPPED, text)).extracting(TopicMatch::id).contains("venezuela-crisis");
    }

    @Test
    void shouldTagBrexitInEnglish() {
        ArticleText text = anArticle()
                .withTitle("Parliament votes again on Brexit deal")
                .withBody("The United Kingdom is due to leave the European Union in March.")
                .build();

        assertThat(tag(SHIPPED, text)).extracting(TopicMatch::id).containsExactly("brexit");
    }

    @Test
    void shouldNotTakeAWordInsideAnEntityNameForACue() {
        ArticleText text = anArticle()
                .withTitle("Corea del Norte y Rusia critican a la Organización del Tratado del Atlántico Norte")
                .build();

        assertThat(tag(SMALL, text)).isEmpty();
    }

    @Test
    void shouldTakeAnEconomicBlockadeButNotANavalOneForSanctions() {
        ArticleText naval = anArticle()
                .withTitle("Israel tightens its naval blockade of Gaza")
                .withBody("Israel said the naval blockade of Gaza would stay in place.")
                .build();
        ArticleText economic = anArticle()
                .withTitle("Cuba condemns the economic blockade imposed by the United States")
                .withBody("Cuba said the trade blockade of the United States hurts its economy.")
                .build();

        assertThat(tag(SHIPPED, naval)).extracting(TopicMatch::id).doesNotContain("sanctions");
        assertThat(tag(SHIPPED, economic)).extracting(TopicMatch::id).contains("sanctions");
    }

    @Test
    void shouldNotTagSportsSanctionsAsEconomicSanctions() {
        ArticleText text = anArticle()
                .withTitle("La FIFA levanta la sanción al jugador argentino")
                .withBody("El jugador argentino fue sancionado con cuatro partidos. La sanción fue apelada.")
                .build();

        assertThat(tag(SHIPPED, text)).extracting(TopicMatch::id).doesNotContain("sanctions");
    }

    @Test
    void shouldNotReportAPassingMentionDeepInALongArticleButTheSameSentencesInTheLede() {
        String other = "El tráfico fue intenso. Llovió por la tarde. Los mercados cerraron temprano. La liga sigue."
                + " El museo abrió una sala. Subió el precio del pan. ";
        String passing = "Un experto habló de terrorismo. Otro citó el terrorismo de los años setenta.";
        ArticleText deep =
                anArticle().withTitle("Noticias").withBody(other + passing).build();
        ArticleText lede = anArticle()
                .withTitle("Noticias")
                .withBody(passing + " " + other)
                .build();

        // two body sentences of nine: enough score, but a passing mention once salience is asked for
        assertThat(tag(SMALL, deep)).extracting(TopicMatch::id).containsExactly("terrorism");
        assertThat(tag(SALIENT, deep)).isEmpty();
        assertThat(tag(SALIENT, lede)).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("terrorism");
            assertThat(t.evidence())
                    .extracting(e -> e.text())
                    .containsExactlyInAnyOrder(
                            "Un experto habló de terrorismo.", "Otro citó el terrorismo de los años setenta.");
        });
    }

    @Test
    void shouldReportTheTopicOfAPlainOneSentenceStatementInEnglishSpanishAndFrench() {
        assertThat(TopicRules.fromClasspath().salience()).isNotEqualTo(TopicRules.Salience.NONE);
        String[][] statements = {
            {"kp-nuclear-missile", "en", "North Korea test-fired a ballistic missile over Japan."},
            {"kp-nuclear-missile", "es", "Corea del Norte lanzó un misil balístico sobre Japón."},
            {"kp-nuclear-missile", "fr", "La Corée du Nord a tiré un missile balistique au-dessus du Japon."},
            {"russia-ukraine-war", "en", "Russian troops shelled Kharkiv as the war in Ukraine entered its third year."
            },
            {
                "russia-ukraine-war",
                "es",
                "Las tropas rusas bombardearon Járkov mientras la guerra en Ucrania entra en" + " su tercer año."
            },
            {
                "russia-ukraine-war",
                "fr",
                "Les troupes russes ont bombardé Kharkiv alors que la guerre en Ukraine entre"
                        + " dans sa troisième année."
            },
            {"iran-nuclear", "en", "Iran has enriched uranium to 60 percent, the IAEA said."},
            {"iran-nuclear", "es", "Irán ha enriquecido uranio al 60 por ciento, según el OIEA."},
            {"iran-nuclear", "fr", "L'Iran a enrichi de l'uranium à 60 %, selon l'AIEA."},
            {"brexit", "en", "The United Kingdom left the European Union after the Brexit referendum."},
            {"brexit", "es", "El Reino Unido salió de la Unión Europea tras el referéndum del Brexit."},
            {"brexit", "fr", "Le Royaume-Uni a quitté l'Union européenne après le référendum sur le Brexit."},
            {"terrorism", "en", "A suicide bomber killed twelve people in a terrorist attack in Kabul."},
            {"terrorism", "es", "Un terrorista suicida mató a doce personas en un atentado en Kabul."},
            {"terrorism", "fr", "Un kamikaze a tué douze personnes dans un attentat terroriste à Kaboul."},
        };
        for (String[] s : statements) {
            ArticleText asBody = new ArticleText("", null, s[2], s[1]);
            ArticleText asTitle = new ArticleText(s[2], null, "", s[1]);
            for (ArticleText text : List.of(asBody, asTitle)) {
                assertThat(SHIPPED.tag(text, LINKER.link(text, s[1]).mentions()))
                        .as(s[2])
                        .extracting(TopicMatch::id)
                        .containsExactly(s[0]);
            }
        }
    }
}
