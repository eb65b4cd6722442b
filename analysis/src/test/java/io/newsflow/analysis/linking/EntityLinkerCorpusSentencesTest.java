package io.newsflow.analysis.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityKind;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.kb.KnowledgeBaseLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Linking rules on sentences quoted verbatim from the project corpus ({@code shared/corpus}, ids in each test):
 * context decides between a country and a region of the same name, and a demonym before a name still stands for
 * its country.
 */
class EntityLinkerCorpusSentencesTest {
    private static final EntityLinker LINKER = new EntityLinker(KnowledgeBaseLoader.fromClasspath());

    private static List<LinkedEntity> link(String body, String language) {
        return LINKER.link(new ArticleText("", null, body, language), language).entities();
    }

    @Test
    void shouldTakeGeorgiaForTheUsStateWhenTheTextSaysTheStateOf() {
        // es-news fnc-train-399
        List<LinkedEntity> entities = link(
                "En conferencia de prensa Nathan Deal, gobernador del estado de Georgia (entidad donde se ubica la"
                        + " ciudad de Atlanta, donde el excandidato a la presidencia Ricardo Anaya tiene su residencia"
                        + " oficial), reveló en un noticiero local que \"los mexicanos son unos mediocres ignorantes\".",
                "es");

        assertThat(entities)
                .extracting(LinkedEntity::id, LinkedEntity::subtype)
                .contains(tuple("Q1428", "region"))
                .doesNotContain(tuple("Q230", "country"));
    }

    @Test
    void shouldTakeGeorgiaForTheUsStateAmongOtherUsStates() {
        // en-news wn2020-109
        List<LinkedEntity> entities = link(
                "Biden limited campaigning but still made stops in Pennsylvania, Georgia, Florida, Iowa, Wisconsin,"
                        + " and others.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).contains("Q1428").doesNotContain("Q230");
    }

    @Test
    void shouldTakeGeorgiaForTheCountryWhenTheArticleIsAboutTheCountry() {
        // en-news wn2020-57, title and first sentence
        List<LinkedEntity> entities = LINKER.link(
                        new ArticleText(
                                "Georgian tennis player Nikoloz Basilashvili arrested on domestic violence charge",
                                null,
                                "Nikoloz Basilashvili, a Georgian tennis player with current world ranking number 27,"
                                        + " was arrested on Friday on a charge of domestic violence in front of a"
                                        + " minor. He plays for Georgia.",
                                "en"),
                        "en")
                .entities();

        assertThat(entities).extracting(LinkedEntity::id).containsExactly("Q230");
        assertThat(entities.get(0).mentions())
                .extracting(m -> m.surface())
                .containsExactly("Georgian", "Georgian", "Georgia");
    }

    @Test
    void shouldLinkADemonymThatIsFollowedByANameToItsCountry() {
        // es-news fnc-train-411
        List<LinkedEntity> entities = link(
                "Este *NUMBER* de julio se entrevistará con el presidente ruso Vladimir Putin en Finlandia, y en"
                        + " contra de lo que opinan y le aconsejan los mismo republicanos del Capitolio.",
                "es");

        assertThat(entities).extracting(LinkedEntity::id).containsExactly("Q159", "Q7747", "Q33");
        assertThat(entities.get(0).confidence()).isLessThan(entities.get(1).confidence());
        assertThat(entities.get(0).mentions().get(0).matchedBy()).isEqualTo("demonym");
    }

    @Test
    void shouldLinkAnAcronymThatTheArticleDefinesToWhatItDefines() {
        // es-news fnc-train-514: two sentences of the article; the knowledge base knows the party's full name only
        List<LinkedEntity> entities = link(
                "Acompañado por gobernadores e integrantes del PRI, y dirigentes del Partido Verde Ecologista de"
                        + " México (PVEM) y Nueva Alianza, José Antonio Meade acudió al Instituto Nacional Electoral"
                        + " (INE) para registrar su candidatura presidencial por la coalición Todos Por México.\n"
                        + "Luis Castro Obregón, presidente de Nueva Alianza, y Carlos Alberto Puente, presidente del"
                        + " PVEM, destacaron la trayectoria de Meade Kuribreña en cargos de alto perfil en el gobierno.",
                "es");

        LinkedEntity party = entities.stream()
                .filter(e -> e.mentions().get(0).surface().equals("Partido Verde Ecologista de México"))
                .findFirst()
                .orElseThrow();
        assertThat(party.mentions())
                .extracting(m -> m.surface(), m -> m.matchedBy())
                .containsExactly(
                        tuple("Partido Verde Ecologista de México", "name"),
                        tuple("PVEM", "alias"),
                        tuple("PVEM", "alias"));
    }

    @Test
    void shouldNotLinkAPlaceThatClosesALongerOfName() {
        // en-news wn2019-69: the organisation is not Iraq
        List<LinkedEntity> entities = link(
                "The militant organisation, the Islamic State of Iraq and the Levant, claimed responsibility for all"
                        + " three attacks.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).doesNotContain("Q796");
    }

    @Test
    void shouldNotLinkAPlaceInsideADeName() {
        // es-news: "gobernador del Banco de México" names the central bank, not the country
        List<LinkedEntity> entities = link(
                "e cualquier instrumento de inversión gubernamental\", señaló Alejandro Díaz de León, gobernador del"
                        + " Banco de México, en conferencia de prensa.",
                "es");

        assertThat(entities).extracting(LinkedEntity::id).doesNotContain("Q96");
    }

    @Test
    void shouldStillLinkThePlaceThatARoleGoverns() {
        // en-news wn2019-44: "First Minister of Scotland" names Scotland
        List<LinkedEntity> entities = link(
                "There were several speakers at the rally, including First Minister of Scotland Nicola Sturgeon.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).contains("Q22");
    }

    @Test
    void shouldReportCapitalisedNamesTheKnowledgeBaseDoesNotKnowAsUnknown() {
        // shared/seeds/000_fb6de2466fe40da1.txt, first body sentence
        Linking linking = LINKER.link(
                new ArticleText(
                        "",
                        null,
                        "Corea del Norte rechazó repetidamente una carta enviada por el presidente Donald Trump con"
                                + " el objetivo de reabrir canales diplomáticos con Kim Jong-un, reveló el medio"
                                + " especializado NK News.",
                        "es"),
                "es");

        assertThat(linking.unknownNames()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntityKind.UNKNOWN);
            assertThat(e.id()).isNull();
            assertThat(e.name()).isEqualTo("NK News");
            assertThat(e.confidence()).isLessThan(0.5);
            assertThat(e.mentions().get(0).matchedBy()).isEqualTo("unknown-name");
        });
        // the names the knowledge base knows are not reported again as unknown
        assertThat(linking.entities()).extracting(LinkedEntity::id).containsExactly("Q423", "Q22686", "Q56226");
    }

    @Test
    void shouldLeaveACommonWordBeforeAnUnknownNameOutOfIt() {
        // shared/seeds/000_fb6de2466fe40da1.txt, a related-article line
        Linking linking = LINKER.link(
                new ArticleText(
                        "",
                        null,
                        "Trump despliega la Guardia Nacional en Los Ángeles: 33 años después, la historia se repite.",
                        "es"),
                "es");

        assertThat(linking.unknownNames()).extracting(LinkedEntity::name).containsExactly("Guardia Nacional");
    }
}
