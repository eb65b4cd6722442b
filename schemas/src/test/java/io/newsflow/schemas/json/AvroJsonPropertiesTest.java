package io.newsflow.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.RandomInputs;
import io.newsflow.schemas.TestRecords;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties over arbitrary text: any article survives the serde unchanged, and its JSON is one parseable line. */
class AvroJsonPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AvroWireSerde<RawArticle> serde =
            AvroWireSerde.forValues(new InMemorySchemaRegistryClient("properties"), RawArticle.class);

    static LongStream seeds() {
        return RandomInputs.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyArticleRoundTripsThroughTheSerdeAndItsJsonIsOneParseableLine(long seed) throws IOException {
        Random random = new Random(seed);
        String title = RandomInputs.anyString(random, 200);
        String body = RandomInputs.anyString(random, 500);
        String attributeValue = RandomInputs.anyString(random, 50);
        // years 0001 to 9999, what ISO-8601 text round-trips
        long ingestedMillis =
                -62_135_596_800_000L + (long) (random.nextDouble() * (253_402_300_799_999L + 62_135_596_800_000L));
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

        assertThat(read.getTitle()).isEqualTo(article.getTitle());
        assertThat(read.getBody()).isEqualTo(article.getBody());
        assertThat(read.getAttributes()).isEqualTo(article.getAttributes());
        assertThat(read.getIngestedAt()).isEqualTo(article.getIngestedAt());
        assertThat(read).isEqualTo(article);
        assertThat(line).doesNotContain("\n");
        assertThat(json.get("title").asText()).isEqualTo(title);
        assertThat(json.get("body").asText()).isEqualTo(body);
        assertThat(json.get("attributes").get("note").asText()).isEqualTo(attributeValue);
        assertThat(Instant.parse(json.get("ingestedAt").asText())).isEqualTo(Instant.ofEpochMilli(ingestedMillis));
    }
}
