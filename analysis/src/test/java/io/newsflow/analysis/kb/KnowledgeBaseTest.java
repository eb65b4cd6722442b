package io.newsflow.analysis.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.EntityKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final KnowledgeBase KB = KnowledgeBaseLoader.fromClasspath();

    private static List<Alias> aliases(String surface) {
        return KB.aliasesByFoldedSurface().getOrDefault(KnowledgeBaseLoader.normaliseKey(surface), List.of());
    }

    @Test
    void shouldNameCountriesInSeveralLanguagesFromCldr() {
        assertThat(aliases("Corea del Norte"))
                .anySatisfy(a -> assertThat(a.entity().qid()).isEqualTo("Q423"));
        assertThat(aliases("Nordkorea"))
                .anySatisfy(a -> assertThat(a.entity().qid()).isEqualTo("Q423"));
        assertThat(aliases("Россия"))
                .anySatisfy(a -> assertThat(a.entity().qid()).isEqualTo("Q159"));
    }

    @Test
    void shouldGenerateSpanishFeminineAndPluralDemonyms() {
        for (String form : List.of("norcoreano", "norcoreana", "norcoreanos", "norcoreanas")) {
            assertThat(aliases(form)).as(form).singleElement().satisfies(a -> {
                assertThat(a.entity().countryCode()).isEqualTo("KP");
                assertThat(a.kind()).isEqualTo(AliasKind.DEMONYM);
            });
        }
        assertThat(aliases("estadounidenses"))
                .singleElement()
                .satisfies(a -> assertThat(a.entity().qid()).isEqualTo("Q30"));
    }

    @Test
    void shouldNotTreatACountryNameInTheDemonymColumnAsADemonym() {
        assertThat(aliases("Vereinigte Arabische Emirate"))
                .allSatisfy(a -> assertThat(a.kind()).isNotEqualTo(AliasKind.DEMONYM));
    }

    @Test
    void shouldDescribeCapitalsWithTheirCountry() {
        KbEntity pyongyang = KB.entity("Q18808").orElseThrow();

        assertThat(pyongyang.subtype()).isEqualTo("capital");
        assertThat(pyongyang.countryCode()).isEqualTo("KP");
        assertThat(pyongyang.standsForCountry()).isTrue();
    }

    @Test
    void shouldTakeTheCapitalRowWhenThePlaceDataGivesTwoRowsOneQid() {
        // Natural Earth tags Pyongsan (66,000 inhabitants) with Pyongyang's QID
        assertThat(aliases("Pyongyang")).singleElement().satisfies(a -> {
            assertThat(a.entity().isCapital()).isTrue();
            assertThat(a.entity().population()).isGreaterThan(1_000_000);
        });
        assertThat(aliases("Pyongsan")).isEmpty();
    }

    @Test
    void shouldKeepShortAcronymsCaseSensitiveAndRestrictEuToItsLanguages() {
        assertThat(aliases("US"))
                .filteredOn(a -> a.entity().qid().equals("Q30"))
                .anySatisfy(a -> assertThat(a.caseSensitive()).isTrue());
        assertThat(aliases("EU")).anySatisfy(a -> {
            assertThat(a.entity().qid()).isEqualTo("Q30");
            assertThat(a.appliesTo("es")).isTrue();
            assertThat(a.appliesTo("en")).isFalse();
        });
    }

    @Test
    void shouldMarkAmbiguousSurnamesAsNeedingAnAntecedent() {
        assertThat(aliases("Kim")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AliasKind.SHORT_NAME);
            assertThat(a.requiresAntecedent()).isTrue();
        });
        assertThat(aliases("Biden"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.requiresAntecedent()).isTrue());
        assertThat(aliases("Trump"))
                .filteredOn(a -> a.entity().qid().equals("Q22686"))
                .singleElement()
                .satisfies(a -> assertThat(a.requiresAntecedent()).isFalse());
    }

    @Test
    void shouldHoldTheCuratedAndTheBuiltPeopleOrganisationsAndRegions() {
        assertThat(KB.entities().stream().map(KbEntity::qid))
                .contains("Q58132", "Q56226", "Q15031", "Q22686", "Q7747", "Q318508", "Q39259", "Q473239", "Q7184")
                .contains("Q76", "Q6279", "Q180589") // Obama, Biden, Boris Johnson: people-wikidata.tsv
                .contains("Q37470", "Q7804") // UN Security Council, IMF: international-bodies-ccbysa.tsv
                .contains("Q99", "Q1456", "Q15180"); // California, South Carolina, Soviet Union: regions-odbl.tsv
        assertThat(KB.entity("Q76").orElseThrow().kind()).isEqualTo(EntityKind.PERSON);
        assertThat(KB.entities()).hasSizeGreaterThan(30_000);
    }

    @Test
    void shouldKeepTheCuratedEntryWhenABuiltTableHasTheSameQid() {
        // the built international-bodies table names Q458 "European Union" with the acronym EU; the curated entry
        // restricts "EU" to non-Spanish text (Mexican Spanish writes EU for the United States)
        assertThat(aliases("EU"))
                .filteredOn(a -> a.entity().qid().equals("Q458"))
                .singleElement()
                .satisfies(a -> assertThat(a.languages()).doesNotContain("es"));
    }

    @Test
    void shouldDeriveAStableContentVersion() {
        assertThat(KB.version())
                .matches("kb-[0-9a-f]{16}")
                .isEqualTo(KnowledgeBaseLoader.fromClasspath().version());
    }

    @Test
    void shouldKnowCommonWordsPerLanguage() {
        assertThat(KB.isStopword("es", "Un")).isTrue();
        assertThat(KB.isStopword("en", "Un")).isFalse();
    }
}
