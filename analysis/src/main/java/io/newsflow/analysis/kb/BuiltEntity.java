package io.newsflow.analysis.kb;

import io.newsflow.analysis.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of a built knowledge-base table ({@code kb/built/*.tsv}), the format {@link KnowledgeBaseBuilder} and
 * {@link WikidataDumpReader} write and {@link KnowledgeBaseLoader} reads.
 *
 * <p>Columns, tab-separated, UTF-8, one header row, rows sorted by numeric QID:
 * {@code qid type subtype country population prominence name names acronyms coreferent_short_names source}. List
 * cells are {@code |}-separated; a name may carry a language restriction as {@code Name{es}}.
 *
 * @param qid                  Wikidata QID
 * @param kind                 PERSON, ORG or LOC
 * @param subtype              finer type ({@code head-of-government}, {@code minister}, {@code legislator},
 *                             {@code international-organisation}, {@code region}, ...); may be empty
 * @param country              ISO 3166 alpha-2 the entity belongs to; empty when none or several
 * @param population           population of a place, 0 otherwise
 * @param prominence           0..100: how readily a bare full name is taken to mean this entity when names collide
 * @param name                 canonical (English) name
 * @param names                other full names, each possibly with a {@code {lang}} restriction
 * @param acronyms             case-sensitive short forms ("UNSC", "PSOE")
 * @param coreferentShortNames forms that refer to the entity only after a full name in the same article
 *                             (surnames; acronyms of less-known organisations, matched case-sensitively)
 * @param source               where the row came from (repository, file, commit)
 */
public record BuiltEntity(
        String qid,
        EntityKind kind,
        String subtype,
        String country,
        long population,
        int prominence,
        String name,
        List<String> names,
        List<String> acronyms,
        List<String> coreferentShortNames,
        String source) {
    /** The header row of every built table. */
    public static final String HEADER = "qid\ttype\tsubtype\tcountry\tpopulation\tprominence\tname\tnames\tacronyms"
            + "\tcoreferent_short_names\tsource";

    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");
    private static final Pattern BAD = Pattern.compile("[\\t\\n\\r]");

    public BuiltEntity {
        Objects.requireNonNull(kind, "kind");
        if (qid == null || !QID.matcher(qid).matches()) {
            throw new IllegalArgumentException("not a QID: " + qid);
        }
        if (prominence < 0 || prominence > 100) {
            throw new IllegalArgumentException(qid + ": prominence outside 0..100: " + prominence);
        }
        subtype = clean(subtype);
        country = clean(country);
        name = clean(name);
        source = clean(source);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(qid + ": no name");
        }
        String canonical = name;
        names = cleanList(names).stream().filter(n -> !n.equals(canonical)).toList();
        acronyms = cleanList(acronyms);
        coreferentShortNames = cleanList(coreferentShortNames);
    }

    /** Numeric part of the QID, the sort key of built tables. */
    public long qidNumber() {
        return Long.parseLong(qid.substring(1));
    }

    /** The row as written in a built table, without line end. */
    public String toTsvLine() {
        return String.join(
                "\t",
                qid,
                kind.name(),
                subtype,
                country,
                Long.toString(population),
                Integer.toString(prominence),
                name,
                String.join("|", names),
                String.join("|", acronyms),
                String.join("|", coreferentShortNames),
                source);
    }

    /** Reads a row of a built table (as {@link Tsv#rows} returns it). */
    static BuiltEntity fromRow(Map<String, String> row) {
        return new BuiltEntity(
                row.get("qid"),
                EntityKind.valueOf(row.get("type")),
                row.get("subtype"),
                row.get("country"),
                Long.parseLong(row.get("population")),
                Integer.parseInt(row.get("prominence")),
                row.get("name"),
                split(row.get("names")),
                split(row.get("acronyms")),
                split(row.get("coreferent_short_names")),
                row.get("source"));
    }

    private static String clean(String s) {
        return s == null ? "" : BAD.matcher(s).replaceAll(" ").strip();
    }

    /** Cleans, drops empty cells and cells with the list separator, removes duplicates keeping first order. */
    private static List<String> cleanList(List<String> in) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (String s : in) {
                String c = clean(s);
                if (!c.isEmpty() && !c.contains("|") && !out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> split(String cell) {
        return cell == null || cell.isEmpty() ? List.of() : List.of(cell.split("\\|"));
    }
}
