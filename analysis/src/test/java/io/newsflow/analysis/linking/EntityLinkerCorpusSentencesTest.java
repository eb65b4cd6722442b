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
                .extracting(io.newsflow.analysis.EntityMention::surface)
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

    @Test
    void shouldNotLinkAOneWordBrandWithoutABusinessWordInTheArticle() {
        // en-news wn2019-89: the rainforest, not the company
        List<LinkedEntity> entities = link(
                "French President Emmanuel Macron called for G7 action to correct what he named the international"
                        + " crisis of wildfires currently destroying Amazon rainforest in and around Brazil.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).contains("Q155").doesNotContain("Q3884");
    }

    @Test
    void shouldLinkAOneWordBrandNamedInASentenceWithABusinessWord() {
        // es-news fnc-development-110, title and first sentence: "empresa" in the body says Pemex is a company, and
        // the title's mention follows
        List<LinkedEntity> entities = LINKER.link(
                        new ArticleText(
                                "Mexichem compra a Pemex participación en PMV",
                                null,
                                "Como parte de su estrategia para maximizar el valor de la empresa, Petróleos"
                                        + " Mexicanos (Pemex) vendió a Mexichem su participación del *NUMBER* por"
                                        + " ciento en Petroquímica Mexicana de Vinilo (PMV).",
                                "es"),
                        "es")
                .entities();

        LinkedEntity pemex = entities.stream()
                .filter(e -> e.mentions().get(0).surface().equals("Pemex"))
                .findFirst()
                .orElseThrow();
        assertThat(pemex.kind()).isEqualTo(EntityKind.ORG);
        assertThat(pemex.mentions()).extracting(m -> m.field().name()).containsExactly("TITLE", "BODY");
    }

    @Test
    void shouldTakeAPlaceNameAfterAKnownGivenNameForASurnameEvenAtTheStartOfAHeadline() {
        // es-news fnc-train-587, the title and a sentence of the body: the actor, not the Spanish city
        List<LinkedEntity> entities = LINKER.link(
                        new ArticleText(
                                "Willy Toledo llama \"rebaño\" a los españoles tras una defensa encendida de Maduro",
                                null,
                                "El actor Willy Toledo ha publicado en Facebook un mensaje. Toledo se ha"
                                        + " posicionado así en defensa de Maduro.",
                                "es"),
                        "es")
                .entities();

        assertThat(entities).extracting(LinkedEntity::name).doesNotContain("Toledo");
    }

    @Test
    void shouldKeepAPlaceTheTextPlacesAfterTheSameNameWasPartOfALongerOne() {
        // es-news fnc-train-280, two sentences: "Real Madrid" is the club, "(Madrid)" after a town the province's
        // city (all BMP text, so code point offsets equal char offsets)
        String body = "Fuentes fiscales informaron de que el futbolista del Real Madrid presentó hace una semanas una"
                + " propuesta a la Fiscalía que esta respondió con una contrapropuesta, que fue finalmente aceptada por"
                + " los abogados de la estrella portuguesa.\nUna vez firmados sendos acuerdos de conformidad con la"
                + " Fiscalía por un lado y con la Agencia tributaria por otro, se trasladarán al Juzgado de"
                + " Instrucción número *NUMBER* de Pozuelo de Alarcón (Madrid), donde el internacional portugués"
                + " declaró como investigado hace casi un año, el *NUMBER* de julio.";

        LinkedEntity madrid = link(body, "es").stream()
                .filter(e -> e.id().equals("Q2807"))
                .findFirst()
                .orElseThrow();

        assertThat(madrid.mentions()).extracting(m -> m.start()).containsExactly(body.indexOf("(Madrid)") + 1);
    }

    @Test
    void shouldTakeAPlaceNameAfterAnUnknownCapitalisedWordForPartOfANameThroughoutTheArticle() {
        // en-news wn2020-47, the first three sentences: the mathematician, not a town called Conway
        List<LinkedEntity> entities = link(
                "English mathematician John Horton Conway died on Saturday at his New Jersey home, reportedly due to"
                        + " COVID-19 complications. Princeton University neuroscience professor Sam Wang stated that"
                        + " Conway developed a fever on Wednesday before his death on Saturday. Conway was 82 years"
                        + " old.",
                "en");

        assertThat(entities).extracting(LinkedEntity::name).doesNotContain("Conway");
    }

    @Test
    void shouldNotLetAPersonsSurnameKeepAPlaceThatIsPartOfTheName() {
        // es-news fnc-train-406: the Colombian president, not Santos in Brazil
        List<LinkedEntity> entities = link(
                "La cumbre tendrá lugar un mes y medio antes de las elecciones presidenciales colombianas que"
                        + " elegirán al sucesor de Juan Manuel Santos.",
                "es");

        assertThat(entities)
                .extracting(LinkedEntity::id)
                .containsExactly("Q739")
                .doesNotContain("Q81882");
    }

    @Test
    void shouldNotLinkAPlaceThatClosesALongerNameThroughAnArticle() {
        // es-news fnc-train-406: the summit, not the continent; Lima and Peru stay
        List<LinkedEntity> entities = link(
                "La Cumbre de las Américas, que reúne cada tres años a los líderes de todo el continente, se"
                        + " celebrará en Lima el *NUMBER* y el *NUMBER* de abril.",
                "es");

        assertThat(entities)
                .extracting(LinkedEntity::id)
                .containsExactly("Q2868")
                .doesNotContain("Q828");
    }

    @Test
    void shouldNotReadANameAcrossALineBreak() {
        // es-news fnc-train-406, the lede and the first body line: "Lima" ends a line, "Tras" starts the next
        List<LinkedEntity> entities = link(
                "En su primer viaje a América Latina, el presidente estadounidense asistirá a la cita diplomática en"
                        + " Lima\nTras semanas de especulación, la Casa Blanca confirmó este sábado que Donald Trump"
                        + " asistirá a la Cumbre de las Américas que se celebra en abril en Perú y después visitará"
                        + " Colombia.",
                "es");

        assertThat(entities).extracting(LinkedEntity::id).contains("Q2868", "Q419", "Q739");
    }

    @Test
    void shouldNotLinkAPlaceNamingAGeographicFeature() {
        // en-news wn2019-95: the island, not the city of Santa Cruz
        List<LinkedEntity> entities = link(
                "A deadly boat fire earlier this week near Santa Cruz Island off the coast of California, United"
                        + " States, resulted in the death of all 33 passengers.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).containsExactly("Q99", "Q30");
    }

    @Test
    void shouldLinkAPlacesShortNameToThePlaceTheArticleNamesInFull() {
        // es-news fnc-development-239: "Gaza" is the Gaza Strip the article names, before and after the full name
        List<LinkedEntity> entities = link(
                "Manifestantes palestinos trasladan a un hombre herido durante los enfrentamientos con soldados"
                        + " israelíes en la frontera entre Gaza e Israel, este martes.\nEn las últimas semanas, los"
                        + " palestinos han lanzado unas *NUMBER* cometas con material incendiario de Gaza a Israel,"
                        + " en el marco de las protestas que tienen lugar en la Franja de Gaza.",
                "es");

        LinkedEntity strip = entities.stream()
                .filter(e -> e.id().equals("Q39760"))
                .findFirst()
                .orElseThrow();
        assertThat(strip.mentions())
                .extracting(io.newsflow.analysis.EntityMention::surface)
                .containsExactly("Gaza", "Gaza", "Franja de Gaza");
        assertThat(entities).extracting(LinkedEntity::name).doesNotContain("Gaza City");
    }

    @Test
    void shouldTakeAmericaForTheUnitedStatesInEnglish() {
        // en-news wn2019-7
        List<LinkedEntity> entities =
                link("He also claimed that the wall was a crucial part of America's border security.", "en");

        assertThat(entities).extracting(LinkedEntity::id).containsExactly("Q30");
    }

    @Test
    void shouldNotLinkAnAcronymThatHeadsALongerUnknownBodysName() {
        // en-news wn2020-13: a Medical Research Council centre, not the Mekong River Commission
        List<LinkedEntity> entities = link(
                "The study was conducted by Imperial College London's MRC Centre for Global Infectious Disease"
                        + " Analysis pursuant to a strange case of pneumonia in China.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).containsExactly("Q148");
    }

    @Test
    void shouldNotTakeAPartyInBracketsAfterAPersonForADefinitionOfThePerson() {
        // es-news fnc-train-348
        List<LinkedEntity> entities = link(
                "Al arribo a sus oficinas, López Obrador agradeció los mensajes de apoyo de los ex presidentes Vicente"
                        + " Fox, quien durante la campaña lo llamaba \"Lopitos\"; así como del Felipe Calderón (PAN) y de"
                        + " Carlos Salinas de Gortari (PRI).",
                "es");

        LinkedEntity calderon = entities.stream()
                .filter(e -> e.name().equals("Felipe Calderón"))
                .findFirst()
                .orElseThrow();
        assertThat(calderon.mentions())
                .extracting(io.newsflow.analysis.EntityMention::surface)
                .containsExactly("Felipe Calderón");
        assertThat(entities)
                .filteredOn(e -> e.kind() == EntityKind.PERSON)
                .flatMap(LinkedEntity::mentions)
                .extracting(io.newsflow.analysis.EntityMention::surface)
                .doesNotContain("PAN", "PRI");
    }

    private static final String MEXICAN_PRI = "Q682969"; // Partido Revolucionario Institucional
    private static final String ITALIAN_PRI = "Q767560"; // Partito Repubblicano Italiano, acronym "PRI" in the KB

    private static List<String> idsOf(List<LinkedEntity> entities, String surface) {
        return entities.stream()
                .filter(e -> e.mentions().stream().anyMatch(m -> m.surface().equals(surface)))
                .map(LinkedEntity::id)
                .toList();
    }

    @Test
    void shouldReadAnAcronymTheArticleDefinesAsItsLongNameOverAnotherEntityOfTheKnowledgeBase() {
        // es-news fnc-train-181: title and a later sentence alone; the knowledge base's only entity with the
        // acronym "PRI" is the Italian party
        String title = "Queman la sede del PRI municipal en Veracruz.";
        String later = "Aunque no especificó de qué manera fueron atacadas las oficinas del PRI, situadas en avenida"
                + " Netzahualcóyotl, entre Carlos Cruz y Juan Soto, de la colonia Centro de Veracruz, Díaz Diez"
                + " difundió dos fotografías en las que se observa una pared ligeramente calcinada.";
        List<LinkedEntity> undefined =
                LINKER.link(new ArticleText(title, null, later, "es"), "es").entities();
        assertThat(idsOf(undefined, "PRI")).containsExactly(ITALIAN_PRI);

        // with the article's first sentence, which defines the acronym, every "PRI" is the Mexican party
        List<LinkedEntity> entities = LINKER.link(
                        new ArticleText(
                                title,
                                null,
                                "A través de redes sociales, el presidente del Comité Municipal del Partido"
                                        + " Revolucionario Institucional (PRI)\nen el puerto de Veracruz, Raúl Díaz"
                                        + " Diez, denunció un supuesto ataque contra las instalaciones de dicho"
                                        + " instituto político.\n" + later,
                                "es"),
                        "es")
                .entities();

        assertThat(idsOf(entities, "PRI")).containsExactly(MEXICAN_PRI);
        assertThat(entities).extracting(LinkedEntity::id).doesNotContain(ITALIAN_PRI);
    }

    @Test
    void shouldLeaveAnAcronymUnlinkedWhenTheKnowledgeBaseDoesNotKnowTheLongNameItDefines() {
        // es-news fnc-train-533, verbatim: the source writes the party's name with Cyrillic "о" letters, so the
        // knowledge base does not know this long name, and "PRI" must not fall back to the Italian party
        List<LinkedEntity> entities = link(
                "La dirigencia del Partid\u043e Rev\u043eluci\u043enari\u043e Instituci\u043enal (PRI), a carg\u043e"
                        + " de René Juárez Cisner\u043es está aband\u043enand\u043e a sus candidat\u043es, refiere el"
                        + " \u0440eriódic\u043e El Universal.\nSegún la c\u043elumna Baj\u043e Reserva,"
                        + " \"c\u043enf\u043erme se acerca la elección del *NUMBER* de juli\u043e, se"
                        + " c\u043en\u043ecen algunas diferencias entre el PRI y sus candidat\u043es,"
                        + " es\u0440ecialmente en estad\u043es d\u043ende habrá elección a g\u043ebernad\u043er\".",
                "es");

        assertThat(idsOf(entities, "PRI")).isEmpty();
    }

    @Test
    void shouldNotTakeAnUnknownBodysAcronymForTheCountryClosingItsName() {
        // en-news wn2019-28: "CBCP" used to become the Philippines, the linked name just before the bracket
        List<LinkedEntity> entities = link(
                "Roman Catholic Bishop Emeritus Dinualdo Gutierrez of the Marbel diocese in the Philippines, 79, died"
                        + " early yesterday morning, in a General Santos City hospital, according to the Catholic"
                        + " Bishops' Conference of the Philippines (CBCP).\nGutierrez was described by the CBCP as \"a"
                        + " strong advocate for the environment in a province threatened by mining interests.",
                "en");

        assertThat(idsOf(entities, "CBCP")).isEmpty();
        assertThat(idsOf(entities, "Philippines")).containsExactly("Q928");
    }

    @Test
    void shouldKnowADefinedLongNameWrittenWithOtherStopWordsThanTheKnowledgeBases() {
        // es-news fnc-train-492: the KB has "Organización Mundial del Comercio", the article "... de Comercio"
        List<LinkedEntity> entities = LINKER.link(
                        new ArticleText(
                                "Canadá denuncia a Estados Unidos ante la OMC",
                                null,
                                "El Gobierno de Justin Trudeau ha anunciado este viernes que demandará a Washington"
                                        + " ante la Organización Mundial de Comercio (OMC) y ante el mecanismo de"
                                        + " resolución de controversias del Tratado de Libre Comercio de América del"
                                        + " Norte (TLC), después de que la primera potencia mundial impusiese"
                                        + " aranceles sobre sus importaciones de acero y aluminio procedentes de su"
                                        + " vecino del norte, México y la Unión Europea.",
                                "es"),
                        "es")
                .entities();

        assertThat(idsOf(entities, "OMC")).containsExactly("Q7825");
    }

    @Test
    void shouldFindTheLongNameByItsInitialsSkippingStopWordsAndAPossessive() {
        String iaea = "Inspectors of the International Atomic Energy Agency (IAEA) visited";
        int[] name = EntityLinker.longNameBefore(iaea, iaea.indexOf('('), "IAEA");
        assertThat(iaea.substring(name[0], name[1])).isEqualTo("International Atomic Energy Agency");

        String farc = "las Fuerzas Armadas Revolucionarias de Colombia (FARC)";
        name = EntityLinker.longNameBefore(farc, farc.indexOf('('), "FARC");
        assertThat(farc.substring(name[0], name[1])).isEqualTo("Fuerzas Armadas Revolucionarias de Colombia");

        String uk = "On Thursday, the United Kingdom's (UK)"; // en-news wn2019-167
        name = EntityLinker.longNameBefore(uk, uk.indexOf('('), "UK");
        assertThat(uk.substring(name[0], name[1])).isEqualTo("United Kingdom");

        String calderon = "así como del Felipe Calderón (PAN)"; // es-news fnc-train-348
        assertThat(EntityLinker.longNameBefore(calderon, calderon.indexOf('('), "PAN"))
                .isNull();
    }

    @Test
    void shouldLinkAPlaceWhoseNameStartsWithTheWhenTheArticleIsWrittenInLowerCase() {
        // en-news wn2020-6
        List<LinkedEntity> entities = link(
                "Mitsotakis said that Greece and Turkey might end up before International Court of Justice in the"
                        + " Hague if talks would fail.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).contains("Q36600");
        assertThat(entities.stream()
                        .filter(e -> e.id().equals("Q36600"))
                        .findFirst()
                        .orElseThrow()
                        .mentions())
                .extracting(io.newsflow.analysis.EntityMention::surface)
                .containsExactly("the Hague");
    }

    @Test
    void shouldNotTakeALowerCaseTheBeforeACapitalisedWordForAPartyOrNewspaperName() {
        // en-news wn2020-109 and wn2020-106: "the Republicans" are the US party's members, not a party named "The
        // Republicans"; "the Independent Voters Network" is not the newspaper "The Independent"
        List<LinkedEntity> entities = link(
                "Democrats claimed the election should decide who picks the next justice, citing the Republicans'"
                        + " refusal to consider President Barack Obama's nomination of Merrick Garland after the death"
                        + " of Antonin Scalia in 2016. Chad  Peace of the Independent Voters Network, antiwar activist"
                        + " Adam Kokesh, Brian Anderson of Nexus",
                "en");

        assertThat(entities)
                .filteredOn(e -> e.kind() == EntityKind.ORG)
                .extracting(LinkedEntity::name)
                .noneMatch(name -> name.startsWith("The "));
    }

    @Test
    void shouldReadAWordOfTheLanguageInALineOfCapitalsAsThatWordNotAsTheAcronymItSpells() {
        // es-news fnc-train-571: Spanish "un" written in capitals is not the UN
        List<LinkedEntity> entities = link(
                "Estados Unidos devuelve la Estatua de la Libertad a Francia\nFRANCIA NO QUIERE ACEPTARLA PARA EVITAR"
                        + " UN EFECTO LLAMADA QUE LLENE EL PAÍS DE MONUMENTOS EXTRANJEROS\n*NUMBER* años después de"
                        + " que Francia obsequiase a Estados Unidos con la Estatua de la Libertad, el país americano"
                        + " ha decidido devolvérsela",
                "es");

        assertThat(entities)
                .extracting(LinkedEntity::id)
                .contains("Q142", "Q30")
                .doesNotContain("Q1065");
    }

    @Test
    void shouldStillLinkAnAcronymThatIsNoWordOfTheLanguageInALineOfCapitals() {
        // es-news fnc-train-109
        List<LinkedEntity> entities = link(
                "LA ONU ALERTA SOBRE MEGATERREMOTO EN MÉXICO Y EU EN LAS PROXIMAS *NUMBER* HORAS.\nUna noticia"
                        + " alarmante acaba de sacudir al mundo. El jefe del departamento de sismología del Instituto"
                        + " de Geofísica de la Universidad de Harvard, Clin Roberts, alertó a los gobiernos de México"
                        + " y Estados Unidos a prepararse sobre la llegada de un mega terremoto que afectaría a ambos"
                        + " países en las siguientes *NUMBER* horas.",
                "es");

        assertThat(entities).extracting(LinkedEntity::id).contains("Q1065", "Q96", "Q30");
    }

    @Test
    void shouldNotReportALineOfCapitalsAsUnknownNamesOfCommonWords() {
        // es-news fnc-train-81: "OPTE POR UN" is a verb, a preposition and an article, not a name nor the UN
        Linking linking = LINKER.link(
                new ArticleText(
                        "",
                        null,
                        "Melania Trump se pondrá una chaqueta de disculpa en su próxima comparecencia\nPROBABLEMENTE OPTE POR"
                                + " UN BIKINI CON EMOTICONOS TRISTES\nLa semana pasada, la primera dama de Estados Unidos"
                                + " levantó una gran polémica al lucir una chaqueta de Zara con la frase",
                        "es"),
                "es");

        assertThat(linking.entities()).extracting(LinkedEntity::id).doesNotContain("Q1065");
        assertThat(linking.unknownNames())
                .extracting(LinkedEntity::name)
                .noneMatch(name -> name.contains("POR") || name.contains("UN"));
    }

    @Test
    void shouldLinkAFederalChancellorAsAHeadOfGovernmentAndHerSurnameAfterwards() {
        // en-news wn2019-89: the source table gives Merkel's office as "Federal Chancellor of Germany (2005-)"
        List<LinkedEntity> entities = link(
                "The call was quickly seconded by German Chancellor Angela Merkel and British Prime Minister Boris"
                        + " Johnson. Merkel seconded Macron's recommendation the fires be added to the agenda.",
                "en");

        assertThat(entities)
                .filteredOn(e -> e.id().equals("Q567"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.subtype()).isEqualTo("head-of-state-or-government");
                    assertThat(e.mentions())
                            .extracting(io.newsflow.analysis.EntityMention::surface)
                            .containsExactly("Angela Merkel", "Merkel");
                });
    }

    @Test
    void shouldLeaveAPartyNameThirtyCountriesShareUnlinkedWhenTheArticleNamesNoneOfThem() {
        // en-news wn2019-134: thirty parties are called "Workers' Party"; the sentence names no country of theirs
        List<LinkedEntity> entities = link(
                "According to the BBC, the SDF is largely made up of YPG militia which support the Kurdistan Workers'"
                        + " Party (PKK). The PKK is banned in Turkey.",
                "en");

        assertThat(entities)
                .filteredOn(e -> e.subtype() != null && e.subtype().equals("political-party"))
                .isEmpty();
        assertThat(entities).extracting(LinkedEntity::id).contains("Q43");
    }

    @Test
    void shouldTakeAPartyNameForThePartyOfTheCountryTheArticleIsAbout() {
        // en-news wn2020-93 (US election campaign), its first two paragraphs: "Democratic Party" is the party of
        // the country that Biden and Trump are of, not Hong Kong's
        List<LinkedEntity> entities = link(
                "This month's spotlight on the campaign trail: a bat attacks the Libertarian Party's presidential"
                        + " nominee, the American Independent Party picks a ticket amid controversy, and Birthers"
                        + " resurface to question the eligibility of the Democratic Party's vice presidential nominee."
                        + "\n\n\nAs the campaign shifted to August, presumptive Democratic presidential nominee Joe"
                        + " Biden led incumbent President Donald Trump, the presumptive Republican presidential"
                        + " nominee, in the RealClearPolitics head-to-head polling average, 49.4 percent to 42.0"
                        + " percent.",
                "en");

        assertThat(entities).extracting(LinkedEntity::id).contains("Q29552").doesNotContain("Q21892");
    }

    @Test
    void shouldLinkTheSpellingsThePressGivesARomanisedCyrillicName() {
        // en-news wn2020-12 and es-news fnc-development-184; the source tables spell them "Volodymyr Zelenskyy" and
        // "Sergey Lavrov"
        List<LinkedEntity> english = link(
                "Yesterday, Ukrainian President Volodymyr Zelensky declined Prime Minister Oleksiy Honcharuk's offer to"
                        + " resign after the leak of an audio recording in which someone, seemingly Honcharuk,"
                        + " audibly says Zelensky \"has a very primitive understanding of economic processes.\"",
                "en");
        List<LinkedEntity> spanish = link(
                "En noviembre y frente a Serguei Lavrov, ministros de Asuntos Exteriores de Rusia, el titular de la"
                        + " Secretaría de Relaciones Exteriores Luis Videgaray, dijo que \"el Gobierno mexicano no"
                        + " tiene ninguna evidencia que valide esta hipótesis\".",
                "es");

        assertThat(english)
                .filteredOn(e -> e.id().equals("Q3874799"))
                .singleElement()
                .satisfies(e -> assertThat(e.mentions())
                        .extracting(io.newsflow.analysis.EntityMention::surface)
                        .containsExactly("Volodymyr Zelensky", "Zelensky"));
        assertThat(spanish).extracting(LinkedEntity::id).contains("Q58217");
    }

    @Test
    void shouldTakeASpanishCityAfterAnArticleForAClubAndLeaveItUnlinked() {
        // es-news fnc-train-314: the city of Madrid, then "los partidos del Madrid" (the club)
        ArticleText text = new ArticleText(
                "",
                null,
                "Un cura de una parroquia en la ciudad de Madrid ha sido expedientado y su caso será estudiado por la"
                        + " Iglesia Católica tras haber sido denunciado por algunos feligreses. Al parecer el cura"
                        + " tenía una pequeña televisión portátil en el confesionario, para ver los partidos del"
                        + " Madrid cuando coincidían con los horarios de confesión.",
                "es");
        // es-news fnc-development-146: "El Guadalajara" heads a sentence; neither the city nor its state is meant
        List<LinkedEntity> club = link("El Guadalajara es último de la clasificación.", "es");

        assertThat(LINKER.link(text, "es").entities())
                .filteredOn(e -> e.id().equals("Q2807"))
                .singleElement()
                .satisfies(e -> assertThat(e.mentions())
                        .singleElement()
                        .satisfies(m -> assertThat(m.start())
                                .isEqualTo(text.body().indexOf("ciudad de Madrid") + "ciudad de ".length())));
        assertThat(club).isEmpty();
    }
}
