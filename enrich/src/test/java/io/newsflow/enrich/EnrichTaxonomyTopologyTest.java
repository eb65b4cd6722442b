package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.Bytes.toArray;
import static io.newsflow.testsupport.builders.Bytes.utf8;
import static io.newsflow.testsupport.builders.RawArticleBuilder.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.topics.InvalidTaxonomyException;
import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TopicAssignment;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enricher following {@code news-taxonomy} at run time, driven by {@link TopologyTestDriver} with the real
 * analyzer and the sample {@code geo-topics-v2} document. The refused documents' dead letters leave the topology
 * through {@link TaxonomyDeadLetters} (a global store cannot forward to a sink); here they are collected in a list,
 * and the real producer path to {@code news-dlq} is covered against a real broker in {@code TaxonomyAtRunTimeIT}.
 */
class EnrichTaxonomyTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Path SAMPLE_V2 = Path.of("..", "samples", "taxonomy", "geo-topics-v2.json");
    private static ArticleEnricher enricher;
    private static String v2;

    private final List<DeadLetter> letters = new ArrayList<>();
    private final List<String> letterKeys = new ArrayList<>();
    private final List<String> installed = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestInputTopic<byte[], byte[]> taxonomyTopic;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private Serializer<RawArticle> rawSerializer;
    private LiveTaxonomy live;

    @BeforeAll
    static void loadKnowledgeBase() throws IOException {
        enricher = ArticleEnricher.withDefaultKnowledgeBase();
        v2 = Files.readString(SAMPLE_V2, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void startDriver() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("enrich-taxonomy-test");
        EnrichSerdes serdes = EnrichSerdes.using(registry);
        rawSerializer = AvroWireSerde.forValues(registry, RawArticle.class).serializer();
        live = new LiveTaxonomy(
                enricher.builtInTaxonomy(),
                (key, letter) -> {
                    letterKeys.add(key);
                    letters.add(letter);
                },
                t -> installed.add(t.name()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-taxonomy-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(
                EnrichTopology.build(serdes, enricher, live, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(
                Topics.ARTICLES_RAW,
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        taxonomyTopic = driver.createInputTopic(
                Topics.TAXONOMY,
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(
                Topics.ARTICLES_ENRICHED,
                Serdes.String().deserializer(),
                serdes.enrichedArticles().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static RawArticle sahelArticle(String id) {
        return aRawArticle()
                .withId(id)
                .withTitle("Jihadists kill dozens of soldiers in Burkina Faso")
                // each its own report: the same text under another id would be dropped as an exact duplicate
                .withBody("Militants linked to JNIM attacked an army base in northern Burkina Faso, the junta said in"
                        + " report " + id + ".")
                .build();
    }

    private EnrichedArticle enrich(RawArticle article) {
        raw.pipeInput(utf8(article.getArticleId()), rawSerializer.serialize(Topics.ARTICLES_RAW, article));
        return enriched.readValue();
    }

    private static List<String> topicIds(EnrichedArticle article) {
        return article.getTopics().stream().map(TopicAssignment::getId).toList();
    }

    @Test
    void shouldTagWithTheBundledTaxonomyUntilNewsTaxonomySaysOtherwise() {
        EnrichedArticle before = enrich(sahelArticle("sahel-0"));

        assertThat(before.getVersions().getTaxonomy()).isEqualTo("geo-topics-v1");
        assertThat(topicIds(before)).doesNotContain("sahel-security");
    }

    @Test
    void shouldTagArticlesBeforeTheSwitchWithV1AndAfterItWithV2AndItsNewTopic() {
        EnrichedArticle before = enrich(sahelArticle("sahel-1"));

        taxonomyTopic.pipeInput(utf8("geo-topics"), v2.getBytes(StandardCharsets.UTF_8));
        EnrichedArticle after = enrich(sahelArticle("sahel-2"));

        assertThat(before.getVersions().getTaxonomy()).isEqualTo("geo-topics-v1");
        assertThat(topicIds(before)).doesNotContain("sahel-security");
        assertThat(after.getVersions().getTaxonomy()).isEqualTo("geo-topics-v2");
        assertThat(after.getVersions().getEnrichment()).endsWith(live.current().rulesVersion());
        assertThat(topicIds(after)).contains("sahel-security", "terrorism");
        assertThat(installed).containsExactly("geo-topics-v2");
        assertThat(letters).isEmpty();
    }

    @Test
    void shouldIgnoreAnInvalidDocumentKeepTheLastGoodVersionAndDeadLetterItsBytesWithTheReason() {
        taxonomyTopic.pipeInput(utf8("geo-topics"), v2.getBytes(StandardCharsets.UTF_8));
        byte[] broken = v2.replace("\"taxonomy\": \"geo-topics-v2\"", "\"taxonomy\": \"geo-topics-v3\"")
                .replace("\"ML\",", "\"Mali\",")
                .getBytes(StandardCharsets.UTF_8);

        taxonomyTopic.pipeInput(utf8("geo-topics"), broken);
        EnrichedArticle after = enrich(sahelArticle("sahel-3"));

        assertThat(after.getVersions().getTaxonomy()).isEqualTo("geo-topics-v2");
        assertThat(topicIds(after)).contains("sahel-security");
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getStage()).isEqualTo(TaxonomyUpdater.STAGE);
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.TAXONOMY);
            assertThat(letter.getSourceOffset()).isEqualTo(1L);
            assertThat(toArray(letter.getValue())).isEqualTo(broken);
            assertThat(toArray(letter.getKey())).isEqualTo(utf8("geo-topics"));
            assertThat(letter.getErrorClass()).isEqualTo(InvalidTaxonomyException.class.getName());
            assertThat(letter.getErrorMessage()).containsPattern("line \\d+").contains("Mali");
        });
        assertThat(letterKeys).containsExactly("geo-topics");
    }

    @Test
    void shouldDeadLetterATombstoneAndKeepTheTaxonomyInForce() {
        taxonomyTopic.pipeInput(utf8("geo-topics"), v2.getBytes(StandardCharsets.UTF_8));

        taxonomyTopic.pipeInput(utf8("geo-topics"), (byte[]) null);

        assertThat(live.current().name()).isEqualTo("geo-topics-v2");
        assertThat(letters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.getErrorMessage()).contains("tombstone"));
    }

    @Test
    void shouldRefuseAnOlderVersionAfterANewerOne() {
        String v3 = v2.replace("\"taxonomy\": \"geo-topics-v2\"", "\"taxonomy\": \"geo-topics-v3\"");
        taxonomyTopic.pipeInput(utf8("geo-topics"), v3.getBytes(StandardCharsets.UTF_8));

        taxonomyTopic.pipeInput(utf8("geo-topics"), v2.getBytes(StandardCharsets.UTF_8));

        Taxonomy inForce = live.current();
        assertThat(inForce.name()).isEqualTo("geo-topics-v3");
        assertThat(letters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.getErrorMessage()).contains("older than geo-topics-v3"));
    }
}
