package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing of enriched articles to one {@code news-topic-<id>} per topic tag, through the whole topology with the real
 * analyzer: the seed article (a Spanish report on Kim Jong-un refusing Trump's letter while moving closer to Russia)
 * is tagged with three topics of geo-topics-v1, a weather report with none.
 */
class GeoTopicRoutingTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Path SEED = Path.of("..", "samples", "seed-es-kp-us-letter.txt")
            .toAbsolutePath()
            .normalize();
    private static ArticleEnricher enricher;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private Map<String, TestOutputTopic<String, EnrichedArticle>> perTopic;
    private Serializer<RawArticle> rawSerializer;

    @BeforeAll
    static void loadKnowledgeBase() {
        enricher = ArticleEnricher.withDefaultKnowledgeBase();
    }

    @BeforeEach
    void startDriver() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("geo-routing-test");
        EnrichSerdes serdes = EnrichSerdes.using(registry);
        rawSerializer = AvroWireSerde.forValues(registry, RawArticle.class).serializer();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "geo-routing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver =
                new TopologyTestDriver(EnrichTopology.build(serdes, enricher, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(
                Topics.ARTICLES_RAW,
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(
                Topics.ARTICLES_ENRICHED,
                Serdes.String().deserializer(),
                serdes.enrichedArticles().deserializer());
        perTopic = new TreeMap<>();
        for (String id : enricher.topicIds()) {
            perTopic.put(
                    id,
                    driver.createOutputTopic(
                            Topics.forGeoTopic(id),
                            Serdes.String().deserializer(),
                            serdes.enrichedArticles().deserializer()));
        }
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldWriteTheSeedArticleToTheTopicOfEachOfItsThreeTopicsAndNowhereElse() throws IOException {
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        RawArticle seed = RawArticleBuilder.aRawArticle()
                .withId("seed-1")
                .withTitle(lines.get(0))
                .withBody(String.join("\n", lines.subList(1, lines.size())))
                .build();

        raw.pipeInput(utf8("seed-1"), rawSerializer.serialize(Topics.ARTICLES_RAW, seed));

        List<String> expected = List.of("kp-ru-rapprochement", "us-kp-diplomacy", "kp-nuclear-missile");
        for (String topic : expected) {
            List<KeyValue<String, EnrichedArticle>> copies = perTopic.get(topic).readKeyValuesToList();
            assertThat(copies).as(Topics.forGeoTopic(topic)).hasSize(1);
            assertThat(copies.get(0).key).isEqualTo("seed-1");
            assertThat(copies.get(0).value.getArticleId()).isEqualTo("seed-1");
            assertThat(copies.get(0).value.getTitle()).isEqualTo(lines.get(0));
        }
        perTopic.forEach((topic, output) -> {
            if (!expected.contains(topic)) {
                assertThat(output.isEmpty()).as(Topics.forGeoTopic(topic)).isTrue();
            }
        });
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("seed-1");
    }

    @Test
    void shouldWriteARedeliveredArticleOnceToTheEnrichedAndPerTopicTopics() throws IOException {
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        byte[] seed = rawSerializer.serialize(
                Topics.ARTICLES_RAW,
                RawArticleBuilder.aRawArticle()
                        .withId("seed-2")
                        .withTitle(lines.get(0))
                        .withBody(String.join("\n", lines.subList(1, lines.size())))
                        .build());
        raw.pipeInput(utf8("seed-2"), seed);

        raw.pipeInput(utf8("seed-2"), seed);

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("seed-2");
        assertThat(perTopic.get("kp-ru-rapprochement").readKeyValuesToList())
                .extracting(kv -> kv.key)
                .containsExactly("seed-2");
    }

    @Test
    void shouldWriteAnArticleWithoutTopicsToNoTopicTopic() {
        RawArticle weather = RawArticleBuilder.aRawArticle()
                .withId("weather-1")
                .withTitle("Sol y calor este fin de semana en Madrid")
                .withBody(
                        "Las temperaturas superarán los 30 grados el sábado. El domingo habrá tormentas por la tarde.")
                .build();

        raw.pipeInput(utf8("weather-1"), rawSerializer.serialize(Topics.ARTICLES_RAW, weather));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.getArticleId()).isEqualTo("weather-1");
        assertThat(out.getTopics()).isEmpty();
        perTopic.forEach((topic, output) ->
                assertThat(output.isEmpty()).as(Topics.forGeoTopic(topic)).isTrue());
    }
}
