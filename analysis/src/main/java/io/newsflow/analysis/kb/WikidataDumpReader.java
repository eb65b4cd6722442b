package io.newsflow.analysis.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.EntityKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Streams a Wikidata JSON dump ({@code latest-all.json.gz} format: a JSON array, one entity object per line,
 * optionally gzip-compressed) into a built table in {@link BuiltEntity}'s format. Entities are read one at a time with
 * Jackson's streaming parser, so the dump is never held in memory. Kept: items that are an instance of (P31) a
 * human, an organisation class or a place class (the sets below), with at least {@link Filter#minSitelinks()}
 * sitelinks, with their labels and aliases in {@link Filter#languages()}. Country: P17, else P27 (citizenship),
 * mapped to ISO alpha-2 through the source country table; population: P1082. Prominence grows with sitelinks.
 */
public final class WikidataDumpReader {
    /** The built table a dump is written to; added to the index after the source tables. */
    public static final String OUTPUT = "wikidata-dump.tsv";

    static final String HUMAN = "Q5";
    /** Organisation classes: organisation, business, company, public company, political party, government agency,
     *  international organisation, newspaper, news agency, broadcaster, armed forces, ministry, legislature. */
    static final Set<String> ORGANISATIONS = Set.of(
            "Q43229",
            "Q4830453",
            "Q783794",
            "Q891723",
            "Q7278",
            "Q327333",
            "Q484652",
            "Q11032",
            "Q192283",
            "Q15265344",
            "Q176799",
            "Q192350",
            "Q11204");
    /** Place classes: city, big city, capital, human settlement, first-level administrative division, US state,
     *  state, province, region, continent. */
    static final Set<String> PLACES =
            Set.of("Q515", "Q1549591", "Q5119", "Q486972", "Q10864048", "Q35657", "Q7275", "Q34876", "Q82794", "Q5107");

    private static final Set<String> CITY_CLASSES = Set.of("Q515", "Q1549591", "Q5119", "Q486972");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WikidataDumpReader() {}

    /**
     * What to keep from a dump.
     *
     * @param languages    label and alias languages kept (ISO 639-1, at least one)
     * @param minSitelinks minimum number of sitelinks, at least 0
     */
    public record Filter(List<String> languages, int minSitelinks) {
        public Filter {
            languages = List.copyOf(languages);
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("--languages: give at least one language");
            }
            for (String l : languages) {
                if (!LANGUAGE.matcher(l).matches()) {
                    throw new IllegalArgumentException("--languages: not a language code: " + l);
                }
            }
            if (minSitelinks < 0) {
                throw new IllegalArgumentException("--min-sitelinks: must be at least 0, was " + minSitelinks);
            }
        }
    }

    /** How many entities were read from the dump and how many were kept. */
    public record Stats(long read, long kept) {}

    /**
     * Reads {@code dump} and writes {@value #OUTPUT} into {@code builtDir} (which {@link KnowledgeBaseBuilder} has
     * filled), leaving out QIDs the source tables or the other built tables already have, and lists it in the index.
     */
    public static Stats addToKnowledgeBase(Path dump, Filter filter, Path sources, Path builtDir) throws IOException {
        Map<String, String> countryByQid = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (Map<String, String> row : Tsv.rows(
                Files.readString(sources.resolve("countries-wikidata.tsv"), StandardCharsets.UTF_8),
                "countries-wikidata.tsv")) {
            countryByQid.put(row.get("wikidata_qid"), row.get("iso_alpha2"));
            known.add(row.get("wikidata_qid"));
        }
        for (Map<String, String> row : Tsv.rows(
                Files.readString(sources.resolve("places-natural-earth.tsv"), StandardCharsets.UTF_8),
                "places-natural-earth.tsv")) {
            known.add(row.get("wikidataid"));
        }
        Path index = builtDir.resolve(KnowledgeBaseBuilder.INDEX);
        List<String> listed = new ArrayList<>();
        for (String name : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            if (!name.isBlank() && !name.strip().equals(OUTPUT)) {
                listed.add(name.strip());
                for (String line : Files.readAllLines(builtDir.resolve(name.strip()), StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        known.add(line.substring(0, tab));
                    }
                }
            }
        }
        Map<String, BuiltEntity> kept = new LinkedHashMap<>();
        long read;
        try (InputStream in = open(dump)) {
            read = read(in, filter, countryByQid, dump.getFileName().toString(), e -> {
                if (!known.contains(e.qid())) {
                    kept.putIfAbsent(e.qid(), e);
                }
            });
        }
        KnowledgeBaseBuilder.write(builtDir.resolve(OUTPUT), new ArrayList<>(kept.values()));
        listed.add(OUTPUT);
        Files.writeString(index, String.join("\n", listed) + "\n", StandardCharsets.UTF_8);
        return new Stats(read, kept.size());
    }

    /**
     * Streams the entities of a dump to {@code sink}, filtered; returns how many entities were read.
     *
     * @param countryByQid country QID → ISO alpha-2
     * @param sourceName   recorded in each row's source column
     */
    public static long read(
            InputStream in,
            Filter filter,
            Map<String, String> countryByQid,
            String sourceName,
            Consumer<BuiltEntity> sink)
            throws IOException {
        long count = 0;
        try (JsonParser parser = new JsonFactory().setCodec(JSON).createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a Wikidata JSON dump: it must start with '['");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entity = parser.readValueAsTree();
                count++;
                BuiltEntity row = convert(entity, filter, countryByQid, sourceName);
                if (row != null) {
                    sink.accept(row);
                }
            }
        }
        return count;
    }

    static BuiltEntity convert(JsonNode e, Filter filter, Map<String, String> countryByQid, String sourceName) {
        String qid = e.path("id").asText("");
        if (!"item".equals(e.path("type").asText()) || !qid.matches("Q[1-9][0-9]*")) {
            return null;
        }
        int sitelinks = e.path("sitelinks").size();
        if (sitelinks < filter.minSitelinks()) {
            return null;
        }
        Set<String> classes = new HashSet<>(itemValues(e, "P31"));
        EntityKind kind;
        String subtype;
        if (classes.contains(HUMAN)) {
            kind = EntityKind.PERSON;
            subtype = "person";
        } else if (classes.stream().anyMatch(ORGANISATIONS::contains)) {
            kind = EntityKind.ORG;
            subtype = "organisation";
        } else if (classes.stream().anyMatch(PLACES::contains)) {
            kind = EntityKind.LOC;
            subtype = classes.stream().anyMatch(CITY_CLASSES::contains) ? "city" : "region";
        } else {
            return null;
        }
        List<String> forms = new ArrayList<>();
        String name = null;
        for (String language : filter.languages()) {
            String label = e.path("labels").path(language).path("value").asText("");
            if (!label.isBlank()) {
                forms.add(label);
                if (name == null) {
                    name = label;
                }
            }
            for (JsonNode alias : e.path("aliases").path(language)) {
                forms.add(alias.path("value").asText(""));
            }
        }
        if (name == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> acronyms = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        for (String form : forms) {
            String f = form.strip();
            if (f.isEmpty() || f.equals(name)) {
                continue;
            }
            if (KnowledgeBaseBuilder.isAcronym(f)) {
                acronyms.add(f);
            } else if (kind != EntityKind.PERSON || f.contains(" ")) {
                names.add(f);
            }
        }
        if (kind == EntityKind.PERSON) {
            if (!name.contains(" ")) {
                return null; // a person is linked by a full name only
            }
            String[] words = name.split("\\s+");
            String last = words[words.length - 1];
            if (last.codePointCount(0, last.length()) >= 4) {
                surnames.add(last);
            }
        }
        List<String> countries = itemValues(e, "P17");
        if (countries.isEmpty()) {
            countries = itemValues(e, "P27");
        }
        String country = countries.isEmpty() ? "" : countryByQid.getOrDefault(countries.get(0), "");
        long population = 0;
        for (JsonNode claim : e.path("claims").path("P1082")) {
            String amount = claim.path("mainsnak")
                    .path("datavalue")
                    .path("value")
                    .path("amount")
                    .asText("");
            if (!amount.isEmpty()) {
                try {
                    population = Math.max(population, (long) Double.parseDouble(amount));
                } catch (NumberFormatException ignored) {
                    // a malformed amount is no population
                }
            }
        }
        int prominence = Math.min(95, 30 + sitelinks / 3);
        return new BuiltEntity(
                qid,
                kind,
                subtype,
                country,
                population,
                prominence,
                name,
                names,
                acronyms,
                surnames,
                "wikidata-dump:" + sourceName + "#" + qid);
    }

    /** The item ids of a property's statements, in order, skipping deprecated ones and novalue/somevalue snaks. */
    private static List<String> itemValues(JsonNode entity, String property) {
        List<String> out = new ArrayList<>();
        for (JsonNode claim : entity.path("claims").path(property)) {
            if ("deprecated".equals(claim.path("rank").asText())) {
                continue;
            }
            String id = claim.path("mainsnak")
                    .path("datavalue")
                    .path("value")
                    .path("id")
                    .asText("");
            if (!id.isEmpty()) {
                out.add(id);
            }
        }
        return out;
    }

    private static InputStream open(Path dump) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(dump), 1 << 16);
        return dump.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
