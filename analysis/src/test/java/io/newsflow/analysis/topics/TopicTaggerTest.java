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

    /**
     * Every topic of the taxonomy, stated plainly in English, Spanish and French (written for this test from the
     * topic definitions, then more phrasings for the French that the rules first missed: "gazoduc", "quitté l'Union
     * européenne", "envoyer des soldats"..., then headline-like ones: "froze the assets", "frontière irlandaise", "un
     * Estado palestino"). The topic must be among those reported; a statement may honestly belong to two
     * ("sanctions against Iranian oil exports" are also energy geopolitics).
     */
    @Test
    void shouldReportEveryTopicOfTheTaxonomyFromAPlainStatementInEachLanguage() {
        String[][] statements = {
            {
                "kp-ru-rapprochement",
                "en",
                "North Korea and Russia are deepening their military cooperation after Kim Jong Un visited Vladimir Putin."
            },
            {
                "kp-ru-rapprochement",
                "es",
                "Corea del Norte y Rusia estrechan su cooperación militar tras la visita de Kim Jong Un a Vladímir Putin."
            },
            {
                "kp-ru-rapprochement",
                "fr",
                "La Corée du Nord et la Russie renforcent leur coopération militaire après la visite de Kim Jong-un à Vladimir Poutine."
            },
            {
                "us-kp-diplomacy",
                "en",
                "The United States and North Korea resumed talks on denuclearisation as Trump prepared to meet Kim Jong Un."
            },
            {
                "us-kp-diplomacy",
                "es",
                "Estados Unidos y Corea del Norte reanudaron las negociaciones sobre la desnuclearización antes de una cumbre entre Trump y Kim Jong Un."
            },
            {
                "us-kp-diplomacy",
                "fr",
                "Les États-Unis et la Corée du Nord ont repris les négociations sur la dénucléarisation avant un sommet entre Trump et Kim Jong-un."
            },
            {
                "kp-nuclear-missile",
                "en",
                "North Korea test-fired a ballistic missile into the sea, its third launch this month."
            },
            {
                "kp-nuclear-missile",
                "es",
                "Corea del Norte lanzó un misil balístico al mar, su tercer lanzamiento este mes."
            },
            {
                "kp-nuclear-missile",
                "fr",
                "La Corée du Nord a tiré un missile balistique en mer, son troisième lancement ce mois-ci."
            },
            {
                "sanctions",
                "en",
                "The European Union imposed new economic sanctions on Russia, freezing assets and banning exports."
            },
            {
                "sanctions",
                "es",
                "La Unión Europea impuso nuevas sanciones económicas a Rusia, congelando activos y prohibiendo exportaciones."
            },
            {
                "sanctions",
                "fr",
                "L'Union européenne a imposé de nouvelles sanctions économiques à la Russie, gelant des avoirs et interdisant des exportations."
            },
            {
                "us-china-trade",
                "en",
                "The United States raised tariffs on Chinese imports as the trade war between Washington and Beijing escalated."
            },
            {
                "us-china-trade",
                "es",
                "Estados Unidos elevó los aranceles a las importaciones chinas mientras se intensifica la guerra comercial entre Washington y Pekín."
            },
            {
                "us-china-trade",
                "fr",
                "Les États-Unis ont relevé les droits de douane sur les importations chinoises alors que la guerre commerciale entre Washington et Pékin s'intensifie."
            },
            {
                "us-immigration",
                "en",
                "US immigration authorities deported hundreds of migrants detained at the border with Mexico."
            },
            {
                "us-immigration",
                "es",
                "Las autoridades migratorias de Estados Unidos deportaron a cientos de migrantes detenidos en la frontera."
            },
            {
                "us-immigration",
                "fr",
                "Les autorités américaines de l'immigration ont expulsé des centaines de migrants détenus à la frontière."
            },
            {
                "us-domestic-deployment",
                "en",
                "The president ordered National Guard troops deployed to American cities to respond to protests."
            },
            {
                "us-domestic-deployment",
                "es",
                "El presidente ordenó desplegar tropas de la Guardia Nacional en ciudades de Estados Unidos para responder a las protestas."
            },
            {
                "us-domestic-deployment",
                "fr",
                "Le président a ordonné le déploiement de la Garde nationale dans des villes américaines pour répondre aux manifestations."
            },
            {
                "russia-ukraine-war",
                "en",
                "Russian forces launched a new offensive in eastern Ukraine as the war entered its third year."
            },
            {
                "russia-ukraine-war",
                "es",
                "Las fuerzas rusas lanzaron una nueva ofensiva en el este de Ucrania mientras la guerra entra en su tercer año."
            },
            {
                "russia-ukraine-war",
                "fr",
                "Les forces russes ont lancé une nouvelle offensive dans l'est de l'Ukraine alors que la guerre entre dans sa troisième année."
            },
            {
                "israel-palestine",
                "en",
                "Israeli air strikes on Gaza killed dozens of Palestinians as the conflict with Hamas continued."
            },
            {
                "israel-palestine",
                "es",
                "Los bombardeos israelíes sobre Gaza mataron a decenas de palestinos mientras continúa el conflicto con Hamás."
            },
            {
                "israel-palestine",
                "fr",
                "Les frappes aériennes israéliennes sur Gaza ont tué des dizaines de Palestiniens alors que le conflit avec le Hamas se poursuit."
            },
            {
                "iran-nuclear",
                "en",
                "Iran expanded uranium enrichment, putting the nuclear deal with world powers at risk."
            },
            {
                "iran-nuclear",
                "es",
                "Irán amplió el enriquecimiento de uranio, poniendo en riesgo el acuerdo nuclear con las potencias mundiales."
            },
            {
                "iran-nuclear",
                "fr",
                "L'Iran a étendu l'enrichissement d'uranium, mettant en péril l'accord nucléaire avec les grandes puissances."
            },
            {
                "china-taiwan",
                "en",
                "China sent warplanes near Taiwan in a show of force as tensions across the strait rose."
            },
            {
                "china-taiwan",
                "es",
                "China envió aviones de combate cerca de Taiwán en una demostración de fuerza mientras aumentan las tensiones en el estrecho."
            },
            {
                "china-taiwan",
                "fr",
                "La Chine a envoyé des avions de combat près de Taïwan dans une démonstration de force alors que les tensions montent dans le détroit."
            },
            {
                "nato-security",
                "en",
                "NATO allies agreed to raise defence spending and reinforce the alliance's eastern flank."
            },
            {
                "nato-security",
                "es",
                "Los aliados de la OTAN acordaron aumentar el gasto en defensa y reforzar el flanco oriental de la alianza."
            },
            {
                "nato-security",
                "fr",
                "Les alliés de l'OTAN ont convenu d'augmenter les dépenses de défense et de renforcer le flanc oriental de l'alliance."
            },
            {
                "venezuela-crisis",
                "en",
                "Venezuela's opposition called for new protests against Nicolás Maduro as the political crisis deepened."
            },
            {
                "venezuela-crisis",
                "es",
                "La oposición venezolana convocó nuevas protestas contra Nicolás Maduro mientras se agrava la crisis política."
            },
            {
                "venezuela-crisis",
                "fr",
                "L'opposition vénézuélienne a appelé à de nouvelles manifestations contre Nicolás Maduro alors que la crise politique s'aggrave."
            },
            {
                "us-mexico-relations",
                "en",
                "The United States and Mexico negotiated over border security and trade after Trump threatened tariffs on Mexican goods."
            },
            {
                "us-mexico-relations",
                "es",
                "Estados Unidos y México negociaron sobre seguridad fronteriza y comercio después de que Trump amenazara con aranceles a productos mexicanos."
            },
            {
                "us-mexico-relations",
                "fr",
                "Les États-Unis et le Mexique ont négocié sur la sécurité à la frontière et le commerce après que Trump a menacé de taxer les produits mexicains."
            },
            {
                "brexit",
                "en",
                "Britain's parliament voted again on the Brexit deal as the deadline to leave the European Union approached."
            },
            {
                "brexit",
                "es",
                "El Parlamento británico votó de nuevo el acuerdo del Brexit ante la fecha límite para salir de la Unión Europea."
            },
            {
                "brexit",
                "fr",
                "Le Parlement britannique a de nouveau voté sur l'accord du Brexit à l'approche de la date limite de sortie de l'Union européenne."
            },
            {
                "arms-control",
                "en",
                "Washington and Moscow discussed extending the New START treaty limiting their nuclear arsenals."
            },
            {
                "arms-control",
                "es",
                "Washington y Moscú discutieron prorrogar el tratado New START que limita sus arsenales nucleares."
            },
            {
                "arms-control",
                "fr",
                "Washington et Moscou ont discuté de la prolongation du traité New START qui limite leurs arsenaux nucléaires."
            },
            {
                "energy-geopolitics",
                "en",
                "Europe sought new gas suppliers as Russia cut deliveries through the Nord Stream pipeline."
            },
            {
                "energy-geopolitics",
                "es",
                "Europa buscó nuevos proveedores de gas mientras Rusia recortaba los suministros por el gasoducto Nord Stream."
            },
            {
                "energy-geopolitics",
                "fr",
                "L'Europe a cherché de nouveaux fournisseurs de gaz alors que la Russie réduisait ses livraisons par le gazoduc Nord Stream."
            },
            {"terrorism", "en", "A suicide bomber killed twenty people in an attack claimed by the Islamic State."},
            {
                "terrorism",
                "es",
                "Un terrorista suicida mató a veinte personas en un atentado reivindicado por el Estado Islámico."
            },
            {"terrorism", "fr", "Un kamikaze a tué vingt personnes dans un attentat revendiqué par l'État islamique."},
            {
                "kp-ru-rapprochement",
                "fr",
                "Pyongyang et Moscou ont signé un pacte de défense mutuelle qui rapproche la Corée du Nord de la Russie."
            },
            {
                "kp-ru-rapprochement",
                "fr",
                "La Russie reçoit des obus d'artillerie et des soldats nord-coréens pour sa guerre."
            },
            {
                "us-immigration",
                "fr",
                "L'administration Trump a durci les règles d'asile et multiplié les expulsions d'immigrés sans papiers aux États-Unis."
            },
            {"us-domestic-deployment", "fr", "Le Pentagone va envoyer des soldats à la frontière sud des États-Unis."},
            {"russia-ukraine-war", "en", "Kyiv said Russian missiles struck power plants across Ukraine overnight."},
            {
                "russia-ukraine-war",
                "es",
                "Kiev denunció que misiles rusos alcanzaron centrales eléctricas en toda Ucrania."
            },
            {"russia-ukraine-war", "fr", "L'armée ukrainienne a repoussé une attaque russe près de Bakhmout."},
            {
                "china-taiwan",
                "fr",
                "Pékin a mené des exercices militaires autour de Taïwan après la visite de la présidente taïwanaise aux États-Unis."
            },
            {
                "venezuela-crisis",
                "fr",
                "Des millions de Vénézuéliens ont fui la crise économique et politique de leur pays."
            },
            {"us-mexico-relations", "fr", "Le président mexicain a rencontré Joe Biden à la Maison Blanche."},
            {"brexit", "en", "Theresa May asked the EU for another delay to Britain's departure."},
            {"brexit", "fr", "Le Royaume-Uni a quitté l'Union européenne le 31 janvier."},
            {
                "arms-control",
                "fr",
                "La Russie a suspendu sa participation au dernier traité de contrôle des armes nucléaires avec les États-Unis."
            },
            {
                "arms-control",
                "fr",
                "Les États-Unis se sont retirés du traité sur les forces nucléaires à portée intermédiaire."
            },
            {"energy-geopolitics", "fr", "L'Union européenne a plafonné le prix du pétrole russe."},
            // a third round, headline-like, written after the second round's fixes
            {
                "kp-ru-rapprochement",
                "en",
                "Putin hosts Kim Jong Un at a Russian spaceport as the two nations pledge closer ties."
            },
            {"kp-ru-rapprochement", "es", "Kim Jong Un viaja a Vladivostok para reunirse con Putin."},
            {"kp-nuclear-missile", "fr", "Pyongyang affirme avoir testé avec succès une bombe à hydrogène."},
            {"sanctions", "en", "The US Treasury froze the assets of five Russian oligarchs."},
            {"sanctions", "es", "Estados Unidos sanciona a funcionarios venezolanos por corrupción."},
            {"israel-palestine", "es", "Netanyahu rechaza un Estado palestino."},
            {"china-taiwan", "fr", "Pékin met en garde Washington contre toute vente d'armes à Taïwan."},
            {"us-mexico-relations", "es", "López Obrador viaja a Washington para reunirse con Trump."},
            {"brexit", "en", "British lawmakers rejected Theresa May's withdrawal agreement for a third time."},
            {"brexit", "es", "Boris Johnson promete sacar al Reino Unido de la UE el 31 de octubre."},
            {"brexit", "fr", "Londres et Bruxelles trouvent un accord sur la frontière irlandaise."},
            {"energy-geopolitics", "fr", "L'Allemagne suspend le gazoduc Nord Stream 2."},
        };
        java.util.Set<String> covered = new java.util.HashSet<>();
        for (String[] s : statements) {
            ArticleText text = new ArticleText(s[2], null, s[2], s[1]);
            assertThat(SHIPPED.tag(text, LINKER.link(text, s[1]).mentions()))
                    .as(s[1] + ": " + s[2])
                    .extracting(TopicMatch::id)
                    .contains(s[0]);
            covered.add(s[0] + "/" + s[1]);
        }
        for (var topic : TopicRules.fromClasspath().topics()) {
            assertThat(covered).contains(topic.id() + "/en", topic.id() + "/es", topic.id() + "/fr");
        }
    }

    @Test
    void shouldLeaveATreatyOnIransOwnProgrammeToIranNuclearAndNotCallItArmsControl() {
        ArticleText iran = new ArticleText(
                "Iran and the world powers signed a treaty limiting its nuclear weapons programme.", null, "", "en");
        ArticleText general = new ArticleText(
                "Russia and the United States signed a treaty limiting their nuclear weapons.", null, "", "en");

        assertThat(SHIPPED.tag(iran, LINKER.link(iran, "en").mentions()))
                .extracting(TopicMatch::id)
                .contains("iran-nuclear")
                .doesNotContain("arms-control");
        assertThat(SHIPPED.tag(general, LINKER.link(general, "en").mentions()))
                .extracting(TopicMatch::id)
                .contains("arms-control");
    }

    /**
     * Ordinary news stated plainly, naming the countries of the taxonomy's topics without being about them: a
     * football team travelling to the United States is not US-Mexico relations.
     */
    @Test
    void shouldReportNoTopicForOrdinaryNewsNamingTheSameCountries() {
        String[][] statements = {
            {"en", "Real Madrid beat Barcelona 2-1 in the Spanish league on Sunday."},
            {"en", "The central bank raised interest rates by a quarter point to fight inflation."},
            {"en", "Apple unveiled a new iPhone with a faster chip and a better camera."},
            {"en", "Heavy rain caused flooding in several towns in the south of France."},
            {"es", "El Real Madrid venció al Barcelona 2-1 en la liga española el domingo."},
            {"es", "El banco central subió los tipos de interés un cuarto de punto para combatir la inflación."},
            {"es", "Las lluvias torrenciales provocaron inundaciones en varios pueblos del sur de España."},
            {"es", "La selección mexicana de fútbol viajará a Estados Unidos para un partido amistoso."},
            {"fr", "Le Real Madrid a battu Barcelone 2-1 en championnat d'Espagne dimanche."},
            {"fr", "La banque centrale a relevé ses taux d'intérêt d'un quart de point pour lutter contre l'inflation."
            },
            {"fr", "Des pluies torrentielles ont provoqué des inondations dans plusieurs villes du sud de la France."},
            {"fr", "Le président français a inauguré un nouveau musée à Marseille."},
            {"en", "The Russian ballet company will perform in Seoul next month."},
            {"en", "Mexican and American scientists discovered a new species of frog."},
            {"es", "La FIFA sancionó a la federación mexicana con una multa por cánticos homofóbicos."},
            {"en", "The Chinese and American tennis players met in the final of the US Open."},
            {"en", "Ukrainian singer wins the Eurovision song contest in Turin."},
            {"en", "Israeli startup raises 50 million dollars to develop batteries."},
            {"en", "Oil prices rose 2% on Monday on strong demand from Asia."},
            {"en", "Iranian film director wins the Golden Bear at the Berlin festival."},
        };
        for (String[] s : statements) {
            ArticleText text = new ArticleText(s[1], null, s[1], s[0]);
            assertThat(SHIPPED.tag(text, LINKER.link(text, s[0]).mentions()))
                    .as(s[1])
                    .isEmpty();
        }
    }
}
