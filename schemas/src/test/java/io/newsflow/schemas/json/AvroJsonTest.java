package io.newsflow.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.TestRecords;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldUseExactlyTheSchemaFieldNamesInSchemaOrder() throws IOException {
        JsonNode json = JSON.readTree(AvroJson.toJson(TestRecords.rawArticle()));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactlyElementsOf(RawArticle.getClassSchema().getFields().stream()
                        .map(Schema.Field::name)
                        .toList());
    }

    @Test
    void shouldWriteTimestampsAsIsoUtcStrings() throws IOException {
        JsonNode json = JSON.readTree(AvroJson.toJson(TestRecords.enrichedArticle()));

        assertThat(json.get("ingestedAt").asText()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(json.get("enrichedAt").asText()).isEqualTo("2026-11-30T00:00:01.250Z");
        assertThat(json.get("publishedAt").asText()).isEqualTo("2026-11-29T18:30:00Z");
    }

    @Test
    void shouldUnwrapUnionsAndWriteNullsAsJsonNull() throws IOException {
        JsonNode json = JSON.readTree(AvroJson.toJson(TestRecords.rawArticle()));

        assertThat(json.get("url").isTextual()).isTrue();
        assertThat(json.get("url").asText()).isEqualTo("https://example.org/news/1");
        assertThat(json.get("lede").isNull()).isTrue();
        assertThat(json.get("declaredLanguage").asText()).isEqualTo("en");
    }

    @Test
    void shouldWriteEnumsAsSymbolsMapsAsObjectsAndNestedArrays() throws IOException {
        JsonNode json = JSON.readTree(AvroJson.toJson(TestRecords.enrichedArticle()));

        assertThat(json.get("channel").asText()).isEqualTo("RSS");
        JsonNode entity = json.get("entities").get(0);
        assertThat(entity.get("type").asText()).isEqualTo("LOC");
        assertThat(entity.get("confidence").isDouble()).isTrue();
        assertThat(entity.get("confidence").asDouble()).isEqualTo(0.93);
        assertThat(entity.get("mentions").get(0).get("field").asText()).isEqualTo("TITLE");
        assertThat(entity.get("mentions").get(0).get("end").asInt()).isEqualTo(9);
        assertThat(json.get("topics").get(0).get("evidence").get(0).get("matched"))
                .extracting(JsonNode::asText)
                .containsExactly("Q18808", "Q649");
        assertThat(json.get("fingerprint").get("simhash").asLong()).isEqualTo(-42L);
        assertThat(json.get("attributes").isObject()).isTrue();
    }

    @Test
    void shouldWriteBytesAsBase64AndHeadersAsObject() throws IOException {
        DeadLetter letter = TestRecords.deadLetter();

        JsonNode json = JSON.readTree(AvroJson.toJson(letter));

        assertThat(json.get("key").asText()).isEqualTo("YS0x");
        assertThat(json.get("value").binaryValue()).containsExactly(0, 0, 0, 0, 7, 0xff);
        assertThat(json.get("headers").get("trace").asText()).isEqualTo("x");
        assertThat(json.get("sourceOffset").asLong()).isEqualTo(12345L);
        assertThat(json.get("failedAt").asText()).isEqualTo("2026-11-30T00:00:00Z");
        // writing did not consume the record's buffers
        assertThat(letter.getValue().remaining()).isEqualTo(6);
    }

    @Test
    void shouldWriteGenericRecordsWithRawLongTimestampsTheSameWay() throws IOException {
        GenericRecord generic = new GenericData.Record(RawArticle.getClassSchema());
        RawArticle specific = TestRecords.rawArticle();
        for (Schema.Field field : RawArticle.getClassSchema().getFields()) {
            generic.put(field.pos(), specific.get(field.pos()));
        }
        generic.put("ingestedAt", TestRecords.INGESTED.toEpochMilli());
        generic.put("publishedAt", TestRecords.PUBLISHED.toEpochMilli());
        generic.put(
                "channel",
                new GenericData.EnumSymbol(
                        RawArticle.getClassSchema().getField("channel").schema(), "RSS"));

        assertThat(JSON.readTree(AvroJson.toJson(generic))).isEqualTo(JSON.readTree(AvroJson.toJson(specific)));
    }

    @Test
    void shouldProduceJsonLinesThatParseOneRecordPerLine() throws IOException {
        String lines = Stream.of(
                        TestRecords.rawArticle(),
                        TestRecords.minimalRawArticle(),
                        TestRecords.enrichedArticle(),
                        TestRecords.deadLetter())
                .map(AvroJson::toJson)
                .collect(Collectors.joining("\n"));

        List<JsonNode> parsed = new ArrayList<>();
        Iterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(lines);
        values.forEachRemaining(parsed::add);

        assertThat(lines.lines()).hasSize(4);
        assertThat(parsed).hasSize(4);
        assertThat(parsed.get(0).get("body").asText())
                .isEqualTo(TestRecords.rawArticle().getBody());
        assertThat(parsed.get(1).get("channel").asText()).isEqualTo("UNKNOWN");
        assertThat(parsed.get(2).get("language").get("code").asText()).isEqualTo("en");
        assertThat(parsed.get(3).get("stage").asText()).isEqualTo("enrich");
    }

    @Test
    void shouldKeepEnrichedArticleFieldNamesAtEveryLevel() throws IOException {
        EnrichedArticle article = TestRecords.enrichedArticle();

        JsonNode json = JSON.readTree(AvroJson.toJson(article));

        assertThat(fieldNames(json.get("language"))).containsExactly("code", "confidence", "declared");
        assertThat(fieldNames(json.get("versions"))).containsExactly("enrichment", "knowledgeBase", "taxonomy");
        assertThat(fieldNames(json.get("entities").get(0).get("mentions").get(0)))
                .containsExactly("field", "start", "end", "surface", "matchedBy");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
