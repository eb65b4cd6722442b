package io.newsflow.it;

import static io.newsflow.testsupport.builders.RawArticleBuilder.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.IncompatibleSchemaException;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.UnknownSchemaException;
import io.newsflow.schemas.serde.AvroWireSerde;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
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

    @Test
    void shouldRoundTripAnArticleThroughTheWireFormat() {
        AvroWireSerde<RawArticle> serde = AvroWireSerde.forValues(client(), RawArticle.class);
        RawArticle article =
                aRawArticle().withId("confluent-1").withTitle("Título").build();

        byte[] bytes = serde.serializer().serialize("confluent-topic", article);

        assertThat(bytes[0]).isZero();
        assertThat(AvroWireSerde.forValues(client(), RawArticle.class)
                        .deserializer()
                        .deserialize("confluent-topic", bytes))
                .isEqualTo(article);
    }
}
