package io.newsflow.analysis.linking;

import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityKind;
import io.newsflow.analysis.EntityMention;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.TextField;
import io.newsflow.analysis.kb.Alias;
import io.newsflow.analysis.kb.AliasKind;
import io.newsflow.analysis.kb.KbEntity;
import io.newsflow.analysis.kb.KnowledgeBase;
import io.newsflow.analysis.text.CodePoints;
import io.newsflow.analysis.text.Folding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Links surface forms to knowledge-base entities. A {@link SurfaceIndex} over the folded surface forms finds
 * candidates in folded text (same length as the original, so offsets carry over); then:
 * <ol>
 *   <li>word boundaries are enforced on both sides;</li>
 *   <li>case: proper names must be capitalised in the text, short acronyms ("US", "UN") must match exactly, and
 *       exact-case acronyms are ignored in a field written in capitals;</li>
 *   <li>a surface that is a common word of the detected language is refused;</li>
 *   <li>overlaps are resolved by the longest match, then the earliest;</li>
 *   <li>a form restricted to other languages is refused ("EU" is the United States in Spanish text);</li>
 *   <li>a place name glued to a capitalised prefix ("New Jersey", "Nuevo León") or to an institution suffix
 *       ("Washington Post") is taken to be part of an unknown longer name and dropped; so is a location followed by
 *       a capitalised word ("Vladimir Padrino", "Mauricio Macri") and a place preceded by one ("Juan Manuel
 *       Santos"), outside title-case headlines; these judge a surface's place readings alone, so a surname the
 *       knowledge base also knows does not keep the place alive; names never run across a line break;</li>
 *   <li>in Spanish, a city after "el", "del" or "al" is a club of its name ("futbolista del Barcelona", "El
 *       Guadalajara es último"), and so is the province named after it, unless the article is part of the city's
 *       own name ("del Cairo"); such a name is not linked;</li>
 *   <li>a place after a known given name ({@link KnowledgeBase#isFirstName}) is a surname everywhere in the article,
 *       at a sentence start and in headlines too ("Willy Toledo"); after another capitalised word ("Real Madrid",
 *       "Kellyanne Conway") it is part of a name everywhere except where the text places it ("en Madrid",
 *       "(Madrid)", "Madrid, España");</li>
 *   <li>a place named with a facility or feature word after it ("Santa Cruz Island", "Kansas City") is part of that
 *       name, and nothing inside a name dropped as part of a longer one links ("Secretaría de Salud de la Ciudad de
 *       México"); an article between "de/of" and a non-country place changes nothing ("Cumbre de las Américas");</li>
 *   <li>an organisation's acronym heading an unknown body's name ("MRC Centre for …") is not linked;</li>
 *   <li>a company's one-word name ("Amazon", "International") links only in an article where a sentence naming it
 *       has a business word ({@link BusinessWords});</li>
 *   <li>a place's short name ("Gaza") means the place the article names in full ("Franja de Gaza"), wherever in the
 *       article the full name stands;</li>
 *   <li>among candidates, countries and curated people and organisations win over places; a place needs to be a
 *       national capital, or have at least {@value #BIG_CITY} inhabitants, or belong to a country mentioned in the
 *       article; ties prefer a mentioned country, then (people and organisations) the country the article's
 *       mentions belong to most often, then prominence, then a capital, then the larger population;</li>
 *   <li>a person or organisation whose name another of another country shares, equally prominent and equally
 *       present in the article, is left unlinked ("Workers' Party" in an article naming none of the thirty
 *       countries that have one);</li>
 *   <li>every word the knowledge base capitalises must be capitalised in the text ("Enough is Enough" the party);
 *       a short word written in capitals matches only a known acronym ("DACA" is not Daca, i.e. Dhaka);</li>
 *   <li>demonyms are adjectives: "presidente ruso Vladimir Putin" links Russia and Putin;</li>
 *   <li>a country and a region of the same name (Georgia): the region after "the state of" / "el estado de" or when
 *       the article's unambiguous mentions belong to the region's country and not the other; the country in the
 *       opposite case or when the region lies in it (México); unlinked when the context does not decide. A city
 *       beats a region of its name (New York) unless the text says "the state of";</li>
 *   <li>an acronym the article defines ("Partido Acción Nacional (PAN)": capitals in brackets that are the
 *       initials of the words before them, stop words aside) means what that long name links to wherever the
 *       article writes it, over any other entity of the acronym; if the knowledge base does not know the long
 *       name, the acronym is not linked in that article. Capitals in brackets after a linked name that are not its
 *       initials define it too, except after a person's name, where they are the party ("Felipe Calderón
 *       (PAN)");</li>
 *   <li>ambiguous short names ("Kim") link only after a full mention of the same entity earlier in the article;
 *       in the title and lede, a full mention anywhere in the article counts (headlines use surnames before the
 *       body introduces the full name).</li>
 * </ol>
 * Immutable and thread-safe after construction.
 */
public final class EntityLinker {
    static final long BIG_CITY = 1_000_000;
    static final long MIN_SUPPORTED_PLACE = 20_000;
    private static final Set<String> COMPOUND_PREFIXES = Set.of(
            "new",
            "nueva",
            "nuevo",
            "nouvelle",
            "nouveau",
            "neu",
            "nieuw",
            "nova",
            "novo",
            "north",
            "south",
            "east",
            "west",
            "upper",
            "lower",
            "greater",
            "baja",
            "alta",
            "san",
            "santa",
            "saint",
            "st",
            "fort",
            "port",
            "puerto",
            "lake",
            "mount",
            "cape",
            "cabo",
            "little",
            "gran");
    private static final Set<String> INSTITUTION_SUFFIXES = Set.of(
            "post",
            "times",
            "journal",
            "herald",
            "tribune",
            "gazette",
            "globe",
            "street",
            "avenue",
            "university",
            "county",
            "state",
            "consensus",
            "redskins",
            "nationals",
            "wizards",
            "capitals",
            // geographic features and facilities named after a place: "Santa Cruz Island", "Kansas City"
            "island",
            "islands",
            "river",
            "bay",
            "valley",
            "mountains",
            "peninsula",
            "strait",
            "canal",
            "desert",
            "basin",
            "airport",
            "stadium",
            "college",
            "city",
            "club",
            "airlines",
            "airways");
    /** Last words of the name of a body that belongs to, or is named after, another ("UN Security Council"). */
    private static final Set<String> BODY_HEADS = Set.of(
            "council",
            "centre",
            "center",
            "institute",
            "committee",
            "commission",
            "agency",
            "programme",
            "program",
            "fund",
            "foundation",
            "unit",
            "laboratory",
            "office",
            "mission",
            "bureau",
            "court",
            "authority",
            "board");

    /**
     * Whether one to three capitalised words after an acronym end in a {@link #BODY_HEADS} word: the acronym is then
     * the first word of an unknown body's name ("MRC Centre for Global Infectious Disease Analysis", "UN Human
     * Rights Council"), not a mention of its own.
     */
    private static boolean headsLongerBodyName(String original, String folded, int end) {
        int position = end;
        for (int words = 0; words < 3; words++) {
            String next = wordAfter(original, folded, position);
            if (next == null || !Character.isUpperCase(original.charAt(position + 1))) {
                return false;
            }
            if (BODY_HEADS.contains(next)) {
                return true;
            }
            position += 1 + next.length();
        }
        return false;
    }

    /** Articles that may stand between "of"/"de" and the place closing a longer name. */
    private static final Set<String> ARTICLES_AFTER_OF = Set.of("the", "la", "las", "los", "el", "les", "le");
    /** "presidente de México Andrés Manuel López Obrador": after these, a following name is an apposition. */
    private static final Set<String> OF_WORDS = Set.of("de", "del", "of", "du", "des", "von", "da", "do", "di", "van");
    /** Capitalised words that follow a place name without making it part of a longer name. */
    private static final Set<String> NEUTRAL_FOLLOWERS = Set.of(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "and",
            "y",
            "e",
            "et",
            "und",
            "in",
            "on",
            "at",
            "the",
            "el",
            "la",
            "en");

    private final KnowledgeBase kb;
    private final SurfaceIndex<List<Alias>> index;
    private final Map<String, KbEntity> organisationsBySignificantWords;
    private final UnknownNames unknownNames;

    public EntityLinker(KnowledgeBase kb) {
        this.kb = kb;
        this.unknownNames = new UnknownNames(kb);
        this.index = SurfaceIndex.of(kb.aliasesByFoldedSurface());
        this.organisationsBySignificantWords = organisationsBySignificantWords(kb);
    }

    /**
     * Organisations by the significant words of their names (folded, {@link #ACRONYM_STOP_WORDS} left out, at
     * least two words), for a long name written with other stop words than the knowledge base's: "Organización de
     * Estados Americanos (OEA)" is the "Organización de los Estados Americanos". Keys two organisations share are
     * left out.
     */
    private static Map<String, KbEntity> organisationsBySignificantWords(KnowledgeBase kb) {
        Map<String, KbEntity> out = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Map.Entry<String, List<Alias>> e : kb.aliasesByFoldedSurface().entrySet()) {
            String key = significantWords(e.getKey());
            if (key == null) {
                continue;
            }
            for (Alias a : e.getValue()) {
                if (a.entity().kind() != EntityKind.ORG
                        || (a.kind() != AliasKind.NAME && a.kind() != AliasKind.ALIAS)) {
                    continue;
                }
                KbEntity previous = out.putIfAbsent(key, a.entity());
                if (previous != null && !previous.qid().equals(a.entity().qid())) {
                    shared.add(key);
                }
            }
        }
        out.keySet().removeAll(shared);
        return Map.copyOf(out);
    }

    /** The folded words of {@code text} other than {@link #ACRONYM_STOP_WORDS}, space-separated; null if fewer than two. */
    private static String significantWords(String text) {
        StringBuilder key = new StringBuilder();
        int words = 0;
        for (String w : Folding.fold(text).split(" ")) {
            if (w.isEmpty() || ACRONYM_STOP_WORDS.contains(w)) {
                continue;
            }
            if (words++ > 0) {
                key.append(' ');
            }
            key.append(w);
        }
        return words >= 2 ? key.toString() : null;
    }

    /**
     * @param regionCue the text says a region is meant ("the state of X", "el estado de X", "X State")
     */
    private record Candidate(TextField field, int start, int end, List<Alias> aliases, boolean regionCue) {
        int length() {
            return end - start;
        }
    }

    /** Links the entities of {@code text}; {@code language} is an ISO 639-1 code or "und". */
    public Linking link(ArticleText text, String language) {
        Set<String> surnames = new HashSet<>();
        Set<String> weakSurnames = new HashSet<>();
        Set<String> brandsInBusinessSentences = new HashSet<>();
        Map<TextField, List<Candidate>> byField = new LinkedHashMap<>();
        // fields in capitals or in title case: their capitals say nothing about names (read once: each is a pass over
        // the whole field)
        EnumSet<TextField> shouted = EnumSet.noneOf(TextField.class);
        EnumSet<TextField> titleCased = EnumSet.noneOf(TextField.class);
        for (TextField field : TextField.values()) {
            if (isMostlyUpperCase(text.field(field))) {
                shouted.add(field);
            }
            if (isTitleCase(text.field(field))) {
                titleCased.add(field);
            }
        }
        for (TextField field : TextField.values()) {
            byField.put(
                    field,
                    candidates(
                            field,
                            text.field(field),
                            language,
                            shouted.contains(field),
                            titleCased.contains(field),
                            surnames,
                            weakSurnames,
                            brandsInBusinessSentences));
        }
        // "Kellyanne Conway ... Conway said": a place name seen as a surname is a surname throughout the article;
        // a one-word brand links only when some sentence of the article speaks of it as a business
        byField.replaceAll((field, list) -> nonOverlapping(list.stream()
                .map(c -> isSurnameHere(text.field(field), c, surnames, weakSurnames) ? withoutPlaces(c) : c)
                .filter(c -> c != null)
                .map(c -> withoutUnsupportedBrands(c, brandsInBusinessSentences))
                .filter(c -> c != null)
                .toList()));
        Set<String> mentionedCountries = new HashSet<>();
        Map<String, Integer> countryMentions = new HashMap<>();
        for (List<Candidate> list : byField.values()) {
            for (Candidate c : list) {
                if (isCountryOrRegion(c)) {
                    continue; // "Georgia": which country it names is what the context must decide
                }
                c.aliases().stream()
                        .filter(a -> a.entity().isCountry())
                        .forEach(a -> mentionedCountries.add(a.entity().countryCode()));
                Set<String> codes = new HashSet<>();
                c.aliases().forEach(a -> codes.add(a.entity().countryCode()));
                if (codes.size() == 1 && !codes.contains(null)) {
                    countryMentions.merge(codes.iterator().next(), 1, Integer::sum);
                }
            }
        }

        Set<String> introducedInBody = new HashSet<>();
        for (Candidate c : byField.get(TextField.BODY)) {
            c.aliases().stream()
                    .filter(a -> a.kind() == AliasKind.NAME || a.kind() == AliasKind.ALIAS)
                    .forEach(a -> introducedInBody.add(a.entity().qid()));
        }
        // a place's short name ("Gaza") means the place whose full name ("Franja de Gaza") the article uses anywhere:
        // unlike a person's surname, it does not wait for the full name to come first
        Set<String> placesNamedAnywhere = new HashSet<>();
        for (List<Candidate> list : byField.values()) {
            for (Candidate c : list) {
                for (Alias a : c.aliases()) {
                    if (a.entity().kind() == EntityKind.LOC
                            && (a.kind() == AliasKind.NAME || a.kind() == AliasKind.ALIAS)) {
                        placesNamedAnywhere.add(a.entity().qid());
                    }
                }
            }
        }
        List<ResolvedMention> resolved = new ArrayList<>();
        Set<String> introduced = new HashSet<>(placesNamedAnywhere);
        for (Map.Entry<TextField, List<Candidate>> entry : byField.entrySet()) {
            Set<String> antecedents = introduced;
            if (entry.getKey() != TextField.BODY) {
                antecedents = new HashSet<>(introduced);
                antecedents.addAll(introducedInBody);
            }
            for (Candidate c : entry.getValue()) {
                Choice choice = choose(c, mentionedCountries, countryMentions, antecedents);
                if (choice == null) {
                    continue;
                }
                if (choice.alias().kind() == AliasKind.NAME || choice.alias().kind() == AliasKind.ALIAS) {
                    introduced.add(choice.alias().entity().qid());
                    antecedents.add(choice.alias().entity().qid());
                }
                resolved.add(new ResolvedMention(
                        c.field(),
                        c.start(),
                        c.end(),
                        choice.alias().entity(),
                        choice.alias().kind(),
                        choice.confidence()));
            }
        }
        resolved = withDefinedAcronyms(resolved, text);
        Set<TextField> noCaseInformation = EnumSet.copyOf(shouted);
        noCaseInformation.addAll(titleCased);
        return new Linking(
                group(resolved, text), resolved, unknownNames.find(text, language, resolved, noCaseInformation));
    }

    /** Spanish articles before a city's name that make it a club's ("del Barcelona", "el Valencia", "al Sevilla"). */
    private static final Set<String> CLUB_ARTICLES = Set.of("el", "del", "al");

    private static boolean isClubArticle(String word) {
        return word != null && CLUB_ARTICLES.contains(word);
    }

    /**
     * The place readings of a name after a Spanish "el/del/al" that are a club's: when the name reads as a city, that
     * city and the province named after it (Barcelona, Puebla), except a place the knowledge base names with the
     * article ("El Cairo"); none when it reads only as a region, which may take one ("el Caribe", "el País Vasco").
     */
    private List<Alias> readAsClub(List<Alias> locations, String foldedName) {
        List<Alias> namedWithArticle = kb.aliasesByFoldedSurface().getOrDefault("el " + foldedName, List.of());
        List<Alias> places = new ArrayList<>();
        for (Alias a : locations) {
            if (a.entity().isPlace()
                    && namedWithArticle.stream().noneMatch(n -> n.entity().equals(a.entity()))) {
                places.add(a);
            }
        }
        return places.stream().anyMatch(a -> !a.entity().isRegion()) ? places : List.of();
    }

    /** Words before a place name that say the text means the place: "en Madrid", "in Paris", "from London". */
    private static final Set<String> LOCATIVES = Set.of(
            "en", "in", "de", "del", "desde", "hacia", "from", "to", "at", "near", "a", "au", "em", "no", "na", "nach",
            "aus", "bei");

    /**
     * Whether a place candidate is a surname here: after a known given name anywhere in the article, or after an
     * unknown capitalised word anywhere unless this mention is placed by the text itself.
     */
    private static boolean isSurnameHere(String original, Candidate c, Set<String> surnames, Set<String> weakSurnames) {
        if (surnames.isEmpty() && weakSurnames.isEmpty()) {
            return false;
        }
        String key = Folding.fold(original.substring(c.start(), c.end()));
        if (surnames.contains(key)) {
            return true;
        }
        if (!weakSurnames.contains(key)) {
            return false;
        }
        if (c.start() > 0 && original.charAt(c.start() - 1) == '(') {
            return false;
        }
        if (c.end() + 2 < original.length()
                && original.charAt(c.end()) == ','
                && original.charAt(c.end() + 1) == ' '
                && Character.isUpperCase(original.charAt(c.end() + 2))) {
            return false; // "Madrid, España"
        }
        int e = c.start() - 1;
        if (e < 1 || original.charAt(e) != ' ') {
            return true;
        }
        int b = e;
        while (b > 0 && Character.isLetter(original.charAt(b - 1))) {
            b--;
        }
        return !(b < e && LOCATIVES.contains(original.substring(b, e)));
    }

    /** The candidate without its place readings (a surname here), or null when nothing else is left. */
    private static Candidate withoutPlaces(Candidate c) {
        List<Alias> kept = new ArrayList<>(c.aliases().size());
        for (Alias a : c.aliases()) {
            if (!a.entity().isPlace()) {
                kept.add(a);
            }
        }
        if (kept.size() == c.aliases().size()) {
            return c;
        }
        return kept.isEmpty() ? null : new Candidate(c.field(), c.start(), c.end(), kept, c.regionCue());
    }

    private static Candidate withoutUnsupportedBrands(Candidate c, Set<String> brandsInBusinessSentences) {
        boolean unsupported = false;
        for (Alias a : c.aliases()) {
            if (isOneWordBrand(a, c.start(), c.end())
                    && !brandsInBusinessSentences.contains(a.entity().qid())) {
                unsupported = true;
                break;
            }
        }
        if (!unsupported) {
            return c;
        }
        List<Alias> kept = new ArrayList<>(c.aliases().size());
        for (Alias a : c.aliases()) {
            if (!isOneWordBrand(a, c.start(), c.end())
                    || brandsInBusinessSentences.contains(a.entity().qid())) {
                kept.add(a);
            }
        }
        return kept.isEmpty() ? null : new Candidate(c.field(), c.start(), c.end(), kept, c.regionCue());
    }

    /**
     * @param shouting                  the field is written mostly in capitals
     * @param titleCase                 the field is a headline in title case
     * @param surnames                  collects place names seen as surnames ("Paul London")
     * @param weakSurnames              collects place names seen after an unknown capitalised word ("Real Madrid")
     * @param brandsInBusinessSentences collects the one-word brands named in a sentence with a business word
     */
    private List<Candidate> candidates(
            TextField field,
            String original,
            String language,
            boolean shouting,
            boolean titleCase,
            Set<String> surnames,
            Set<String> weakSurnames,
            Set<String> brandsInBusinessSentences) {
        if (original.isEmpty()) {
            return List.of();
        }
        String folded = Folding.fold(original);
        List<Candidate> out = new ArrayList<>();
        // spans of longer names found to be part of a still longer unknown name: nothing inside them links either
        // ("Secretaría de Salud de la Ciudad de México" names neither Mexico City nor Mexico)
        List<int[]> partOfLongerName = new ArrayList<>();
        index.find(folded, (begin, end, aliases) -> {
            String surface = original.substring(begin, end);
            // a word of the language in a line written in capitals ("EVITANDO UN ENCONTRONAZO") is that word, not
            // the acronym it spells (UN); an acronym that is no such word (ONU, OMS) still links there
            boolean shoutedWord = isShortAllCaps(surface)
                    && kb.isStopword(language, surface)
                    && betweenCapitalisedWords(original, begin, end);
            List<Alias> fitting = new ArrayList<>(aliases.size());
            for (Alias a : aliases) {
                if (!shoutedWord && fits(a, surface, shouting, language)) {
                    fitting.add(a);
                }
            }
            if (fitting.isEmpty()) {
                return;
            }
            // "Acuerdo de París": neither Paris the city nor a Paris whose full name came earlier
            if (!titleCase
                    && fitting.stream()
                            .allMatch(a -> (a.entity().kind() == EntityKind.LOC && a.kind() != AliasKind.DEMONYM)
                                    || a.requiresAntecedent())
                    && closesOfName(
                            original,
                            folded,
                            begin,
                            fitting.stream().anyMatch(a -> a.entity().isCountry()))) {
                partOfLongerName.add(new int[] {begin, end});
                return;
            }
            // "MRC Centre for …": an organisation's acronym heading an unknown body's name is not that organisation;
            // a country's stays ("US Supreme Court" is in the US)
            if (fitting.stream().allMatch(a -> a.caseSensitive() && !a.entity().isCountry())
                    && headsLongerBodyName(original, folded, end)) {
                return;
            }
            // demonyms ("Russian President Vladimir Putin") are adjectives, never part of a longer name; the place
            // readings of a surface are judged on their own, so a surname the knowledge base also knows ("Juan
            // Manuel Santos") does not keep Santos the city alive
            List<Alias> locations = new ArrayList<>(fitting.size());
            for (Alias a : fitting) {
                if (a.entity().kind() == EntityKind.LOC && a.kind() != AliasKind.DEMONYM) {
                    locations.add(a);
                }
            }
            // "futbolista del Barcelona", "el Valencia ganó": in Spanish a city takes no article, so one after "el",
            // "del" or "al" is a club or another body of its name, unless the article is part of the city's own
            // name ("del Cairo": El Cairo)
            if (!locations.isEmpty() && "es".equals(language) && isClubArticle(wordBefore(original, folded, begin))) {
                List<Alias> club = readAsClub(locations, folded.substring(begin, end));
                fitting.removeAll(club);
                locations.removeAll(club);
                if (fitting.isEmpty()) {
                    return;
                }
            }
            if (!locations.isEmpty()) {
                NameContext context = nameContext(original, folded, begin, end, locations, titleCase);
                if (context == NameContext.SURNAME) {
                    surnames.add(folded.substring(begin, end));
                } else if (context == NameContext.NAME_AFTER_UNKNOWN_WORD) {
                    weakSurnames.add(folded.substring(begin, end));
                }
                if (context != NameContext.NONE) {
                    fitting.removeAll(locations);
                    if (fitting.isEmpty()) {
                        partOfLongerName.add(new int[] {begin, end});
                        return;
                    }
                }
            }
            // "the Amazon rainforest", "the International Space Station": a brand's one-word name is a common word
            // or a place as often as the company, so it needs a business word in a sentence naming it (checked
            // once the whole article is read)
            if (fitting.stream().anyMatch(a -> isOneWordBrand(a, begin, end))
                    && BusinessWords.inSentence(original, folded, begin, end)) {
                for (Alias a : fitting) {
                    if (isOneWordBrand(a, begin, end)) {
                        brandsInBusinessSentences.add(a.entity().qid());
                    }
                }
            }
            out.add(new Candidate(field, begin, end, fitting, hasRegionCue(folded, begin, end)));
        });
        if (!partOfLongerName.isEmpty()) {
            Predicate<Candidate> insideLongerName = insideALongerSpan(partOfLongerName);
            out.removeIf(insideLongerName);
        }
        return out;
    }

    /**
     * Whether a candidate lies inside one of {@code spans} that is longer than it. Answered in logarithmic time from
     * the largest end among spans starting at or before the candidate (a scan of every span per candidate made a long
     * article quadratic).
     */
    private static Predicate<Candidate> insideALongerSpan(List<int[]> spans) {
        TreeMap<Integer, Integer> maxEndByStart = new TreeMap<>();
        for (int[] span : spans) {
            maxEndByStart.merge(span[0], span[1], Math::max);
        }
        TreeMap<Integer, Integer> maxEndUpTo = new TreeMap<>();
        int running = Integer.MIN_VALUE;
        for (Map.Entry<Integer, Integer> e : maxEndByStart.entrySet()) {
            running = Math.max(running, e.getValue());
            maxEndUpTo.put(e.getKey(), running);
        }
        return c -> {
            // a span starting before the candidate and ending at or after its end is longer than it...
            Map.Entry<Integer, Integer> before = maxEndUpTo.lowerEntry(c.start());
            // ...and so is one starting where it starts and ending after it
            Integer sameStart = maxEndByStart.get(c.start());
            return (before != null && before.getValue() >= c.end()) || (sameStart != null && sameStart > c.end());
        };
    }

    /**
     * A company of the name-suggestion-index (or a dump) matched by a one-word name: "Amazon", "Apple",
     * "International", "Tesla". Government bodies and multi-word names ("Apple Store") are not affected.
     */
    private static boolean isOneWordBrand(Alias a, int begin, int end) {
        return a.entity().kind() == EntityKind.ORG
                && COMPANY.equals(a.entity().subtype())
                && !a.caseSensitive()
                && end - begin == a.surface().length()
                && a.surface().indexOf(' ') < 0;
    }

    private static final String COMPANY = "company";
    private static final String NAME_ARTICLE = "The ";
    private static final String LOWER_CASE_ARTICLE = "the ";

    private boolean fits(Alias a, String surface, boolean shouting, String language) {
        if (!a.appliesTo(language)) {
            return false;
        }
        if (a.caseSensitive()) {
            return !shouting && surface.equals(a.surface());
        }
        if (a.requiresCapital()) {
            // English writes the article of a place's name in lower case inside a sentence ("in the Hague"); the
            // rest of the name must still be capitalised as the knowledge base writes it. Places only: for parties
            // and newspapers "the Left", "the Republicans" or "the Times" are as often common words or another body
            boolean article = a.entity().kind() == EntityKind.LOC
                    && surface.startsWith(LOWER_CASE_ARTICLE)
                    && a.surface().startsWith(NAME_ARTICLE);
            String kbForm = article ? a.surface().substring(NAME_ARTICLE.length()) : a.surface();
            String written = article ? surface.substring(LOWER_CASE_ARTICLE.length()) : surface;
            if (written.isEmpty()
                    || !Character.isUpperCase(written.codePointAt(0))
                    || !capitalisedLike(kbForm, written)) {
                return false;
            }
        }
        if (!shouting && isShortAllCaps(surface) && !isShortAllCaps(a.surface())) {
            return false; // "DACA" is an acronym, not Daca (Dhaka): only known acronyms match written in capitals
        }
        return !kb.isStopword(language, surface);
    }

    /**
     * Whether every word the knowledge base capitalises is capitalised in the text too ("Enough is Enough" the party,
     * not "enough is enough"); forms of different length (collapsed white space) are not compared.
     */
    private static boolean capitalisedLike(String kbForm, String text) {
        if (kbForm.length() != text.length()) {
            return true;
        }
        for (int i = 0; i < kbForm.length(); i++) {
            boolean wordStart = i == 0 || kbForm.charAt(i - 1) == ' ';
            if (wordStart && Character.isUpperCase(kbForm.charAt(i)) && !Character.isUpperCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isShortAllCaps(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2 && letters <= 6;
    }

    private static final Set<String> REGION_WORDS_BEFORE =
            Set.of("state of", "estado de", "etat de", "provincia de", "province of", "comunidad de", "region of");

    /** "the state of Georgia", "el estado de Washington", "New York State": the region, not the city or country. */
    private static boolean hasRegionCue(String folded, int begin, int end) {
        String before = folded.substring(Math.max(0, begin - 12), begin).stripTrailing();
        for (String cue : REGION_WORDS_BEFORE) {
            if (before.endsWith(cue)) {
                return true;
            }
        }
        String after = folded.substring(end, Math.min(folded.length(), end + 7));
        return after.startsWith(" state") && (after.length() == 6 || !Character.isLetter(after.charAt(6)));
    }

    /** Where a location name stands: alone, inside a longer name, or as the surname after a first name. */
    private enum NameContext {
        NONE,
        PART_OF_NAME,
        /** After a known given name ("Jorge Madrid"): a surname throughout the article. */
        SURNAME,
        /**
         * After another capitalised word ("Kellyanne Conway", "Real Madrid"): a surname or part of a name elsewhere in
         * the article too, except where the text itself places it ("en Madrid", "Madrid, España", "(Madrid)").
         */
        NAME_AFTER_UNKNOWN_WORD
    }

    /**
     * Role words that, capitalised before "of"/"de", keep the place they govern: "President of Mexico", "First Minister
     * of Scotland" name Mexico and Scotland, while "Bank of England" and "Acuerdo de París" do not name England or
     * Paris.
     */
    private static final Set<String> ROLES_BEFORE_OF = Set.of(
            "president",
            "presidente",
            "presidenta",
            "premier",
            "prime",
            "king",
            "rey",
            "roi",
            "queen",
            "reina",
            "emir",
            "governor",
            "gobernador",
            "gobernadora",
            "mayor",
            "alcalde",
            "alcaldesa",
            "minister",
            "ministro",
            "ministra",
            "ministre",
            "secretary",
            "secretario",
            "secretaria",
            "ambassador",
            "embajador",
            "embajadora",
            "government",
            "gobierno",
            "gouvernement",
            "people",
            "pueblo");
    /**
     * Kinds of region that, capitalised before "of"/"de", keep the place ("the State of Georgia") unless a capitalised
     * word precedes them too ("Islamic State of Iraq").
     */
    private static final Set<String> REGION_KINDS_BEFORE_OF = Set.of(
            "state",
            "estado",
            "etat",
            "province",
            "provincia",
            "region",
            "city",
            "ciudad",
            "ville",
            "capital",
            "north",
            "south",
            "east",
            "west",
            "norte",
            "sur",
            "este",
            "oeste",
            "centro",
            "center",
            "centre");

    /**
     * Whether the place at {@code begin} closes a longer capitalised name joined by "of"/"de": "Acuerdo de París",
     * "Islamic State of Iraq", "Bank of England", "Gulf of Mexico" (see {@link #ROLES_BEFORE_OF} and
     * {@link #REGION_KINDS_BEFORE_OF} for the heads that keep it).
     */
    private static boolean closesOfName(String original, String folded, int begin, boolean country) {
        String of = wordBefore(original, folded, begin);
        int ofStart = of == null ? -1 : begin - 1 - of.length();
        if (of != null
                && !country
                && ARTICLES_AFTER_OF.contains(of)
                && !Character.isUpperCase(original.charAt(ofStart))) {
            // "Cumbre de las Américas", "Summit of the Americas": the article between changes nothing; a country
            // keeps its article ("Constitution of the United States", "Departamento de Agricultura de los Estados
            // Unidos" name the country)
            of = wordBefore(original, folded, ofStart);
            ofStart = of == null ? -1 : ofStart - 1 - of.length();
        }
        if (of == null || !OF_WORDS.contains(of) || Character.isUpperCase(original.charAt(ofStart))) {
            return false;
        }
        int headEnd = ofStart;
        String head = wordBefore(original, folded, headEnd);
        if (head == null || head.length() < 2) {
            return false;
        }
        int headStart = headEnd - 1 - head.length();
        if (!Character.isUpperCase(original.charAt(headStart)) || ROLES_BEFORE_OF.contains(head)) {
            return false;
        }
        if (!REGION_KINDS_BEFORE_OF.contains(head)) {
            return true;
        }
        String beforeHead = wordBefore(original, folded, headStart);
        return beforeHead != null
                && beforeHead.length() > 1
                && Character.isUpperCase(original.charAt(headStart - 1 - beforeHead.length()))
                && !startsSentence(original, headStart - 1 - beforeHead.length());
    }

    private NameContext nameContext(
            String original, String folded, int begin, int end, List<Alias> aliases, boolean titleCase) {
        String previous = wordBefore(original, folded, begin);
        boolean previousCapitalised =
                previous != null && Character.isUpperCase(original.charAt(begin - 1 - previous.length()));
        if (previousCapitalised && COMPOUND_PREFIXES.contains(previous)) {
            return NameContext.PART_OF_NAME;
        }
        boolean placesOnly = aliases.stream().allMatch(a -> a.entity().isPlace());
        // "Jorge Madrid", "Paul London": after a known given name a place is a surname, at the start of a sentence
        // and in a title-case headline too
        if (placesOnly
                && previousCapitalised
                && kb.isFirstName(previous)
                && isSingleWord(folded, begin, end)
                && !aliases.stream().anyMatch(Alias::caseSensitive)) {
            return NameContext.SURNAME;
        }
        String next = wordAfter(original, folded, end);
        boolean nextCapitalised = next != null && Character.isUpperCase(original.charAt(end + 1));
        if (placesOnly && nextCapitalised && INSTITUTION_SUFFIXES.contains(next)) {
            return NameContext.PART_OF_NAME;
        }
        if (titleCase || aliases.stream().anyMatch(Alias::caseSensitive)) {
            return NameContext.NONE;
        }
        boolean nextIsNamePart = nextCapitalised
                && next.length() > 1
                && !NEUTRAL_FOLLOWERS.contains(next)
                && Character.isLowerCase(original.charAt(end + 2))
                && isSingleWord(folded, begin, end)
                && (previous == null || !OF_WORDS.contains(previous));
        boolean previousIsNamePart = placesOnly
                && previousCapitalised
                && !NEUTRAL_FOLLOWERS.contains(previous)
                && !startsSentence(original, begin - 1 - previous.length());
        if (previousIsNamePart && isSingleWord(folded, begin, end)) {
            return NameContext.NAME_AFTER_UNKNOWN_WORD;
        }
        return nextIsNamePart || previousIsNamePart ? NameContext.PART_OF_NAME : NameContext.NONE;
    }

    private static boolean isSingleWord(String folded, int begin, int end) {
        int space = folded.indexOf(' ', begin);
        return space < 0 || space >= end;
    }

    /** Whether the word at {@code index} is the first of its sentence or line. */
    private static boolean startsSentence(String original, int index) {
        int i = index - 1;
        while (i >= 0
                && (original.charAt(i) == ' '
                        || original.charAt(i) == '"'
                        || original.charAt(i) == '\u201C'
                        || original.charAt(i) == '\u00AB'
                        || original.charAt(i) == '('
                        || original.charAt(i) == '\u00BF'
                        || original.charAt(i) == '\u00A1')) {
            i--;
        }
        return i < 0 || ".!?:;\n\r\u2026-\u2014".indexOf(original.charAt(i)) >= 0;
    }

    /** A headline in title case ("Trump Meets Kim In Hanoi"): capitalisation says nothing about names there. */
    static boolean isTitleCase(String text) {
        // one pass over the characters: a field is read twice per article, and splitting a whole body into strings
        // with a regular expression was 5-8% of English enrichment
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int i = 0;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int words = 0;
        int capitalised = 0;
        boolean inWord = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                words++;
                if (Character.isUpperCase(text.codePointAt(i))) {
                    capitalised++;
                }
            }
        }
        return words >= 4 && capitalised * 10 >= words * 6;
    }

    /** The characters of the regular expression class {@code \s}: ASCII white space. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }

    /** The word just before {@code begin}, separated by exactly one space or hyphen (not a line break), or null. */
    private static String wordBefore(String original, String folded, int begin) {
        if (begin < 2 || !joinsWords(original.charAt(begin - 1))) {
            return null;
        }
        int e = begin - 1;
        int s = e;
        while (s > 0 && Character.isLetter(folded.charAt(s - 1))) {
            s--;
        }
        return s < e ? folded.substring(s, e) : null;
    }

    /** A space or hyphen joins two words of one name; a line break never does ("en Lima\nTras semanas"). */
    private static boolean joinsWords(char c) {
        return c == ' ' || c == '-' || c == '\u00A0';
    }

    private static String wordAfter(String original, String folded, int end) {
        if (end + 1 >= folded.length() || !joinsWords(original.charAt(end))) {
            return null;
        }
        int s = end + 1;
        int e = s;
        while (e < folded.length() && Character.isLetter(folded.charAt(e))) {
            e++;
        }
        return e > s ? folded.substring(s, e) : null;
    }

    private static boolean isBoundary(String folded, int index) {
        if (index < 0 || index >= folded.length()) {
            return true;
        }
        char c = folded.charAt(index);
        return !Character.isLetterOrDigit(c)
                && !Character.isSurrogate(c)
                && Character.getType(c) != Character.NON_SPACING_MARK;
    }

    /**
     * Whether the words just before and just after {@code [begin, end)}, on the same line, are written in capitals
     * (two letters or more, no lower case letter).
     */
    private static boolean betweenCapitalisedWords(String text, int begin, int end) {
        int e = begin;
        while (e > 0 && text.charAt(e - 1) == ' ') {
            e--;
        }
        int s = e;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1)) && e - s < LONGEST_WORD) {
            s--;
        }
        int s2 = end;
        while (s2 < text.length() && text.charAt(s2) == ' ') {
            s2++;
        }
        int e2 = s2;
        while (e2 < text.length() && !Character.isWhitespace(text.charAt(e2)) && e2 - s2 < LONGEST_WORD) {
            e2++;
        }
        // a run of letters longer than any word is not a word (and scanning it whole, once per mention inside it,
        // would make a text without spaces quadratic)
        boolean words = (s == 0 || Character.isWhitespace(text.charAt(s - 1)))
                && (e2 == text.length() || Character.isWhitespace(text.charAt(e2)));
        return words && e < begin && s2 > end && writtenInCapitals(text, s, e) && writtenInCapitals(text, s2, e2);
    }

    /** Longer than any word written in capitals between two others ("ENCONTRONAZO" has 12 letters). */
    private static final int LONGEST_WORD = 40;

    private static boolean writtenInCapitals(String text, int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private static boolean isMostlyUpperCase(String text) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 8 && upper * 10 >= letters * 7;
    }

    private static List<Candidate> nonOverlapping(List<Candidate> candidates) {
        List<Candidate> bySize = new ArrayList<>(candidates);
        bySize.sort(Comparator.comparingInt(Candidate::length).reversed().thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        Spans taken = new Spans();
        for (Candidate c : bySize) {
            if (!taken.overlaps(c.start(), c.end())) {
                kept.add(c);
                taken.add(c.start(), c.end());
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    private record Choice(Alias alias, double confidence) {}

    private static final java.util.regex.Pattern DEFINITION =
            java.util.regex.Pattern.compile("\\G\\s?\\((\\p{Lu}[\\p{Lu}\\p{Ll}&.\\-]{1,9})\\)");

    /** Capitals in brackets anywhere in a field: a candidate acronym definition, found in one pass per field. */
    private static final java.util.regex.Pattern BRACKETED_ACRONYM =
            java.util.regex.Pattern.compile("\\((\\p{Lu}[\\p{Lu}\\p{Ll}&.\\-]{1,9})\\)");

    /**
     * Words a long name may carry that its acronym leaves out (es, en, fr, pt, de): "Organismo Internacional de
     * Energía Atómica (OIEA)", "Organization of the Petroleum Exporting Countries (OPEC)".
     */
    private static final Set<String> ACRONYM_STOP_WORDS = Set.of(
            "de", "del", "la", "las", "los", "el", "y", "e", "para", "por", "en", "a", "al", "of", "the", "for", "and",
            "on", "in", "to", "des", "du", "le", "les", "et", "pour", "sur", "d", "l", "do", "da", "dos", "das", "no",
            "na", "und", "der", "die", "fur");

    /** At most this many words (stop words included) are read back from the bracket for a long name. */
    private static final int MAX_LONG_NAME_WORDS = 14;

    /**
     * The long name an acronym in brackets defines, as {start, end} char offsets in {@code field}, or null: the
     * capitalised words just before the bracket whose initials, read backwards and skipping {@link
     * #ACRONYM_STOP_WORDS}, spell the acronym's capitals ("Fuerzas Armadas Revolucionarias de Colombia (FARC)").
     * Reads only the words it needs, never across punctuation or a line break.
     */
    static int[] longNameBefore(String field, int bracket, String acronym) {
        StringBuilder capitals = new StringBuilder();
        for (int i = 0; i < acronym.length(); i++) {
            if (Character.isUpperCase(acronym.charAt(i))) {
                capitals.append(Folding.fold(acronym.charAt(i)));
            }
        }
        if (capitals.length() < 2) {
            return null;
        }
        int letter = capitals.length() - 1;
        int pos = bracket;
        if (pos > 0 && (field.charAt(pos - 1) == ' ' || field.charAt(pos - 1) == '\u00a0')) {
            pos--;
        }
        if (pos >= 2
                && field.charAt(pos - 1) == 's'
                && (field.charAt(pos - 2) == '\'' || field.charAt(pos - 2) == '\u2019')) {
            pos -= 2; // "the United Kingdom's (UK)"
        }
        int nameEnd = pos;
        int nameStart = -1;
        for (int words = 0; letter >= 0 && words < MAX_LONG_NAME_WORDS; words++) {
            if (words > 0) {
                if (pos == 0 || (field.charAt(pos - 1) != ' ' && field.charAt(pos - 1) != '\u00a0')) {
                    return null; // punctuation, a line break or the field's start before the name is complete
                }
                pos--;
            }
            int wordEnd = pos;
            while (pos > 0 && isNameChar(field.charAt(pos - 1))) {
                pos--;
            }
            if (pos == wordEnd) {
                return null;
            }
            String word = field.substring(pos, wordEnd);
            int apostrophe = Math.max(word.indexOf('\''), word.indexOf('\u2019'));
            String head = apostrophe > 0 && apostrophe <= 1 ? word.substring(apostrophe + 1) : word; // d'énergie
            if (ACRONYM_STOP_WORDS.contains(Folding.fold(word))) {
                continue;
            }
            if (head.isEmpty()
                    || !Character.isUpperCase(head.charAt(0))
                    || Folding.fold(head.charAt(0)) != capitals.charAt(letter)) {
                return null;
            }
            letter--;
            nameStart = pos;
        }
        return letter < 0 ? new int[] {nameStart, nameEnd} : null;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetter(c) || c == '-' || c == '\'' || c == '\u2019';
    }

    /**
     * Acronyms the article defines. A parenthesised acronym whose capitals are the initials of the words before it
     * defines that long name: when a linked name covers it ("Organismo Internacional de Energía Atómica (OIEA)",
     * "Andrés Manuel López Obrador (AMLO)") the acronym means that entity wherever the article writes it; when the
     * knowledge base does not know the long name ("Fuerza Alternativa Revolucionaria del Común (FARC)") the acronym
     * is not linked at all in the article, whatever the knowledge base says it means elsewhere. Capitals in brackets
     * right after a linked name that are not its initials still define it ("Estado Islámico (ISIS)"), except after a
     * person, where they name the party ("Felipe Calderón (PAN)"). The first definition of an acronym wins.
     */
    private List<ResolvedMention> withDefinedAcronyms(List<ResolvedMention> resolved, ArticleText text) {
        Map<String, ResolvedMention> definitions = new LinkedHashMap<>();
        Set<String> undefinedLongNames = new HashSet<>();
        for (TextField f : TextField.values()) {
            String field = text.field(f);
            if (field.indexOf('(') < 0) {
                continue;
            }
            java.util.regex.Matcher b = BRACKETED_ACRONYM.matcher(field);
            while (b.find()) {
                String acronym = b.group(1);
                int[] name = longNameBefore(field, b.start(), acronym);
                if (name == null || definitions.containsKey(acronym) || undefinedLongNames.contains(acronym)) {
                    continue;
                }
                ResolvedMention covering = null;
                for (ResolvedMention m : resolved) {
                    if (m.field() == f
                            && m.start() <= name[0]
                            && m.end() >= name[1]
                            && m.end() <= b.start()
                            && (m.kind() == AliasKind.NAME || m.kind() == AliasKind.ALIAS)) {
                        covering = m;
                        break;
                    }
                }
                if (covering == null) {
                    KbEntity known =
                            organisationsBySignificantWords.get(significantWords(field.substring(name[0], name[1])));
                    if (known != null) {
                        covering = new ResolvedMention(f, name[0], name[1], known, AliasKind.ALIAS, 0.85);
                    }
                }
                if (covering != null) {
                    definitions.put(acronym, covering);
                } else {
                    undefinedLongNames.add(acronym);
                }
            }
        }
        for (ResolvedMention m : resolved) {
            if (m.kind() != AliasKind.NAME && m.kind() != AliasKind.ALIAS) {
                continue;
            }
            if (m.entity().kind() == EntityKind.PERSON) {
                continue; // "Felipe Calderón (PAN)": after a person, capitals in brackets name the party
            }
            String field = text.field(m.field());
            // anchored at the mention's end: find(from) would scan the rest of the field for every mention, which on
            // a long article with many mentions is quadratic (32,000 mentions in 288 KB took seconds)
            java.util.regex.Matcher d = DEFINITION.matcher(field).region(m.end(), field.length());
            if (d.lookingAt()) {
                String acronym = d.group(1);
                if (acronym.chars().filter(Character::isUpperCase).count() >= 2
                        && !undefinedLongNames.contains(acronym)) {
                    definitions.putIfAbsent(acronym, m);
                }
            }
        }
        if (definitions.isEmpty() && undefinedLongNames.isEmpty()) {
            return resolved;
        }
        List<ResolvedMention> out = new ArrayList<>();
        for (ResolvedMention m : resolved) {
            String surface = text.field(m.field()).substring(m.start(), m.end());
            ResolvedMention def = definitions.get(surface);
            boolean undefined = def == null && undefinedLongNames.contains(surface);
            if (!undefined
                    && (def == null || def.entity().qid().equals(m.entity().qid()))) {
                out.add(m);
            }
        }
        // the spans already taken, per field, by start: an occurrence of a defined acronym is checked against its
        // neighbours only, not against every mention (a list scan per occurrence is quadratic on a long article)
        Map<TextField, Spans> taken = new EnumMap<>(TextField.class);
        for (ResolvedMention m : out) {
            taken.computeIfAbsent(m.field(), x -> new Spans()).add(m.start(), m.end());
        }
        for (Map.Entry<String, ResolvedMention> e : definitions.entrySet()) {
            String acronym = e.getKey();
            for (TextField f : TextField.values()) {
                String field = text.field(f);
                Spans spans = taken.computeIfAbsent(f, x -> new Spans());
                for (int i = field.indexOf(acronym); i >= 0; i = field.indexOf(acronym, i + 1)) {
                    int start = i;
                    int end = i + acronym.length();
                    if (!SurfaceIndex.isBoundary(field, start - 1) || !SurfaceIndex.isBoundary(field, end)) {
                        continue;
                    }
                    if (!spans.overlaps(start, end)) {
                        out.add(new ResolvedMention(f, start, end, e.getValue().entity(), AliasKind.ALIAS, 0.85));
                        spans.add(start, end);
                    }
                }
            }
        }
        out.sort(
                Comparator.comparing((ResolvedMention m) -> m.field().ordinal()).thenComparingInt(m -> m.start()));
        return out;
    }

    private static boolean isCountryOrRegion(Candidate c) {
        return c.aliases().stream().anyMatch(a -> a.entity().isCountry())
                && c.aliases().stream().anyMatch(a -> a.entity().isRegion());
    }

    /**
     * @param countryMentions how many of the article's unambiguous mentions (places, people, demonyms) belong to
     *                        each country; its keys are the countries of the article's context
     */
    private static Choice choose(
            Candidate candidate,
            Set<String> mentionedCountries,
            Map<String, Integer> countryMentions,
            Set<String> introduced) {
        List<Alias> aliases = candidate.aliases();
        List<Alias> viable = new ArrayList<>();
        for (Alias a : aliases) {
            if (a.requiresAntecedent() && !introduced.contains(a.entity().qid())) {
                continue;
            }
            if (a.entity().isPlace() && !isSupportedPlace(a.entity(), mentionedCountries)) {
                continue;
            }
            viable.add(a);
        }
        if (viable.isEmpty()) {
            return null;
        }
        // a country and a region of the same name (Georgia): the region when the text says so ("the state of") or
        // the article is about the region's country and not the other; the country in the opposite case, or when the
        // region lies in that country (México); else none
        Alias country =
                viable.stream().filter(a -> a.entity().isCountry()).findFirst().orElse(null);
        Alias region = viable.stream()
                .filter(a -> a.entity().isRegion() && a.entity().countryCode() != null)
                .findFirst()
                .orElse(null);
        if (country != null && region != null) {
            boolean forRegion = countryMentions.containsKey(region.entity().countryCode());
            boolean forCountry = countryMentions.containsKey(country.entity().countryCode());
            boolean ownRegion =
                    region.entity().countryCode().equals(country.entity().countryCode());
            if (ownRegion && !candidate.regionCue()) {
                viable.removeIf(a -> a.entity().isRegion()); // México the country, not its Estado de México
            } else if (candidate.regionCue() || (forRegion && !forCountry)) {
                viable.removeIf(a -> a.entity().isCountry());
            } else if (forCountry && !forRegion) {
                viable.removeIf(a -> a.entity().isRegion());
            } else {
                return null;
            }
        }
        boolean regionCue = candidate.regionCue();
        Comparator<Alias> preference = Comparator.comparing(
                        (Alias a) -> a.entity().isPlace()) // non-places first
                // a place's short name whose full name the article used refers to that place ("Gaza")
                .thenComparing(a -> !a.requiresAntecedent())
                // the city before the state or province of its name, unless the text says "the state of"
                .thenComparing(a -> a.entity().isRegion() != regionCue)
                .thenComparing(a -> !mentionedCountries.contains(a.entity().countryCode())) // mentioned country first
                // a person or organisation of the country the article names most ("Jeremy Corbyn ... his Labour Party")
                .thenComparing(a -> a.entity().kind() == EntityKind.LOC ? 0 : -mentions(a, countryMentions))
                .thenComparing(a -> -a.entity().prominence()) // a head of government before a legislator
                .thenComparing(a -> !a.entity().isCapital()) // capitals first
                .thenComparing(a -> -a.entity().population()) // bigger first
                .thenComparing(a -> a.kind().ordinal()); // name before alias
        viable.sort(preference);
        Alias best = viable.get(0);
        if (isUndecided(best, viable, countryMentions)) {
            return null;
        }
        long rivals = viable.stream().map(a -> a.entity().qid()).distinct().count();
        double confidence = baseConfidence(best) * (rivals > 1 ? 0.85 : 1.0);
        return new Choice(best, confidence);
    }

    /**
     * Whether a person or organisation of another country, of the same name, is as good a reading as {@code best}:
     * the article names neither's country more often (its places, people, demonyms and the country itself count),
     * and neither is more prominent (thirty
     * parties of thirty countries are called "Workers' Party"; without its country in the article, which one is a
     * guess). Entities of no country (a brand and its company) keep the first reading.
     */
    private static boolean isUndecided(Alias best, List<Alias> viable, Map<String, Integer> countryMentions) {
        String country = best.entity().countryCode();
        if (best.entity().kind() == EntityKind.LOC || country == null) {
            return false;
        }
        for (Alias rival : viable) {
            KbEntity other = rival.entity();
            if (other.kind() == EntityKind.LOC
                    || other.qid().equals(best.entity().qid())) {
                continue;
            }
            return other.countryCode() != null
                    && !other.countryCode().equals(country)
                    && mentions(rival, countryMentions) == mentions(best, countryMentions)
                    && other.prominence() == best.entity().prominence()
                    && rival.requiresAntecedent() == best.requiresAntecedent();
        }
        return false;
    }

    private static int mentions(Alias a, Map<String, Integer> countryMentions) {
        String country = a.entity().countryCode();
        return country == null ? 0 : countryMentions.getOrDefault(country, 0);
    }

    private static boolean isSupportedPlace(KbEntity place, Set<String> mentionedCountries) {
        return place.isCapital()
                || (place.isRegion() && place.population() == 0) // continents, world regions, historical states
                || place.population() >= BIG_CITY
                || (place.population() >= MIN_SUPPORTED_PLACE && mentionedCountries.contains(place.countryCode()));
    }

    private static double baseConfidence(Alias a) {
        KbEntity e = a.entity();
        return switch (a.kind()) {
            case NAME -> e.isPlace() ? (e.isCapital() ? 0.9 : e.population() >= BIG_CITY ? 0.8 : 0.7) : 0.95;
            case ALIAS -> a.caseSensitive() ? 0.8 : 0.85;
            case SHORT_NAME -> a.requiresAntecedent() ? 0.75 : 0.8;
            case DEMONYM -> 0.6;
        };
    }

    private static List<LinkedEntity> group(List<ResolvedMention> resolved, ArticleText text) {
        Map<String, List<ResolvedMention>> byQid = new LinkedHashMap<>();
        for (ResolvedMention m : resolved) {
            byQid.computeIfAbsent(m.entity().qid(), k -> new ArrayList<>()).add(m);
        }
        Map<TextField, CodePoints> codePoints = new LinkedHashMap<>();
        for (TextField f : TextField.values()) {
            codePoints.put(f, new CodePoints(text.field(f)));
        }
        List<LinkedEntity> out = new ArrayList<>(byQid.size());
        for (List<ResolvedMention> mentions : byQid.values()) {
            KbEntity e = mentions.get(0).entity();
            List<EntityMention> converted = new ArrayList<>(mentions.size());
            double best = 0;
            for (ResolvedMention m : mentions) {
                CodePoints cp = codePoints.get(m.field());
                String surface = text.field(m.field()).substring(m.start(), m.end());
                converted.add(new EntityMention(
                        m.field(),
                        cp.offset(m.start()),
                        cp.offset(m.end()),
                        surface,
                        m.kind().label()));
                best = Math.max(best, m.confidence());
            }
            double confidence = Math.min(0.99, best + 0.02 * (mentions.size() - 1));
            out.add(new LinkedEntity(
                    e.qid(), e.kind(), e.subtype(), e.name(), e.countryCode(), round(confidence), converted));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
