package io.newsflow.analysis.linking;

import static io.newsflow.analysis.ArticleTextBuilder.anArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityMention;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.TextField;
import io.newsflow.analysis.kb.KnowledgeBaseLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityLinkerTest {
    static final EntityLinker LINKER = new EntityLinker(KnowledgeBaseLoader.fromClasspath());

    private static List<LinkedEntity> link(String body, String language) {
        return LINKER.link(anArticle().withTitle("").withBody(body).build(), language)
                .entities();
    }

    private static Optional<LinkedEntity> entity(List<LinkedEntity> entities, String qid) {
        return entities.stream().filter(e -> e.id().equals(qid)).findFirst();
    }

    @Test
    void shouldLinkCapitalToItsCountryForTopicRules() {
        Linking linking = LINKER.link(
                anArticle()
                        .withTitle("")
                        .withBody("Acercamiento entre Pyongyang y Moscú.")
                        .build(),
                "es");

        assertThat(linking.entities())
                .extracting(LinkedEntity::id, LinkedEntity::subtype, LinkedEntity::countryCode)
                .containsExactly(tuple("Q18808", "capital", "KP"), tuple("Q649", "capital", "RU"));
        assertThat(linking.mentions())
                .allSatisfy(m -> assertThat(m.standsForCountry()).isTrue());
    }

    @Test
    void shouldNotLinkTheSpanishArticleUnToAPlace() {
        assertThat(link("Un portavoz dijo que un acuerdo es posible.", "es")).isEmpty();
    }

    @Test
    void shouldPreferTheCapitalOverASmallTownOfTheSameName() {
        assertThat(link("El presidente viajó a Pekín.", "es"))
                .singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo("Q956"));
    }

    @Test
    void shouldNotLinkASmallTownWhoseCountryIsNotMentioned() {
        assertThat(link("Trinidad sonrió al llegar.", "es")).isEmpty();
    }

    @Test
    void shouldLinkUsOnlyWhenWrittenInCapitals() {
        assertThat(link("They told us about the US position.", "en"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.id()).isEqualTo("Q30");
                    assertThat(e.mentions()).extracting(EntityMention::surface).containsExactly("US");
                });
    }

    @Test
    void shouldReadEuAsTheUnitedStatesInSpanishAndTheEuropeanUnionInEnglish() {
        assertThat(link("Aranceles de EU contra México.", "es"))
                .extracting(LinkedEntity::id)
                .containsExactly("Q30", "Q96");
        assertThat(link("The EU responded on Friday.", "en"))
                .extracting(LinkedEntity::id)
                .containsExactly("Q458");
    }

    @Test
    void shouldLinkAnAmbiguousSurnameOnlyAfterTheFullName() {
        assertThat(link("Kim habló ayer.", "es")).isEmpty();
        assertThat(link("Kim Jong-un llegó. Después Kim habló.", "es"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.id()).isEqualTo("Q56226");
                    assertThat(e.mentions())
                            .extracting(EntityMention::surface, EntityMention::matchedBy)
                            .containsExactly(tuple("Kim Jong-un", "name"), tuple("Kim", "short-name"));
                });
    }

    @Test
    void shouldLetAHeadlineSurnameUseTheFullNameInTheBody() {
        ArticleText text = anArticle()
                .withTitle("Trump elogia a Kim")
                .withBody("Donald Trump se reunió con Kim Jong Un.")
                .build();

        LinkedEntity kim = entity(LINKER.link(text, "es").entities(), "Q56226").orElseThrow();
        assertThat(kim.mentions()).extracting(EntityMention::field).containsExactly(TextField.TITLE, TextField.BODY);
    }

    @Test
    void shouldLinkAnUnambiguousSurnameStandingAlone() {
        assertThat(link("Trump dijo que habrá otra reunión.", "es"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.id()).isEqualTo("Q22686");
                    assertThat(e.mentions().get(0).matchedBy()).isEqualTo("short-name");
                });
    }

    @Test
    void shouldLinkDemonymsWithLowerConfidenceThanNames() {
        List<LinkedEntity> entities = link("Los diplomáticos norcoreanos visitaron Corea del Norte.", "es");

        assertThat(entities).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("Q423");
            assertThat(e.mentions()).extracting(EntityMention::matchedBy).containsExactly("demonym", "name");
        });
        List<LinkedEntity> demonymOnly = link("Los diplomáticos norcoreanos se negaron.", "es");
        assertThat(demonymOnly.get(0).confidence()).isLessThan(entities.get(0).confidence());
    }

    @Test
    void shouldPreferTheLongestMatch() {
        assertThat(link("Corea del Norte y Corea del Sur.", "es"))
                .extracting(LinkedEntity::id)
                .containsExactly("Q423", "Q884");
    }

    @Test
    void shouldNotLinkAPlaceNameThatIsPartOfALongerName() {
        // the state of Nuevo León is known (regions-odbl.tsv), the city of León is not what the text names
        assertThat(link("El gobernador de Nuevo León habló con el Washington Post.", "es"))
                .extracting(LinkedEntity::name)
                .containsExactly("Nuevo León");
        assertThat(link("Lo dijo Vladimir Padrino, ministro de Defensa.", "es")).isEmpty();
    }

    @Test
    void shouldTreatAPlaceNameSeenAsASurnameAsASurnameThroughoutTheArticle() {
        ArticleText text = anArticle()
                .withTitle("Conway defends the plan")
                .withBody("White House adviser Kellyanne Conway spoke on Sunday. Conway said more was coming.")
                .build();

        assertThat(LINKER.link(text, "en").entities()).isEmpty();
    }

    @Test
    void shouldApplyDemonymsOnlyInTheirOwnLanguage() {
        assertThat(link("The painter Greco arrived.", "en")).isEmpty();
        assertThat(link("Il governo greco ha risposto.", "it"))
                .extracting(LinkedEntity::id)
                .containsExactly("Q41");
    }

    @Test
    void shouldNotLinkLowerCaseCommonNouns() {
        assertThat(link("Compré un chile y una cuba de vino.", "es")).isEmpty();
    }

    @Test
    void shouldCountOffsetsInCodePointsAfterSupplementaryCharacters() {
        String body = "😀😀 Corea del Norte";
        LinkedEntity kp = link(body, "es").get(0);

        EntityMention m = kp.mentions().get(0);
        assertThat(m.start()).isEqualTo(3);
        assertThat(m.end()).isEqualTo(18);
        assertThat(body.substring(body.offsetByCodePoints(0, m.start()), body.offsetByCodePoints(0, m.end())))
                .isEqualTo("Corea del Norte");
    }

    @Test
    void shouldRequireWordBoundaries() {
        assertThat(link("Los perusinos y Chinatown.", "es")).isEmpty();
    }
}
