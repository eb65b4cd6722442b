package io.newsflow.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.TestRecords;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Properties over arbitrary text: any article survives the serde unchanged, and its JSON is one parseable line. */
class AvroJsonPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AvroWireSerde<RawArticle> serde =
            AvroWireSerde.forValues(new InMemorySchemaRegistryClient("properties"), RawArticle.class);

    @Property(tries = 200)
    void anyArticleRoundTripsThroughTheSerdeAndItsJsonIsOneParseableLine(
            @ForAll String title,
            @ForAll String body,
            @ForAll String attributeValue,
            @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long ingestedMillis)
            throws IOException {
        RawArticle article = RawArticle.newBuilder(TestRecords.rawArticle())
                .setTitle(title)
                .setBody(body)
                .setAttributes(Map.of("note", attributeValue))
                .setIngestedAt(Instant.ofEpochMilli(ingestedMillis))
                .build();

        RawArticle read =
                serde.deserializer().deserialize("p", serde.serializer().serialize("p", article));
        String line = AvroJson.toJson(article);
        JsonNode json = JSON.readTree(line);

        assertThat(read).isEqualTo(article);
        assertThat(line).doesNotContain("\n");
        assertThat(json.get("title").asText()).isEqualTo(title);
        assertThat(json.get("body").asText()).isEqualTo(body);
        assertThat(json.get("attributes").get("note").asText()).isEqualTo(attributeValue);
        assertThat(Instant.parse(json.get("ingestedAt").asText())).isEqualTo(Instant.ofEpochMilli(ingestedMillis));
    }
}
