package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The de-duplication stages exactly as the enricher wires them ({@link Deduplication#apply}), between a test input and
 * output topic, with articles whose fingerprints and versions are chosen by the test. Default settings: a 7-day window
 * and SimHash distance 6, so 7 bands of 10, 9, 9, 9, 9, 9 and 9 bits (starting at bits 0, 10, 19, 28, 37, 46, 55).
 */
class DeduplicationTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final long HASH = 0x0123_4567_89ab_cdefL;
    private static final int[] BAND_STARTS = {0, 10, 19, 28, 37, 46, 55};

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;
    private TestOutputTopic<String, EnrichedArticle> out;

    @BeforeEach
    void startDriver() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("dedup-test");
        Serde<EnrichedArticle> articles = AvroWireSerde.forValues(registry, EnrichedArticle.class);
        StreamsBuilder builder = new StreamsBuilder();
        Deduplication.apply(
                        builder,
                        builder.stream("enriched-in", Consumed.with(Serdes.String(), articles)),
                        articles,
                        DedupSettings.DEFAULTS)
                .to("published-out", Produced.with(Serdes.String(), articles));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("enriched-in", Serdes.String().serializer(), articles.serializer());
        out = driver.createOutputTopic("published-out", Serdes.String().deserializer(), articles.deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldNotPublishTheSameArticleDeliveredAgain() {
        EnrichedArticle article = article("a-1", sha('1'), HASH);

        in.pipeInput("a-1", article, T0);
        in.pipeInput("a-1", article, T0.plusSeconds(60));

        assertThat(publishedIds()).containsExactly("a-1");
        assertThat(counter("exact-duplicates-total")).isEqualTo(1.0);
    }

    @Test
    void shouldNotPublishTheSameContentUnderAnotherId() {
        in.pipeInput("agency-1", article("agency-1", sha('2'), HASH), T0);

        in.pipeInput("outlet-1", article("outlet-1", sha('2'), HASH), T0.plus(Duration.ofHours(5)));

        assertThat(publishedIds()).containsExactly("agency-1");
        assertThat(counter("exact-duplicates-total")).isEqualTo(1.0);
    }

    @Test
    void shouldPublishAReEnrichmentWithANewerKnowledgeBaseAsAnUpdate() {
        in.pipeInput("a-1", article("a-1", sha('3'), HASH), T0);

        in.pipeInput(
                "a-1",
                anEnrichedArticle()
                        .withId("a-1")
                        .withFingerprint(sha('3'), HASH)
                        .withVersions("kb-2", "geo-topics-v1")
                        .build(),
                T0.plus(Duration.ofHours(1)));

        List<EnrichedArticle> published = out.readValuesToList();
        assertThat(published)
                .extracting(a -> a.getVersions().getKnowledgeBase())
                .containsExactly("kb-1", "kb-2");
        assertThat(published).extracting(EnrichedArticle::getDuplicateOf).containsOnlyNulls();
        assertThat(counter("exact-duplicates-total")).isZero();
    }

    @Test
    void shouldPublishTheSameContentAgainOnceTheWindowHasPassed() {
        in.pipeInput("agency-1", article("agency-1", sha('4'), HASH), T0);

        in.pipeInput("outlet-1", article("outlet-1", sha('4'), HASH), T0.plus(Duration.ofDays(8)));

        assertThat(publishedIds()).containsExactly("agency-1", "outlet-1");
    }

    @Test
    void shouldMarkACopyAtTheMaximumDistanceAsANearDuplicateOfTheFirst() {
        long sixBitsOff = flipFirstBitOfBands(HASH, 0, 1, 2, 3, 4, 5);
        in.pipeInput("first", article("first", sha('5'), HASH), T0);

        in.pipeInput("reprint", article("reprint", sha('6'), sixBitsOff), T0.plusSeconds(30));

        List<EnrichedArticle> published = out.readValuesToList();
        assertThat(published).extracting(EnrichedArticle::getArticleId).containsExactly("first", "reprint");
        assertThat(published.get(0).getDuplicateOf()).isNull();
        assertThat(published.get(1).getDuplicateOf()).isEqualTo("first");
        assertThat(counter("near-duplicates-total")).isEqualTo(1.0);
    }

    @Test
    void shouldNotMarkAnArticleOneBitBeyondTheDistance() {
        long sevenBitsOff = flipFirstBitOfBands(HASH, 0, 1, 2, 3, 4, 5, 6);
        in.pipeInput("first", article("first", sha('5'), HASH), T0);

        in.pipeInput("other", article("other", sha('7'), sevenBitsOff), T0.plusSeconds(30));

        assertThat(out.readValuesToList())
                .extracting(EnrichedArticle::getDuplicateOf)
                .containsOnlyNulls();
        assertThat(counter("near-duplicates-total")).isZero();
    }

    @Test
    void shouldPointEveryNearCopyAtTheEarliestCopy() {
        in.pipeInput("first", article("first", sha('8'), HASH), T0);
        in.pipeInput("second", article("second", sha('9'), flipFirstBitOfBands(HASH, 0)), T0.plusSeconds(10));

        in.pipeInput("third", article("third", sha('a'), flipFirstBitOfBands(HASH, 0, 3)), T0.plusSeconds(20));

        assertThat(out.readValuesToList())
                .extracting(EnrichedArticle::getDuplicateOf)
                .containsExactly(null, "first", "first");
    }

    @Test
    void shouldNotCallAnArticleANearDuplicateOfItsOwnEarlierVersion() {
        in.pipeInput("a-1", article("a-1", sha('b'), HASH), T0);

        in.pipeInput("a-1", article("a-1", sha('c'), flipFirstBitOfBands(HASH, 2)), T0.plusSeconds(10));

        assertThat(out.readValuesToList())
                .extracting(EnrichedArticle::getArticleId, EnrichedArticle::getDuplicateOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a-1", null),
                        org.assertj.core.groups.Tuple.tuple("a-1", null));
    }

    @Test
    void shouldPublishEveryArticleKeyedByItsIdWithoutInternalHeaders() {
        in.pipeInput("k", article("a-9", sha('d'), HASH), T0);

        var record = out.readRecord();

        assertThat(record.key()).isEqualTo("a-9");
        assertThat(record.headers().lastHeader(NearDuplicateLookup.CANDIDATE_HEADER))
                .isNull();
    }

    private List<String> publishedIds() {
        return out.readValuesToList().stream()
                .map(EnrichedArticle::getArticleId)
                .toList();
    }

    private double counter(String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("stream-newsflow-dedup-metrics"))
                .filter(e -> e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static EnrichedArticle article(String id, String sha, long simhash) {
        return anEnrichedArticle().withId(id).withFingerprint(sha, simhash).build();
    }

    private static String sha(char digit) {
        return String.valueOf(digit).repeat(64);
    }

    private static long flipFirstBitOfBands(long hash, int... bands) {
        long flipped = hash;
        for (int band : bands) {
            flipped ^= 1L << BAND_STARTS[band];
        }
        return flipped;
    }
}
