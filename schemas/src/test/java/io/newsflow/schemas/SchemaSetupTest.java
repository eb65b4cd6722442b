package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaSetupTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("schema-setup-test");

    @Test
    void shouldRegisterEachAvroTopicsContractAndSetBackwardCompatibility() {
        String geo = Topics.forGeoTopic("schema-setup-test");

        Map<String, Integer> ids = SchemaSetup.apply(
                registry,
                List.of(
                        Topics.INGEST,
                        Topics.ARTICLES_RAW,
                        Topics.ARTICLES_ENRICHED,
                        Topics.TRENDS,
                        Topics.DLQ,
                        Topics.TAXONOMY,
                        geo));

        assertThat(ids)
                .containsOnlyKeys(
                        "news-ingest-value",
                        "news-articles-raw-value",
                        "news-articles-enriched-value",
                        "news-trends-value",
                        "news-dlq-value",
                        geo + "-value");
        assertThat(registry.versions("news-articles-raw-value"))
                .containsExactly(Contracts.contract(RawArticle.getClassSchema().getFullName())
                        .orElseThrow());
        assertThat(registry.versions("news-articles-enriched-value"))
                .containsExactly(Contracts.contractOf(EnrichedArticle.getClassSchema()));
        assertThat(registry.versions(geo + "-value"))
                .containsExactly(Contracts.contractOf(EnrichedArticle.getClassSchema()));
        assertThat(registry.versions("news-trends-value"))
                .containsExactly(Contracts.contractOf(TrendUpdate.getClassSchema()));
        assertThat(registry.versions("news-dlq-value"))
                .containsExactly(Contracts.contractOf(DeadLetter.getClassSchema()));
        assertThat(ids.keySet()).allSatisfy(subject -> {
            assertThat(registry.compatibility(subject)).isEqualTo("BACKWARD");
            assertThat(registry.versions(subject).get(0).toString()).doesNotContain("avro.java.string");
        });
        // news-taxonomy holds JSON documents: no subject
        assertThat(registry.versions("news-taxonomy-value")).isEmpty();
        assertThat(registry.compatibility("news-taxonomy-value")).isEqualTo("NONE");
    }

    @Test
    void shouldRegisterNothingNewWhenRunAgain() {
        Map<String, Integer> first = SchemaSetup.apply(registry, List.of(Topics.ARTICLES_RAW, Topics.DLQ));

        Map<String, Integer> second = SchemaSetup.apply(registry, List.of(Topics.ARTICLES_RAW, Topics.DLQ));

        assertThat(second).isEqualTo(first);
        assertThat(registry.versions("news-articles-raw-value")).hasSize(1);
        assertThat(registry.versions("news-dlq-value")).hasSize(1);
    }

    @Test
    void shouldShipAContractOfTheSameCanonicalFormAsEachGeneratedClass() {
        for (Schema classSchema : List.of(
                RawArticle.getClassSchema(),
                EnrichedArticle.getClassSchema(),
                DeadLetter.getClassSchema(),
                TrendUpdate.getClassSchema())) {
            Schema contract = Contracts.contract(classSchema.getFullName()).orElseThrow();
            assertThat(SchemaNormalization.toParsingForm(contract))
                    .isEqualTo(SchemaNormalization.toParsingForm(classSchema));
            assertThat(contract.toString()).doesNotContain("avro.java.string");
            assertThat(Contracts.contractOf(classSchema)).isSameAs(contract);
        }
    }

    @Test
    void shouldRefuseAClassWhoseEncodingDiffersFromTheShippedContract() {
        Schema otherVersion = SchemaBuilder.record("RawArticle")
                .namespace("io.newsflow.schemas.avro")
                .fields()
                .requiredString("articleId")
                .endRecord();

        assertThatThrownBy(() -> Contracts.contractOf(otherVersion))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("avro/RawArticle.avsc")
                .hasMessageContaining("Parsing Canonical Form");
    }

    @Test
    void shouldUseTheClassSchemaOfARecordNewsflowShipsNoContractFor() {
        Schema foreign = SchemaBuilder.record("Foreign")
                .namespace("org.example")
                .fields()
                .requiredString("id")
                .endRecord();

        assertThat(Contracts.contractOf(foreign)).isSameAs(foreign);
    }

    @Test
    void shouldDocumentEveryFieldOfEnrichedArticleAndDeadLetterAndEveryNamedTypeTheyUse() {
        for (String name : List.of(
                EnrichedArticle.getClassSchema().getFullName(),
                DeadLetter.getClassSchema().getFullName())) {
            assertUndocumented(Contracts.contract(name).orElseThrow(), new java.util.HashSet<>());
        }
    }

    private static void assertUndocumented(Schema schema, java.util.Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                assertThat(schema.getDoc())
                        .as("doc of record " + schema.getFullName())
                        .isNotBlank();
                for (Schema.Field field : schema.getFields()) {
                    assertThat(field.doc())
                            .as("doc of " + schema.getName() + "." + field.name())
                            .isNotBlank();
                    assertUndocumented(field.schema(), seen);
                }
            }
            case ENUM ->
                assertThat(schema.getDoc())
                        .as("doc of enum " + schema.getFullName())
                        .isNotBlank();
            case ARRAY -> assertUndocumented(schema.getElementType(), seen);
            case MAP -> assertUndocumented(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(t -> assertUndocumented(t, seen));
            default -> {}
        }
    }
}
