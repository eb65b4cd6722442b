package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.RawArticleBuilder.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The topology as {@code newsflow enrich} runs it: serdes that only look the public subjects up, on a registry where
 * the set-up step ({@code newsflow topics --create}) registered them, and nothing else. Kafka Streams' internal
 * repartition topics get subjects no set-up can know; the enricher must register those itself.
 */
class EnrichTopologyLookupOnlyTest {

    @Test
    void shouldEnrichWithLookupOnlySerdesWhenOnlyThePublicSubjectsWereSetUp() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("lookup-only-topology-test");
        SchemaSetup.apply(
                registry,
                List.of(
                        Topics.ARTICLES_RAW,
                        Topics.ARTICLES_ENRICHED,
                        Topics.DLQ,
                        Topics.TRENDS,
                        Topics.forGeoTopic("kp-ru-rapprochement"),
                        Topics.forGeoTopic("us-kp-diplomacy")));
        EnrichSerdes serdes = EnrichSerdes.using(registry, false);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lookup-only-" + System.nanoTime());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        RawArticle article = aRawArticle()
                .withId("lookup-only-1")
                .withTitle("Corea del Norte y Rusia firman un tratado de cooperación militar")
                .withBody("Kim Jong-un recibió en Pyongyang a Vladimir Putin. Corea del Norte y Rusia firmaron un"
                        + " tratado de defensa mutua.")
                .build();

        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(
                        serdes,
                        ArticleEnricher.withDefaultKnowledgeBase(),
                        Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC)),
                props)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(
                    Topics.ARTICLES_RAW,
                    Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(
                    Topics.ARTICLES_ENRICHED,
                    Serdes.String().deserializer(),
                    serdes.enrichedArticles().deserializer());
            raw.pipeInput(
                    "lookup-only-1".getBytes(),
                    AvroWireSerde.forValues(registry, RawArticle.class, false)
                            .serializer()
                            .serialize(Topics.ARTICLES_RAW, article));

            assertThat(enriched.readKeyValuesToList())
                    .singleElement()
                    .satisfies(kv -> assertThat(kv.key).isEqualTo("lookup-only-1"));
        }
    }
}
