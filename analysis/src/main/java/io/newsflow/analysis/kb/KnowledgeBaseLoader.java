package io.newsflow.analysis.kb;

import io.newsflow.analysis.EntityKind;
import io.newsflow.analysis.text.Folding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link KnowledgeBase} from the TSV resources under {@value #BASE} (see SOURCES.md there) and the JDK's
 * CLDR country names. Every rule that turns raw rows into surface forms lives here, so that it can be read at once.
 */
public final class KnowledgeBaseLoader {
    public static final String BASE = "/io/newsflow/analysis/kb/";
    /** Folder of the built tables under {@link #BASE}, written by {@link KnowledgeBaseBuilder}. */
    public static final String BUILT = "built/";
    /** Languages whose CLDR country names are surface forms. */
    static final List<String> NAME_LANGUAGES = List.of("en", "es", "fr", "de", "pt", "it", "nl", "ru");

    static final List<String> STOPWORD_LANGUAGES = List.of("en", "es", "fr", "de", "pt", "it", "nl", "ru");
    /** Place-name columns used (zh is skipped: Chinese text has no word boundaries to check). */
    private static final List<String> PLACE_NAME_COLUMNS =
            List.of("name", "name_en", "name_es", "name_fr", "name_de", "name_pt", "name_ru");
    /** Languages the place data has no name column for: they accept every translated name. */
    private static final Set<String> LANGUAGES_WITHOUT_PLACE_COLUMN = Set.of("it", "nl");

    private static final List<String> DEMONYM_LANGUAGES = List.of("en", "es", "fr", "de", "it", "nl");
    private static final Pattern SHORT_ACRONYM = Pattern.compile("[\\p{Lu}.]{1,4}");
    private static final int MIN_PLACE_NAME_LENGTH = 3;
    private static final int MIN_DEMONYM_LENGTH = 4;

    private final Function<String, String> resources;
    private final MessageDigest digest;
    private final Map<String, KbEntity> entities = new LinkedHashMap<>();
    private final Map<String, KbEntity> countries = new LinkedHashMap<>();
    private final Map<String, List<Alias>> aliases = new HashMap<>();
    private final Map<String, Set<String>> stopwords = new HashMap<>();

    private KnowledgeBaseLoader(Function<String, String> resources) {
        this.resources = resources;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The knowledge base shipped in this module's resources. */
    public static KnowledgeBase fromClasspath() {
        return new KnowledgeBaseLoader(KnowledgeBaseLoader::readResource).load();
    }

    private KnowledgeBase load() {
        for (String language : STOPWORD_LANGUAGES) {
            Set<String> words = new HashSet<>();
            for (String line : read("stopwords-" + language + ".txt").split("\r?\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(Folding.fold(w));
                }
            }
            stopwords.put(language, Set.copyOf(words));
        }
        loadCountries();
        loadCountryAliases();
        loadCurated();
        loadBuilt();
        loadDemonyms();
        loadPlaces();
        Map<String, List<Alias>> frozen = new HashMap<>();
        aliases.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        String version = "kb-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new KnowledgeBase(frozen, entities, stopwords, firstNames(frozen), version);
    }

    /** People sharing a first word before it counts as a given name: one person's first word may be a title. */
    static final int MIN_FIRST_NAME_BEARERS = 3;

    /**
     * Given names, derived from the people's full names: the first word of at least {@value #MIN_FIRST_NAME_BEARERS}
     * people's names, capitalised, at least three letters, and neither a name of any entity other than a person's
     * surname ("Georgia", "Santiago" stay places; "Jorge", Ana Jorge's surname, is a given name) nor a common word
     * of any language.
     */
    private Set<String> firstNames(Map<String, List<Alias>> surfaces) {
        Map<String, Set<String>> bearers = new HashMap<>();
        for (List<Alias> list : surfaces.values()) {
            for (Alias a : list) {
                if (a.entity().kind() != EntityKind.PERSON || a.kind() != AliasKind.NAME) {
                    continue;
                }
                String surface = a.surface().strip();
                int space = surface.indexOf(' ');
                if (space < 3 || !Character.isUpperCase(surface.codePointAt(0))) {
                    continue;
                }
                String first = surface.substring(0, space);
                if (first.chars().allMatch(Character::isLetter)) {
                    bearers.computeIfAbsent(Folding.fold(first), k -> new HashSet<>())
                            .add(a.entity().qid());
                }
            }
        }
        Set<String> out = new HashSet<>();
        bearers.forEach((first, qids) -> {
            if (qids.size() >= MIN_FIRST_NAME_BEARERS
                    && !namesSomethingElse(surfaces.get(first))
                    && !isStopwordAnywhere(first)) {
                out.add(first);
            }
        });
        return out;
    }

    /** Whether a surface names something other than a person by surname ("Jorge" as Ana Jorge's surname does not). */
    private static boolean namesSomethingElse(List<Alias> aliases) {
        if (aliases == null) {
            return false;
        }
        for (Alias a : aliases) {
            if (a.entity().kind() != EntityKind.PERSON || a.kind() != AliasKind.SHORT_NAME) {
                return true;
            }
        }
        return false;
    }

    private void loadCountries() {
        for (Map<String, String> row : Tsv.rows(read("countries-wikidata.tsv"), "countries-wikidata.tsv")) {
            String cc = row.get("iso_alpha2");
            KbEntity country =
                    new KbEntity(row.get("wikidata_qid"), EntityKind.LOC, KbEntity.COUNTRY, row.get("name"), cc, 0);
            entities.put(country.qid(), country);
            countries.put(cc, country);
            Set<String> names = new LinkedHashSet<>();
            names.add(row.get("name"));
            names.add(row.get("wikidata_label"));
            for (String language : NAME_LANGUAGES) {
                names.add(new Locale("", cc).getDisplayCountry(new Locale(language)));
            }
            for (String name : names) {
                for (String clean : cleanCountryName(name, cc)) {
                    add(new Alias(country, AliasKind.NAME, clean, isShortAcronym(clean), false));
                }
            }
        }
    }

    /**
     * CLDR and Wikidata names with qualifiers: "Myanmar (Burma)" gives both parts, "Congo - Kinshasa" is dropped
     * (its head is shared by two countries), and a name equal to the bare code (CLDR's fallback) is dropped.
     */
    private static List<String> cleanCountryName(String name, String cc) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase(cc) || name.contains(" - ")) {
            return List.of();
        }
        int paren = name.indexOf('(');
        if (paren > 0 && name.endsWith(")")) {
            return List.of(
                    name.substring(0, paren).strip(),
                    name.substring(paren + 1, name.length() - 1).strip());
        }
        return List.of(name.strip());
    }

    private void loadCountryAliases() {
        for (Map<String, String> row : Tsv.rows(read("country-aliases.tsv"), "country-aliases.tsv")) {
            KbEntity country = countries.get(row.get("iso_alpha2"));
            if (country == null) {
                throw new IllegalStateException("country-aliases.tsv: unknown country " + row.get("iso_alpha2"));
            }
            Form form = Form.parse(row.get("alias"));
            AliasKind kind = "demonym".equals(row.get("kind")) ? AliasKind.DEMONYM : AliasKind.ALIAS;
            add(new Alias(
                    country,
                    kind,
                    form.surface(),
                    kind == AliasKind.ALIAS && isShortAcronym(form.surface()),
                    false,
                    form.languages()));
        }
    }

    private void loadCurated() {
        for (Map<String, String> row : Tsv.rows(read("curated-entities.tsv"), "curated-entities.tsv")) {
            if (row.get("source").isBlank()) {
                throw new IllegalStateException("curated-entities.tsv: " + row.get("qid") + " has no source");
            }
            String cc = row.get("country").isEmpty() ? null : row.get("country");
            EntityKind kind = EntityKind.valueOf(row.get("type"));
            KbEntity entity =
                    new KbEntity(row.get("qid"), kind, emptyToNull(row.get("subtype")), row.get("name"), cc, 0);
            entities.put(entity.qid(), entity);
            add(new Alias(entity, AliasKind.NAME, entity.name(), false, false));
            for (String name : split(row.get("names"))) {
                add(new Alias(entity, AliasKind.NAME, name, false, false));
            }
            for (String cell : split(row.get("aliases"))) {
                Form form = Form.parse(cell);
                add(new Alias(
                        entity,
                        AliasKind.ALIAS,
                        form.surface(),
                        isShortAcronym(form.surface()),
                        false,
                        form.languages()));
            }
            for (String shortName : split(row.get("short_names"))) {
                add(new Alias(entity, AliasKind.SHORT_NAME, shortName, false, false));
            }
            for (String shortName : split(row.get("coreferent_short_names"))) {
                add(new Alias(entity, AliasKind.SHORT_NAME, shortName, false, true));
            }
        }
    }

    /**
     * The tables {@link KnowledgeBaseBuilder} wrote under {@code built/}, in the order of its index. A QID that the
     * hand-made tables already hold keeps their entry (curated names and language restrictions win). Full names
     * shorter than {@value #MIN_PLACE_NAME_LENGTH} code points, names that are common words of any language and
     * names of people and organisations that are already a country's name are not loaded (a region may share one:
     * Georgia; the linker decides by context); acronyms match case-sensitively; surnames, and the
     * acronyms listed among the coreferent short names, refer back only after a full name.
     */
    private void loadBuilt() {
        Set<String> countryKeys = new HashSet<>();
        aliases.forEach((key, list) -> {
            if (list.stream().anyMatch(a -> a.entity().isCountry())) {
                countryKeys.add(key);
            }
        });
        for (String line : read(BUILT + KnowledgeBaseBuilder.INDEX).split("\r?\n")) {
            String file = line.strip();
            if (file.isEmpty()) {
                continue;
            }
            for (Map<String, String> row : Tsv.rows(read(BUILT + file), file)) {
                BuiltEntity built = BuiltEntity.fromRow(row);
                if (entities.containsKey(built.qid())) {
                    continue;
                }
                KbEntity entity = new KbEntity(
                        built.qid(),
                        built.kind(),
                        emptyToNull(built.subtype()),
                        built.name(),
                        emptyToNull(built.country()),
                        built.population(),
                        built.prominence());
                entities.put(entity.qid(), entity);
                List<String> names = new ArrayList<>();
                names.add(built.name());
                names.addAll(built.names());
                for (String cell : names) {
                    Form form = Form.parse(cell);
                    if (!isAlphabetic(form.surface())) {
                        continue;
                    }
                    String key = normaliseKey(form.surface());
                    if (KnowledgeBaseBuilder.isAcronym(form.surface())) {
                        add(new Alias(entity, AliasKind.ALIAS, form.surface(), true, false, form.languages()));
                    } else if (form.surface().codePointCount(0, form.surface().length()) >= MIN_PLACE_NAME_LENGTH
                            && (entity.kind() == EntityKind.LOC || !countryKeys.contains(key))
                            && !isStopwordAnywhere(key)) {
                        add(new Alias(entity, AliasKind.NAME, form.surface(), false, false, form.languages()));
                    }
                }
                for (String acronym : built.acronyms()) {
                    if (isAlphabetic(acronym)) {
                        add(new Alias(entity, AliasKind.ALIAS, acronym, true, false));
                    }
                }
                for (String surname : built.coreferentShortNames()) {
                    if (KnowledgeBaseBuilder.isAcronym(surname) && isAlphabetic(surname)) {
                        add(new Alias(entity, AliasKind.ALIAS, surname, true, true));
                    } else if (isAlphabetic(surname) && !isStopwordAnywhere(normaliseKey(surname))) {
                        add(new Alias(entity, AliasKind.SHORT_NAME, surname, false, true));
                    }
                }
            }
        }
    }

    /**
     * Demonyms of i18n-nationality, masculine singular, with regular inflections generated per language; each form
     * applies only in the languages it comes from (Italian "Greco" is a surname in English text). Junk rows
     * are dropped: forms with parentheses or commas, forms shorter than {@value #MIN_DEMONYM_LENGTH}, forms that are a
     * country name (the source puts names where it has no adjective), forms shared by two countries, and stopwords.
     */
    private void loadDemonyms() {
        Set<String> countryNames = new HashSet<>();
        aliases.forEach((folded, list) -> {
            if (list.stream().anyMatch(a -> a.entity().isCountry())) {
                countryNames.add(folded);
            }
        });
        Map<String, Set<KbEntity>> owners = new HashMap<>();
        Map<String, String> firstForm = new LinkedHashMap<>();
        Map<String, KbEntity> country = new HashMap<>();
        Map<String, Set<String>> languages = new HashMap<>();
        for (Map<String, String> row : Tsv.rows(read("demonyms.tsv"), "demonyms.tsv")) {
            KbEntity entity = countries.get(row.get("iso_alpha2"));
            if (entity == null) {
                continue;
            }
            for (String language : DEMONYM_LANGUAGES) {
                String base = row.get("demonym_" + language);
                if (base == null
                        || base.isBlank()
                        || base.contains("(")
                        || base.contains(",")
                        || base.contains(" ou ")) {
                    continue;
                }
                for (String form : Demonyms.inflect(language, base)) {
                    String folded = Folding.fold(form);
                    if (form.length() < MIN_DEMONYM_LENGTH
                            || countryNames.contains(folded)
                            || isStopwordAnywhere(folded)) {
                        continue;
                    }
                    owners.computeIfAbsent(folded, k -> new HashSet<>()).add(entity);
                    firstForm.putIfAbsent(folded, form);
                    country.putIfAbsent(folded, entity);
                    languages.computeIfAbsent(folded, k -> new HashSet<>()).add(language);
                }
            }
        }
        firstForm.forEach((folded, form) -> {
            if (owners.get(folded).size() == 1) {
                add(new Alias(country.get(folded), AliasKind.DEMONYM, form, false, false, languages.get(folded)));
            }
        });
    }

    /**
     * Natural Earth populated places with a QID. A place sharing its QID with a country (Singapore) is the country.
     * When several rows carry one QID (the source tags Pyongsan with Pyongyang's), only the national capital or else
     * the most populous row is used, names included. "Washington, D.C." also gives "Washington". Disambiguation
     * between places of the same name happens at link time, not here.
     */
    private void loadPlaces() {
        Map<String, Map<String, String>> bestRowByQid = new LinkedHashMap<>();
        for (Map<String, String> row : Tsv.rows(read("places-natural-earth.tsv"), "places-natural-earth.tsv")) {
            String qid = row.get("wikidataid");
            if (qid.isEmpty() || (entities.containsKey(qid) && entities.get(qid).isCountry())) {
                continue;
            }
            bestRowByQid.merge(qid, row, (a, b) -> placeRank(b) > placeRank(a) ? b : a);
        }
        bestRowByQid.forEach(this::addPlace);
    }

    private static double placeRank(Map<String, String> row) {
        return ("1".equals(row.get("adm0cap")) ? 1e12 : 0) + parseLong(row.get("pop_max"));
    }

    private void addPlace(String qid, Map<String, String> row) {
        String subtype = "1".equals(row.get("adm0cap"))
                ? KbEntity.CAPITAL
                : row.get("featurecla").startsWith("Admin-1") ? "regional-capital" : "city";
        String cc = row.get("iso_a2").matches("[A-Z]{2}") ? row.get("iso_a2") : null;
        String english = row.get("name_en").isEmpty() ? row.get("name") : row.get("name_en");
        KbEntity place = new KbEntity(qid, EntityKind.LOC, subtype, english, cc, parseLong(row.get("pop_max")));
        entities.put(qid, place);
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (String column : PLACE_NAME_COLUMNS) {
            String name = row.get(column);
            if (name == null || name.isBlank()) {
                continue;
            }
            // the local name applies in every language; a translated name only in its own (Portuguese "Córdova")
            String language = column.equals("name") ? null : column.substring("name_".length());
            List<String> forms = new ArrayList<>(List.of(name.strip()));
            int comma = name.indexOf(',');
            if (comma > 0) {
                forms.add(name.substring(0, comma).strip());
            }
            for (String form : forms) {
                Set<String> langs = names.computeIfAbsent(form, k -> new HashSet<>());
                if (language == null) {
                    langs.clear();
                    langs.add("*");
                } else if (!langs.contains("*")) {
                    langs.add(language);
                    langs.addAll(LANGUAGES_WITHOUT_PLACE_COLUMN);
                }
            }
        }
        names.forEach((name, langs) -> {
            if (name.codePointCount(0, name.length()) >= MIN_PLACE_NAME_LENGTH
                    && !isStopwordAnywhere(Folding.fold(name))) {
                add(new Alias(place, AliasKind.NAME, name, false, false, langs.contains("*") ? Set.of() : langs));
            }
        });
    }

    /**
     * Whether a name is written in the Latin, Greek or Cyrillic script, the scripts whose text separates words with
     * spaces the linker can check. Chinese, Japanese, Korean, Arabic, Thai and Devanagari names are not loaded yet:
     * their word boundaries need a segmenter, and their large alphabets make the automaton slow to build.
     */
    static boolean isAlphabetic(String name) {
        return name.codePoints()
                .allMatch(c -> c < 0x0530 || (c >= 0x1E00 && c < 0x2000) || (c >= 0x2000 && c < 0x2070));
    }

    private boolean isStopwordAnywhere(String folded) {
        return stopwords.values().stream().anyMatch(s -> s.contains(folded));
    }

    private void add(Alias alias) {
        String key = normaliseKey(alias.surface());
        if (key.isEmpty()) {
            return;
        }
        List<Alias> list = aliases.computeIfAbsent(key, k -> new ArrayList<>());
        boolean duplicate = list.stream()
                .anyMatch(a ->
                        sameUse(a, alias) && a.kind().ordinal() <= alias.kind().ordinal());
        if (!duplicate) {
            list.removeIf(a -> sameUse(a, alias));
            list.add(alias);
        }
    }

    private static boolean sameUse(Alias a, Alias b) {
        return a.entity().qid().equals(b.entity().qid())
                && a.caseSensitive() == b.caseSensitive()
                && a.languages().equals(b.languages())
                && a.requiresAntecedent() == b.requiresAntecedent();
    }

    /** The trie key of a surface: folded, white space collapsed. */
    public static String normaliseKey(String surface) {
        return Folding.fold(surface).strip().replaceAll(" +", " ");
    }

    /** A surface form cell: {@code EU} or {@code EU{es}} (only in Spanish text) or {@code EU{en,fr}}. */
    private record Form(String surface, Set<String> languages) {
        private static final Pattern SYNTAX = Pattern.compile("(.+?)\\{([a-z]{2}(?:,[a-z]{2})*)}");

        static Form parse(String cell) {
            Matcher m = SYNTAX.matcher(cell.strip());
            if (m.matches()) {
                return new Form(m.group(1).strip(), Set.of(m.group(2).split(",")));
            }
            return new Form(cell.strip(), Set.of());
        }
    }

    private static boolean isShortAcronym(String surface) {
        return SHORT_ACRONYM.matcher(surface).matches()
                && surface.chars().filter(Character::isLetter).count() <= 3;
    }

    private static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : cell.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static long parseLong(String s) {
        try {
            return s.isEmpty() ? 0 : (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String read(String name) {
        String content = resources.apply(name);
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(content.getBytes(StandardCharsets.UTF_8));
        return content;
    }

    private static String readResource(String name) {
        try (InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing knowledge-base resource " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
