package io.newsflow.analysis.kb;

import io.newsflow.analysis.EntityKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the knowledge base's {@code built/} tables from the project's source tables (the layout of
 * {@code shared/data}: {@code countries-wikidata.tsv}, {@code places-natural-earth.tsv} and {@code kb/*.tsv}), and
 * decides what is worth loading. Deterministic: the same inputs give the same bytes (rows sorted by QID, no time
 * stamps), so {@link #version} is a content version.
 *
 * <p>What is loaded, and why (the source data holds ~116,000 rows, most of them obscure):
 * <ul>
 *   <li><b>people</b>: every world leader and minister of {@code leaders-wikidata.tsv}; from the office-holder table,
 *       heads of state or government, ministers and other executive offices of any era. The 57,000 legislators
 *       are left out by default (a full name nobody can disambiguate, and an automaton too large for a 512 MB heap);
 *       {@code legislatorsSince} adds those whose term ran into that year or later. Everyone is linkable only by a full name of at least two words; the surname refers back only after
 *       the full name appeared. Prominence (which person a shared full name means) follows the role: head of state
 *       or government 90, minister 75, other executive office 60, legislator 40.</li>
 *   <li><b>organisations</b>: the international bodies (names in nine languages), ministries, US newspapers,
 *       political parties, and from the name-suggestion-index only government bodies, armed forces, company and
 *       institution offices, and brands whose Wikidata item is old (QID below {@value #EARLY_QID}: items created when
 *       Wikidata imported the Wikipedias, a cheap proxy for prominence that keeps Google, Boeing, Samsung, Gazprom
 *       and drops the local shop chains). An organisation's single-word name ("Libre", "Vamos", "Voice") is kept
 *       only for such early items, never for a political party; its acronyms (three letters or more) refer to it only after its full name
 *       appeared, except the acronyms of early international bodies ("IAEA", "IMF"), which stand on their own.</li>
 *   <li><b>regions</b>: first-level subdivisions at OpenStreetMap admin level 3 or 4 with at least
 *       {@value #MIN_REGION_POPULATION} inhabitants, lower levels with at least {@value #MIN_SUBREGION_POPULATION};
 *       continents, world regions and historical states.</li>
 * </ul>
 * A QID that is already a country or a Natural Earth place is left to those tables; a QID in several source files is
 * kept from the first file in the order of {@link #OUTPUTS}.
 */
public final class KnowledgeBaseBuilder {
    /** The list of built tables, in load order. */
    public static final String INDEX = "index.txt";

    static final long EARLY_QID = 1_000_000;
    static final long MIN_REGION_POPULATION = 50_000;
    static final long MIN_SUBREGION_POPULATION = 500_000;

    /** Output tables in priority order; each has one licence (see SOURCES.md beside the shipped files). */
    public static final List<String> OUTPUTS = List.of(
            "international-bodies-ccbysa.tsv",
            "people-wikidata.tsv",
            "organisations-wikidata.tsv",
            "parties-partyfacts.tsv",
            "regions-odbl.tsv",
            "organisations-nsi-bsd3.tsv");

    private static final Pattern YEARS = Pattern.compile("\\((\\d{4})?-(\\d{4})?\\)");
    private static final Pattern HEAD = Pattern.compile(
            "(?i)\\b(president|prime minister|premier|chancellor|king|queen|emir|sultan|supreme leader|head of state"
                    + "|head of government|taoiseach|secretary-general|secretary general|president-elect)\\b");
    private static final Pattern FEDERAL = Pattern.compile("^(?i)federal\\s+");
    private static final Pattern DEPUTY = Pattern.compile("(?i)\\b(vice|deputy|first lady|spouse|assistant)\\b");
    /** Presidents of a chamber, court or body are not heads of state or government. */
    private static final Pattern PRESIDING = Pattern.compile(
            "(?i)president of the (senate|chamber|national assembly|assembly|congress|parliament|council|court"
                    + "|supreme|committee|commission|bank|house|duma|state duma|federation council)");

    private static final Pattern MINISTER = Pattern.compile(
            "(?i)\\b(minister|secretary|attorney general|governor|mayor|speaker|ambassador|commissioner)\\b");
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}0-9&.\\-]{2,10}");
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

    private final Path sources;
    private final Map<String, String> alpha3ToAlpha2 = new HashMap<>();
    private final Set<String> baseQids = new HashSet<>();
    private final Set<String> taken = new HashSet<>();

    private final int legislatorsSince;

    private KnowledgeBaseBuilder(Path sources, int legislatorsSince) {
        this.sources = sources;
        this.legislatorsSince = legislatorsSince;
    }

    /** The result of a build: the tables written (in load order) and their content version. */
    public record Result(List<Path> files, Map<String, Integer> rows, String version) {}

    /**
     * Builds every table of {@link #OUTPUTS} from {@code sources} into {@code target} (created when missing) and writes
     * the {@value #INDEX} listing them.
     */
    public static Result build(Path sources, Path target) throws IOException {
        return build(sources, target, 0);
    }

    /**
     * As {@link #build(Path, Path)}, also loading legislators whose term ran into {@code legislatorsSince} or later
     * (0: none, the shipped knowledge base).
     */
    public static Result build(Path sources, Path target, int legislatorsSince) throws IOException {
        if (legislatorsSince < 0) {
            throw new IllegalArgumentException("legislatorsSince must be 0 (none) or a year, was " + legislatorsSince);
        }
        return new KnowledgeBaseBuilder(sources, legislatorsSince).run(target);
    }

    private Result run(Path target) throws IOException {
        for (Map<String, String> row : table("countries-wikidata.tsv")) {
            alpha3ToAlpha2.put(row.get("iso_alpha3"), row.get("iso_alpha2"));
            baseQids.add(row.get("wikidata_qid"));
        }
        for (Map<String, String> row : table("places-natural-earth.tsv")) {
            baseQids.add(row.get("wikidataid"));
        }
        Map<String, List<BuiltEntity>> tables = new LinkedHashMap<>();
        tables.put("international-bodies-ccbysa.tsv", internationalBodies());
        tables.put("people-wikidata.tsv", people());
        tables.put("organisations-wikidata.tsv", organisations());
        tables.put("parties-partyfacts.tsv", parties());
        tables.put("regions-odbl.tsv", regions());
        tables.put("organisations-nsi-bsd3.tsv", nameSuggestionIndex());
        Files.createDirectories(target);
        List<Path> written = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<BuiltEntity>> e : tables.entrySet()) {
            written.add(write(target.resolve(e.getKey()), e.getValue()));
            counts.put(e.getKey(), e.getValue().size());
        }
        Files.writeString(target.resolve(INDEX), String.join("\n", OUTPUTS) + "\n", StandardCharsets.UTF_8);
        return new Result(written, counts, version(target));
    }

    /** {@code kb-} and the first 16 hex digits of a SHA-256 over the index and every table it lists. */
    public static String version(Path builtDir) throws IOException {
        MessageDigest digest = sha256();
        Path index = builtDir.resolve(INDEX);
        digest.update(Files.readAllBytes(index));
        for (String name : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            if (!name.isBlank()) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(builtDir.resolve(name.strip())));
            }
        }
        return "kb-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** Writes rows sorted by numeric QID under the shared header; returns the path. */
    static Path write(Path file, List<BuiltEntity> rows) throws IOException {
        List<BuiltEntity> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(BuiltEntity::qidNumber));
        StringBuilder sb = new StringBuilder(BuiltEntity.HEADER).append('\n');
        for (BuiltEntity row : sorted) {
            sb.append(row.toTsvLine()).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private List<BuiltEntity> internationalBodies() throws IOException {
        List<BuiltEntity> out = new ArrayList<>();
        for (Map<String, String> row : table("kb/international-bodies-ccbysa.tsv")) {
            if (!claim(row.get("qid"))) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<String> acronyms = new ArrayList<>();
            List<String> referringAcronyms = new ArrayList<>();
            boolean early = Long.parseLong(row.get("qid").substring(1)) < EARLY_QID;
            for (String language : List.of("en", "es", "fr", "pt", "de", "ru", "zh", "ar", "ko")) {
                for (String form : split(row.get("names_" + language))) {
                    if (!isAcronym(form)) {
                        names.add(form);
                    } else if (early && form.length() >= 3) {
                        acronyms.add(form);
                    } else {
                        referringAcronyms.add(form);
                    }
                }
            }
            String country = alpha3ToAlpha2.containsValue(row.get("country")) ? row.get("country") : "";
            out.add(new BuiltEntity(
                    row.get("qid"),
                    EntityKind.ORG,
                    "international-organisation",
                    country,
                    0,
                    80,
                    row.get("name"),
                    names,
                    acronyms,
                    referringAcronyms,
                    row.get("source")));
        }
        return out;
    }

    private List<BuiltEntity> people() throws IOException {
        Map<String, BuiltEntity> out = new LinkedHashMap<>();
        for (Map<String, String> row : table("kb/leaders-wikidata.tsv")) {
            String role = row.get("role");
            int prominence = isHead(role) ? 90 : MINISTER.matcher(role).find() ? 75 : 60;
            person(row, role, prominence, split(row.get("aliases")), firstCountry(row.get("country")), out);
        }
        for (Map<String, String> row : table("kb/people-officeholders-wikidata.tsv")) {
            String role = row.get("role");
            int prominence;
            if (isHead(role)) {
                prominence = 85;
            } else if (MINISTER.matcher(role).find()) {
                prominence = 70;
            } else if (legislatorsSince > 0 && latestYear(role) >= legislatorsSince) {
                prominence = 40;
            } else {
                continue;
            }
            person(row, role, prominence, split(row.get("other_names")), firstCountry(row.get("country")), out);
        }
        return new ArrayList<>(out.values());
    }

    private void person(
            Map<String, String> row,
            String role,
            int prominence,
            List<String> otherNames,
            String country,
            Map<String, BuiltEntity> out) {
        String qid = row.get("qid");
        if (!out.containsKey(qid) && !claim(qid)) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        String primary = row.get("name");
        List<String> written = new ArrayList<>(concat(List.of(primary), otherNames));
        if (Transliterations.COUNTRIES.contains(country)) {
            for (String n : List.copyOf(written)) {
                written.addAll(Transliterations.variants(n)); // "Volodymyr Zelenskyy": also "Volodimir Zelenski"
            }
        }
        for (String n : written) {
            String[] words = n.strip().split("\\s+");
            if (words.length < 2 || !Character.isUpperCase(words[0].codePointAt(0))) {
                continue; // a single word is never a person's full name here
            }
            names.add(n.strip());
            if (List.of(words).contains("of")) {
                continue; // "Salman of Saudi Arabia", "Felipe VI of Spain": a regnal name has no surname
            }
            String last = words[words.length - 1];
            if (last.codePointCount(0, last.length()) >= 4 && Character.isUpperCase(last.codePointAt(0))) {
                surnames.add(last);
            }
            if (words.length >= 3) {
                String two = words[words.length - 2] + " " + last;
                if (Character.isUpperCase(two.codePointAt(0))) {
                    surnames.add(two);
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        BuiltEntity previous = out.get(qid);
        String subtype = prominence >= 85 ? "head-of-state-or-government" : prominence >= 70 ? "minister" : "";
        if (prominence == 60) {
            subtype = "office-holder";
        } else if (prominence == 40) {
            subtype = "legislator";
        }
        if (previous != null) {
            if (previous.prominence() >= prominence) {
                return;
            }
            names.addAll(previous.names());
        }
        out.put(
                qid,
                new BuiltEntity(
                        qid,
                        EntityKind.PERSON,
                        subtype,
                        country,
                        0,
                        prominence,
                        names.get(0),
                        names.subList(1, names.size()),
                        List.of(),
                        surnames,
                        row.get("source")));
    }

    private List<BuiltEntity> organisations() throws IOException {
        List<BuiltEntity> out = new ArrayList<>();
        for (Map<String, String> row : table("kb/organisations-more-wikidata.tsv")) {
            if (!claim(row.get("qid"))) {
                continue;
            }
            boolean media = row.get("type").startsWith("media");
            addIfLinkable(
                    out,
                    organisation(
                            row,
                            media ? "media" : "government-body",
                            media ? 50 : 60,
                            row.get("country"),
                            "other_names"));
        }
        return out;
    }

    private List<BuiltEntity> parties() throws IOException {
        List<BuiltEntity> out = new ArrayList<>();
        for (Map<String, String> row : table("kb/parties-partyfacts.tsv")) {
            if (!claim(row.get("qid"))) {
                continue;
            }
            String country = alpha3ToAlpha2.getOrDefault(row.get("country_iso3"), "");
            addIfLinkable(out, organisation(row, "political-party", 50, country, "aliases"));
        }
        return out;
    }

    private static void addIfLinkable(List<BuiltEntity> out, BuiltEntity row) {
        if (row != null) {
            out.add(row);
        }
    }

    /** The row of an organisation, or null when none of its names is safely linkable. */
    private BuiltEntity organisation(
            Map<String, String> row, String subtype, int prominence, String country, String otherNamesColumn) {
        List<String> names = new ArrayList<>();
        List<String> acronyms = new ArrayList<>();
        String name = row.get("name");
        // a party's single-word name is a common word more often than not ("Libre", "Republic", "International")
        boolean early = Long.parseLong(row.get("qid").substring(1)) < EARLY_QID && !subtype.equals("political-party");
        for (String form : concat(List.of(name), split(row.get(otherNamesColumn)))) {
            if (isAcronym(form)) {
                if (form.codePointCount(0, form.length()) >= 3) {
                    acronyms.add(form);
                }
            } else if (form.strip().contains(" ") || early) {
                names.add(form);
            }
        }
        if (names.isEmpty() && acronyms.isEmpty()) {
            return null; // only a single common-looking word ("Vamos", "Libre"): nothing safely linkable
        }
        return new BuiltEntity(
                row.get("qid"),
                EntityKind.ORG,
                subtype,
                country.matches("[A-Z]{2}") ? country : "",
                0,
                prominence,
                names.isEmpty() ? acronyms.get(0) : names.get(0),
                names.size() > 1 ? names.subList(1, names.size()) : List.of(),
                List.of(),
                acronyms,
                row.get("source"));
    }

    private List<BuiltEntity> regions() throws IOException {
        List<BuiltEntity> out = new ArrayList<>();
        for (Map<String, String> row : table("kb/admin1-wikidata.tsv")) {
            long population = parseLong(row.get("population"));
            int level = parseLevel(row.get("type"));
            boolean wanted = level <= 4 ? population >= MIN_REGION_POPULATION : population >= MIN_SUBREGION_POPULATION;
            if (!wanted || !claim(row.get("qid"))) {
                continue;
            }
            List<String> names = new ArrayList<>();
            String title = PARENTHESIS.matcher(row.get("wikipedia_title")).replaceAll("");
            int comma = title.indexOf(',');
            if (comma > 0) {
                title = title.substring(0, comma).strip();
            }
            names.add(title);
            out.add(new BuiltEntity(
                    row.get("qid"),
                    EntityKind.LOC,
                    "region",
                    row.get("country"),
                    population,
                    50,
                    row.get("name_en"),
                    names,
                    List.of(),
                    List.of(),
                    row.get("source")));
        }
        for (Map<String, String> row : table("kb/regions-more.tsv")) {
            if (!claim(row.get("qid"))) {
                continue;
            }
            out.add(new BuiltEntity(
                    row.get("qid"),
                    EntityKind.LOC,
                    row.get("type"),
                    "",
                    0,
                    60,
                    row.get("name"),
                    split(row.get("other_names")),
                    List.of(),
                    List.of(),
                    row.get("source")));
        }
        return out;
    }

    private List<BuiltEntity> nameSuggestionIndex() throws IOException {
        List<BuiltEntity> out = new ArrayList<>();
        for (Map<String, String> row : table("kb/organisations-nsi-bsd3.tsv")) {
            String category = row.get("category");
            boolean government = category.contains("office/government") || category.contains("landuse/military");
            boolean office = category.contains("brands/office/");
            boolean early = Long.parseLong(row.get("qid").substring(1)) < EARLY_QID;
            if (!(government || office || early) || row.get("kind").equals("flag-subject")) {
                continue;
            }
            if (!claim(row.get("qid"))) {
                continue;
            }
            String[] countries = row.get("countries").split("\\|");
            String country = countries.length == 1 && countries[0].matches("[A-Z]{2}") ? countries[0] : "";
            addIfLinkable(
                    out,
                    organisation(
                            row,
                            government ? "government-body" : "company",
                            government ? 55 : 40,
                            country,
                            "other_names"));
        }
        return out;
    }

    /** Records {@code qid} as taken; false when it is a base-table place or country or an earlier table has it. */
    private boolean claim(String qid) {
        return qid != null && qid.matches("Q[1-9][0-9]*") && !baseQids.contains(qid) && taken.add(qid);
    }

    private static boolean isHead(String role) {
        for (String part : role.split(";")) {
            // "Federal Chancellor of Germany", "Federal President of Austria": the office, named by its federation
            if (HEAD.matcher(FEDERAL.matcher(part.strip()).replaceFirst("")).lookingAt()
                    && !DEPUTY.matcher(part).find()
                    && !PRESIDING.matcher(part).find()) {
                return true;
            }
        }
        return false;
    }

    /** The latest year any listed term reached; an open term counts as 9999; no years at all give 0. */
    static int latestYear(String role) {
        int latest = 0;
        Matcher m = YEARS.matcher(role);
        while (m.find()) {
            if (m.group(2) == null) {
                latest = m.group(1) == null ? latest : 9999;
            } else {
                latest = Math.max(latest, Integer.parseInt(m.group(2)));
            }
        }
        return latest;
    }

    static boolean isAcronym(String form) {
        return ACRONYM.matcher(form).matches()
                && form.chars().filter(Character::isUpperCase).count() >= 2;
    }

    private static String firstCountry(String cell) {
        String[] parts = cell.split("\\|");
        return parts.length == 1 && parts[0].matches("[A-Z]{2}") ? parts[0] : "";
    }

    private static int parseLevel(String type) {
        try {
            return Integer.parseInt(type.substring(type.indexOf('=') + 1));
        } catch (RuntimeException e) {
            return 99;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null || s.isEmpty() ? 0 : (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell != null) {
            for (String part : cell.split("\\|")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private List<Map<String, String>> table(String name) throws IOException {
        Path file = sources.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException("source table missing: " + file);
        }
        return Tsv.rows(Files.readString(file, StandardCharsets.UTF_8), name);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
