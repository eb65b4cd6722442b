package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.Bytes.utf8;
import static io.newsflow.testsupport.builders.RawArticleBuilder.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.trend.TrendSettings;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * That the enricher's topology feeds what it enriches into the trends (the windows themselves are tested in
 * {@code TrendTopologyTest}), and leaves them out when they are disabled.
 */
class EnrichTopologyTrendsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static ArticleEnricher enricher;

    @BeforeAll
    static void loadKnowledgeBase() {
        enricher = ArticleEnricher.withDefaultKnowledgeBase();
    }

    @Test
    void shouldCountAnEnrichedArticleForItsTopicsAndEntitiesAtItsPublicationTime() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("enrich-trends-test");
        EnrichSerdes serdes = EnrichSerdes.using(registry);
        Instant published = Instant.parse("2026-12-01T10:07:00Z");
        RawArticle article = aRawArticle()
                .withId("kp-ru-1")
                .withTitle("Corea del Norte y Rusia firman un tratado de cooperación militar")
                .withBody("El líder norcoreano Kim Jong-un recibió en Pyongyang a Vladimir Putin. "
                        + "Corea del Norte y Rusia firmaron un tratado de defensa mutua durante la cumbre.")
                .publishedAt(published)
                .ingestedAt(published.plusSeconds(600))
                .build();
        List<KeyValue<String, TrendUpdate>> updates;
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(serdes, enricher, Clock.fixed(NOW, ZoneOffset.UTC), TrendSettings.DEFAULTS),
                props())) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(
                    Topics.ARTICLES_RAW,
                    Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            raw.pipeInput(
                    utf8("kp-ru-1"),
                    AvroWireSerde.forValues(registry, RawArticle.class)
                            .serializer()
                            .serialize(Topics.ARTICLES_RAW, article));
            updates = driver.createOutputTopic(
                            Topics.TRENDS,
                            Serdes.String().deserializer(),
                            serdes.trendUpdates().deserializer())
                    .readKeyValuesToList();
        }

        assertThat(updates)
                .extracting(kv -> kv.key)
                .contains("entity:Q423", "entity:Q159", "topic:kp-ru-rapprochement");
        assertThat(updates)
                .filteredOn(kv -> kv.key.equals("entity:Q423"))
                .extracting(kv -> kv.value)
                .extracting(TrendUpdate::getWindowSize, TrendUpdate::getWindowStart, TrendUpdate::getCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("PT15M", Instant.parse("2026-12-01T10:00:00Z"), 1L),
                        org.assertj.core.groups.Tuple.tuple("PT24H", Instant.parse("2026-12-01T00:00:00Z"), 1L));
    }

    @Test
    void shouldWriteNoTrendsWhenTheyAreDisabled() {
        EnrichSerdes serdes = EnrichSerdes.using(new InMemorySchemaRegistryClient("enrich-no-trends-test"));
        TrendSettings off = new TrendSettings(false, Duration.ofHours(1), Duration.ofHours(6), 8);

        String on = EnrichTopology.build(serdes, enricher, Clock.systemUTC(), TrendSettings.DEFAULTS)
                .describe()
                .toString();
        String without = EnrichTopology.build(serdes, enricher, Clock.systemUTC(), off)
                .describe()
                .toString();

        assertThat(on).contains(Topics.TRENDS);
        assertThat(without).doesNotContain(Topics.TRENDS).contains(Topics.ARTICLES_ENRICHED);
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-trends-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }
}
