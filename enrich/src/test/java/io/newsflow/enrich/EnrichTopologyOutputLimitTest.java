package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.Bytes.utf8;
import static io.newsflow.testsupport.builders.RawArticleBuilder.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The output topics' limit as the topology applies it: checked when the article is enriched and once more just before
 * it is published, since the limit can be lowered while the article crosses the de-duplication repartition topics.
 */
class EnrichTopologyOutputLimitTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static ArticleEnricher enricher;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private AvroWireSerde<RawArticle> rawSerde;

    @BeforeAll
    static void loadKnowledgeBase() {
        enricher = ArticleEnricher.withDefaultKnowledgeBase();
    }

    private void start(IntSupplier outputLimit) {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("enrich-output-limit-test");
        EnrichSerdes serdes = EnrichSerdes.using(registry);
        rawSerde = AvroWireSerde.forValues(registry, RawArticle.class);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-output-limit-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(
                EnrichTopology.build(serdes, enricher, Clock.fixed(NOW, ZoneOffset.UTC), outputLimit), props);
        raw = driver.createInputTopic(
                Topics.ARTICLES_RAW,
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(
                Topics.ARTICLES_ENRICHED,
                Serdes.String().deserializer(),
                serdes.enrichedArticles().deserializer());
        deadLetters = driver.createOutputTopic(
                Topics.DLQ, Serdes.String().deserializer(), serdes.deadLetters().deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldDeadLetterAnArticleWhoseOutputTopicsLimitWasLoweredAfterItWasEnriched() {
        // the limit the enrichment step reads is the topics' 8 MiB; every later read says 2,000 bytes
        AtomicInteger reads = new AtomicInteger();
        start(() -> reads.incrementAndGet() == 1 ? Topics.MAX_MESSAGE_BYTES : 2_000);
        RawArticle article = summit("lowered-limit");

        raw.pipeInput(utf8("lowered-limit"), rawSerde.serializer().serialize(Topics.ARTICLES_RAW, article));

        assertThat(enriched.isEmpty()).as("nothing published").isTrue();
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo("enrich");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(letter.getValue()).as("the raw bytes stay in the raw topic").isNull();
        assertThat(letter.getErrorMessage())
                .contains("larger than the 2000 bytes its output topics accept")
                .contains("found just before publishing")
                .contains(Topics.ARTICLES_RAW + "-0@0");
        assertThat(reads)
                .as("checked at enrichment and again before publishing")
                .hasValueGreaterThan(1);
    }

    @Test
    void shouldPublishWithTheHeadersItCameWithAndNoneOfTheInternalOnes() {
        start(() -> Topics.MAX_MESSAGE_BYTES);
        RawArticle article = summit("with-headers");
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", utf8("00-abc-def-01"));

        raw.pipeInput(new TestRecord<>(
                utf8("with-headers"), rawSerde.serializer().serialize(Topics.ARTICLES_RAW, article), headers, NOW));

        TestRecord<String, EnrichedArticle> published = enriched.readRecord();
        assertThat(published.key()).isEqualTo("with-headers");
        assertThat(Arrays.stream(published.headers().toArray()).map(Header::key))
                .contains("traceparent")
                .noneMatch(key -> key.startsWith("newsflow.internal."));
    }

    private static RawArticle summit(String id) {
        return aRawArticle()
                .withId(id)
                .withTitle("Cumbre en Madrid")
                .withBody("Los gobiernos de España, Francia, Portugal e Italia se reunieron en Madrid, Sevilla y"
                        + " Valencia para hablar de la cumbre de Lisboa. " + id)
                .build();
    }
}
