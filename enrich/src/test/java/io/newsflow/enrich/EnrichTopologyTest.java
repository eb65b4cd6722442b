package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.Bytes.toArray;
import static io.newsflow.testsupport.builders.Bytes.utf8;
import static io.newsflow.testsupport.builders.RawArticleBuilder.aRawArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.assertions.EnrichedArticleAssert;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
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
 * Every branch of the enricher's topology, driven by {@link TopologyTestDriver} with the real analyzer and the
 * in-process schema registry (the REST registry is exercised against real Apicurio in the integration tests).
 */
class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static ArticleEnricher enricher;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private Serializer<RawArticle> rawSerializer;

    @BeforeAll
    static void loadKnowledgeBase() {
        enricher = ArticleEnricher.withDefaultKnowledgeBase();
    }

    @BeforeEach
    void startDriver() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("enrich-topology-test");
        EnrichSerdes serdes = EnrichSerdes.using(registry);
        rawSerializer = AvroWireSerde.forValues(registry, RawArticle.class).serializer();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
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
        deadLetters = driver.createOutputTopic(
                Topics.DLQ, Serdes.String().deserializer(), serdes.deadLetters().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldPublishEnrichedArticleKeyedByArticleId() {
        RawArticle article = aRawArticle()
                .withId("kp-ru-1")
                .withTitle("Corea del Norte y Rusia firman un tratado de cooperación militar")
                .withBody("El líder norcoreano Kim Jong-un recibió en Pyongyang a Vladimir Putin. "
                        + "Corea del Norte y Rusia firmaron un tratado de defensa mutua durante la cumbre.")
                .build();

        raw.pipeInput(utf8("some-other-key"), rawSerializer.serialize(Topics.ARTICLES_RAW, article));

        KeyValue<String, EnrichedArticle> out = enriched.readKeyValue();
        assertThat(out.key).isEqualTo("kp-ru-1");
        EnrichedArticleAssert.assertThat(out.value)
                .hasLanguage("es")
                .hasEntities("Q423", "Q159", "Q56226", "Q7747")
                .hasMentionsMatchingTheirText();
        assertThat(out.value.getEnrichedAt()).isEqualTo(NOW);
        assertThat(out.value.getIngestedAt()).isEqualTo(article.getIngestedAt());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterUndecodableRecordWithItsBytesAndCarryOn() {
        byte[] garbage = "this is not avro".getBytes(StandardCharsets.UTF_8);
        RawArticle good = aRawArticle()
                .withId("good-1")
                .withTitle("Rusia")
                .withBody("Noticias de Rusia y Ucrania.")
                .build();

        raw.pipeInput(utf8("bad-key"), garbage);
        raw.pipeInput(utf8("good-1"), rawSerializer.serialize(Topics.ARTICLES_RAW, good));

        KeyValue<String, DeadLetter> dead = deadLetters.readKeyValue();
        assertThat(dead.key).isEqualTo("bad-key");
        assertThat(dead.value.getStage()).isEqualTo("enrich");
        assertThat(dead.value.getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(dead.value.getSourcePartition()).isZero();
        assertThat(dead.value.getSourceOffset()).isZero();
        assertThat(toArray(dead.value.getValue())).isEqualTo(garbage);
        assertThat(toArray(dead.value.getKey())).isEqualTo(utf8("bad-key"));
        assertThat(dead.value.getErrorMessage()).containsIgnoringCase("magic byte");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(enriched.readKeyValue().key).isEqualTo("good-1");
    }

    @Test
    void shouldDeadLetterRecordWhoseSchemaIdTheRegistryDoesNotKnow() {
        byte[] unknownId =
                ByteBuffer.allocate(9).put((byte) 0).putInt(4242).putInt(0).array();

        raw.pipeInput(utf8("k"), unknownId);

        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getErrorMessage()).contains("4242");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterTombstoneInsteadOfFailing() {
        raw.pipeInput(utf8("deleted"), (byte[]) null);

        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getValue()).isNull();
        assertThat(dead.getErrorMessage()).contains("no value");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldCopyDeadLetterContextIntoHeaders() {
        raw.pipeInput(utf8("bad"), utf8("nope"));

        var record = deadLetters.readRecord();
        List<String> headerKeys = java.util.stream.StreamSupport.stream(
                        record.headers().spliterator(), false)
                .map(org.apache.kafka.common.header.Header::key)
                .toList();
        assertThat(headerKeys)
                .contains(
                        DeadLetters.HEADER_STAGE,
                        DeadLetters.HEADER_ERROR_CLASS,
                        DeadLetters.HEADER_ERROR_MESSAGE,
                        DeadLetters.HEADER_SOURCE);
        assertThat(new String(
                        record.headers().lastHeader(DeadLetters.HEADER_SOURCE).value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.ARTICLES_RAW + "-0@0");
    }
}
