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
}
