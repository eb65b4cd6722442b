package io.newsflow.it;

import static io.newsflow.testsupport.builders.RawArticleBuilder.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.IncompatibleSchemaException;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.UnknownSchemaException;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Our registry client and serde against Confluent's own Schema Registry, the other registry the contract must work
 * with (Apicurio is covered by {@link SchemaRegistryClientIT} without Docker). Confluent's registry runs only as a
 * container, so this test needs a Docker engine and is skipped — reported as skipped — where there is none, as on
 * our build machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA =
            new KafkaContainer("apache/kafka:4.0.0").withNetwork(NETWORK).withListener("kafka:19092");

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
            .withNetwork(NETWORK)
            .dependsOn(KAFKA)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    private static SchemaRegistryClient client() {
        return new RestSchemaRegistryClient("http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081));
    }

    @Test
    void shouldRegisterAndFetchTheSameSchemaUnderOneId() {
        SchemaRegistryClient registry = client();

        int id = registry.register("confluent-it-value", RawArticle.getClassSchema());

        assertThat(registry.register("confluent-it-value", RawArticle.getClassSchema()))
                .isEqualTo(id);
        assertThat(client().schemaById(id)).isEqualTo(RawArticle.getClassSchema());
    }

    @Test
    void shouldRefuseAnIncompatibleChangeOnceBackwardIsSet() {
        SchemaRegistryClient registry = client();
        Schema v1 = SchemaBuilder.record("Thing")
                .namespace("it")
                .fields()
                .requiredString("a")
                .endRecord();
        Schema v2 = SchemaBuilder.record("Thing")
                .namespace("it")
                .fields()
                .requiredString("a")
                .requiredInt("b")
                .endRecord();
        registry.setCompatibility("confluent-it-compat-value", "BACKWARD");
        registry.register("confluent-it-compat-value", v1);

        assertThatThrownBy(() -> registry.register("confluent-it-compat-value", v2))
                .isInstanceOf(IncompatibleSchemaException.class);
    }

    @Test
    void shouldReportAnUnknownIdAsSuch() {
        assertThatThrownBy(() -> client().schemaById(987_654)).isInstanceOf(UnknownSchemaException.class);
    }

    /**
     * Our bytes read the way a Confluent consumer reads them, without our deserializer: the schema id from bytes 1-4,
     * the writer schema from the registry's own REST API ({@code GET /schemas/ids/{id}}), the id checked against the
     * registry's TopicNameStrategy subject ({@code GET /subjects/<topic>-value/versions/latest}), and the body decoded
     * by Avro's generic reader with that schema. Confluent's {@code KafkaAvroDeserializer} does exactly these steps;
     * it is not on Maven Central, so it is not run itself.
     */
    @Test
    void shouldWriteBytesThatTheRegistrysOwnSchemaDecodes() throws Exception {
        RawArticle article =
                aRawArticle().withId("confluent-1").withTitle("Título").build();
        byte[] bytes =
                AvroWireSerde.forValues(client(), RawArticle.class).serializer().serialize("confluent-topic", article);

        ByteBuffer wire = ByteBuffer.wrap(bytes);
        assertThat(wire.get()).as("magic byte").isZero();
        int id = wire.getInt();
        JsonNode byId = JSON.readTree(get("/schemas/ids/" + id));
        JsonNode latest = JSON.readTree(get("/subjects/confluent-topic-value/versions/latest"));
        assertThat(latest.get("id").asInt()).isEqualTo(id);
        Schema writer = new Schema.Parser().parse(byId.get("schema").asText());
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
        GenericRecord read = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);

        assertThat(decoder.isEnd()).as("no bytes left over").isTrue();
        assertThat(read.get("articleId").toString()).isEqualTo("confluent-1");
        assertThat(read.get("title").toString()).isEqualTo("Título");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081) + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }
}
