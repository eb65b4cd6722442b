package io.newsflow.analysis.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.analysis.EntityKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WikidataDumpReader} on a small file in the exact format of Wikidata's {@code latest-all.json.gz}: gzip, a
 * JSON array with one entity object per line, each line but the last ending in a comma.
 */
class WikidataDumpReaderTest {

    private static final String HUMAN = entity(
            "Q42",
            "{\"en\":{\"language\":\"en\",\"value\":\"Douglas Adams\"},\"es\":{\"language\":\"es\",\"value\":\"Douglas"
                    + " Adams\"},\"ja\":{\"language\":\"ja\",\"value\":\"ダグラス・アダムズ\"}}",
            "{\"en\":[{\"language\":\"en\",\"value\":\"Douglas Noel Adams\"},{\"language\":\"en\",\"value\":\"DNA\"}]}",
            claims("P31", "Q5") + "," + claims("P27", "Q145"),
            40);
    private static final String ORGANISATION = entity(
            "Q1065",
            "{\"en\":{\"language\":\"en\",\"value\":\"United Nations\"},\"fr\":{\"language\":\"fr\",\"value\":\"Organisation"
                    + " des Nations unies\"}}",
            "{\"en\":[{\"language\":\"en\",\"value\":\"UN\"}]}",
            claims("P31", "Q484652"),
            300);
    private static final String CITY = entity(
            "Q1490",
            "{\"en\":{\"language\":\"en\",\"value\":\"Tokyo\"}}",
            "{}",
            claims("P31", "Q1549591") + "," + claims("P17", "Q17")
                    + ",\"P1082\":[{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P1082\",\"datavalue\":{\"value\":"
                    + "{\"amount\":\"+14047594\",\"unit\":\"1\"},\"type\":\"quantity\"},\"datatype\":\"quantity\"},"
                    + "\"type\":\"statement\",\"rank\":\"normal\"}]",
            250);
    private static final String TAXON =
            entity("Q140", "{\"en\":{\"language\":\"en\",\"value\":\"lion\"}}", "{}", claims("P31", "Q16521"), 200);
    private static final String OBSCURE_HUMAN = entity(
            "Q99999999", "{\"en\":{\"language\":\"en\",\"value\":\"Jane Nobody\"}}", "{}", claims("P31", "Q5"), 1);

    /** A dump entity as Wikidata writes it (abridged to the fields the reader uses plus a few it must skip). */
    private static String entity(String id, String labels, String aliases, String claims, int sitelinks) {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < sitelinks; i++) {
            links.append(i == 0 ? "" : ",")
                    .append("\"w")
                    .append(i)
                    .append("wiki\":{\"site\":\"w")
                    .append(i)
                    .append("wiki\",\"title\":\"x\",\"badges\":[]}");
        }
        return "{\"type\":\"item\",\"id\":\"" + id + "\",\"labels\":" + labels
                + ",\"descriptions\":{},\"aliases\":" + aliases + ",\"claims\":{" + claims + "},\"sitelinks\":{"
                + links + "},\"lastrevid\":1}";
    }

    private static String claims(String property, String item) {
        return "\"" + property + "\":[{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"" + property
                + "\",\"datavalue\":{\"value\":{\"entity-type\":\"item\",\"numeric-id\":" + item.substring(1)
                + ",\"id\":\"" + item + "\"},\"type\":\"wikibase-entityid\"},\"datatype\":\"wikibase-item\"},"
                + "\"type\":\"statement\",\"id\":\"" + item + "$1\",\"rank\":\"normal\"}]";
    }

    private static void writeDump(Path file, List<String> entities) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("[\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < entities.size(); i++) {
                out.write(
                        (entities.get(i) + (i < entities.size() - 1 ? ",\n" : "\n")).getBytes(StandardCharsets.UTF_8));
            }
            out.write("]\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Path sources(Path dir) throws IOException {
        Files.writeString(
                dir.resolve("countries-wikidata.tsv"),
                "iso_alpha2\tiso_alpha3\twikidata_qid\tname\twikidata_label\n"
                        + "GB\tGBR\tQ145\tUnited Kingdom\tUnited Kingdom\nJP\tJPN\tQ17\tJapan\tJapan\n");
        Files.writeString(dir.resolve("places-natural-earth.tsv"), "wikidataid\tname\n");
        return dir;
    }

    @Test
    void shouldKeepHumansOrganisationsAndPlacesWithEnoughSitelinksFromAGzippedDump(@TempDir Path dir)
            throws IOException {
        Path dump = dir.resolve("latest-all.json.gz");
        writeDump(dump, List.of(HUMAN, ORGANISATION, CITY, TAXON, OBSCURE_HUMAN));
        Path built = Files.createDirectories(dir.resolve("built"));
        Files.writeString(built.resolve(KnowledgeBaseBuilder.INDEX), "people.tsv\n");
        Files.writeString(built.resolve("people.tsv"), BuiltEntity.HEADER + "\nQ1065\tORG\t\t\t0\t80\tUN\t\t\t\tx\n");

        WikidataDumpReader.Stats stats = WikidataDumpReader.addToKnowledgeBase(
                dump, new WikidataDumpReader.Filter(List.of("en", "es"), 10), sources(dir), built);

        assertThat(stats.read()).isEqualTo(5);
        List<Map<String, String>> rows =
                Tsv.rows(Files.readString(built.resolve(WikidataDumpReader.OUTPUT)), WikidataDumpReader.OUTPUT);
        // Q1065 is already in another built table; the lion is no person, organisation or place; Jane has 1 sitelink
        assertThat(rows).extracting(r -> r.get("qid")).containsExactly("Q42", "Q1490");
        BuiltEntity adams = BuiltEntity.fromRow(rows.get(0));
        assertThat(adams.kind()).isEqualTo(EntityKind.PERSON);
        assertThat(adams.name()).isEqualTo("Douglas Adams");
        assertThat(adams.names()).containsExactly("Douglas Noel Adams");
        assertThat(adams.acronyms()).containsExactly("DNA");
        assertThat(adams.coreferentShortNames()).containsExactly("Adams");
        assertThat(adams.country()).isEqualTo("GB");
        BuiltEntity tokyo = BuiltEntity.fromRow(rows.get(1));
        assertThat(tokyo.kind()).isEqualTo(EntityKind.LOC);
        assertThat(tokyo.subtype()).isEqualTo("city");
        assertThat(tokyo.population()).isEqualTo(14_047_594L);
        assertThat(tokyo.country()).isEqualTo("JP");
        assertThat(Files.readAllLines(built.resolve(KnowledgeBaseBuilder.INDEX)))
                .containsExactly("people.tsv", WikidataDumpReader.OUTPUT);
    }

    @Test
    void shouldWriteTheSameBytesForTheSameDump(@TempDir Path a, @TempDir Path b) throws IOException {
        List<String> versions = new ArrayList<>();
        for (Path dir : List.of(a, b)) {
            Path dump = dir.resolve("latest-all.json.gz");
            writeDump(dump, List.of(CITY, HUMAN));
            Path built = Files.createDirectories(dir.resolve("built"));
            Files.writeString(built.resolve(KnowledgeBaseBuilder.INDEX), "");
            WikidataDumpReader.addToKnowledgeBase(
                    dump, new WikidataDumpReader.Filter(List.of("en"), 0), sources(dir), built);
            versions.add(KnowledgeBaseBuilder.version(built));
        }
        assertThat(Files.readAllBytes(a.resolve("built").resolve(WikidataDumpReader.OUTPUT)))
                .isEqualTo(Files.readAllBytes(b.resolve("built").resolve(WikidataDumpReader.OUTPUT)));
        assertThat(versions.get(0)).isEqualTo(versions.get(1));
    }

    @Test
    void shouldRefuseAFileThatIsNotADump() {
        assertThatThrownBy(() -> WikidataDumpReader.read(
                        new ByteArrayInputStream("{\"id\":\"Q1\"}".getBytes(StandardCharsets.UTF_8)),
                        new WikidataDumpReader.Filter(List.of("en"), 0),
                        Map.of(),
                        "x",
                        e -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("must start with '['");
    }
}
