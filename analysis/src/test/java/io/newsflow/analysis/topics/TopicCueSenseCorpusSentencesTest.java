package io.newsflow.analysis.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.TopicEvidence;
import io.newsflow.analysis.TopicMatch;
import io.newsflow.analysis.kb.KnowledgeBaseLoader;
import io.newsflow.analysis.linking.EntityLinker;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped topic rules read cue words in their sense, on sentences quoted verbatim from the project corpus
 * ({@code shared/corpus}, ids in each test): a fine is not an economic sanction, and terrorism named as a charge is
 * weaker evidence than an attack; the evidence says which rule fired.
 */
class TopicCueSenseCorpusSentencesTest {
    private static final EntityLinker LINKER = new EntityLinker(KnowledgeBaseLoader.fromClasspath());
    private static final TopicTagger SHIPPED = new TopicTagger(TopicRules.fromClasspath());

    private static List<TopicMatch> tag(String body, String language) {
        ArticleText text = new ArticleText("", null, body, language);
        return SHIPPED.tag(text, LINKER.link(text, language).mentions());
    }

    @Test
    void shouldNotReadAFineAsEconomicSanctions() {
        // es-news fnc-train-93: a municipal by-law on begging, one sentence
        List<TopicMatch> topics = tag(
                "La norma multa con sanciones económicas de entre *NUMBER* euros a quienes obstaculizan la"
                        + " circulación, caso de los que se instalan en semáforos, y de hasta *NUMBER* euros a quienes"
                        + " emplean a menores de edad para ejercer la mendicidad como las mujeres que piden en la calle"
                        + " con niños -muchas de ellas procedentes de países del este de Europa.",
                "es");

        assertThat(topics).extracting(TopicMatch::id).doesNotContain("sanctions");
    }

    @Test
    void shouldStillReadSanctionsOnACountryAsSanctions() {
        // es-news fnc-train-447: the Iran nuclear deal
        List<TopicMatch> topics = tag(
                "Arabia Saudí siempre ha sido uno de los mayores críticos del acuerdo nuclear —de nombre oficial Plan"
                        + " Integral de Acción Conjunta (JCPOA, por sus siglas en inglés)— suscrito en *NUMBER* por"
                        + " Irán y el Grupo *NUMBER*+*NUMBER* (EE.UU., el Reino Unido, Francia, Rusia y China, más"
                        + " Alemania) y que determina levantar las sanciones económicas contra el país persa a cambio"
                        + " de limitar su programa nuclear.",
                "es");

        assertThat(topics).extracting(TopicMatch::id).contains("sanctions");
    }

    @Test
    void shouldWeighTerrorismNamedAsAChargeBelowAnAttack() {
        // en-news wn2019-82: the El Paso shooting, a sentence on the charges
        List<TopicMatch> charge =
                tag("Charges of domestic terrorism also carry a possible death penalty at the federal level.", "en");
        // es-news fnc-train-371: the AMIA bombing, a line naming the attack as well as an accusation
        List<TopicMatch> attack = tag(
                "La expresidenta está acusada de proteger a cinco iraníes acusados del atentado terrorista de"
                        + " *NUMBER* contra la mutual judía",
                "es");

        assertThat(charge)
                .filteredOn(t -> t.id().equals("terrorism"))
                .flatMap(TopicMatch::evidence)
                .extracting(TopicEvidence::rule)
                .containsOnly("terrorism-as-a-charge-or-metaphor");
        assertThat(attack)
                .filteredOn(t -> t.id().equals("terrorism"))
                .singleElement()
                .satisfies(t -> assertThat(t.evidence())
                        .extracting(TopicEvidence::rule)
                        .containsExactly("terrorist-attack-or-group"));
    }
}
