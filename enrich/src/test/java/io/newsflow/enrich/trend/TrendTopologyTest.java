package io.newsflow.enrich.trend;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.TrendSubjectKind;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.testsupport.builders.EnrichedArticleBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trend windows, driven by {@link TopologyTestDriver} over the pure builder {@link TrendTopology#addTo}: enriched
 * articles in, {@link TrendUpdate}s out. Event times are set on each article; grace periods are the documented
 * defaults (PT1H for 15-minute windows, PT6H for daily ones) and the baseline is N = 8 windows.
 */
class TrendTopologyTest {

    private static final String SHORT = "PT15M";
    private static final String DAILY = "PT24H";
    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TEN = DAY.plus(Duration.ofHours(10));

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, TrendUpdate> trends;
    private final List<KeyValue<String, TrendUpdate>> seen = new ArrayList<>();
    private int articles;

    @BeforeEach
    void startDriver() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("trend-topology-test");
        EnrichSerdes serdes = EnrichSerdes.using(registry);
        StreamsBuilder builder = new StreamsBuilder();
        TrendTopology.addTo(
                builder.stream(Topics.ARTICLES_ENRICHED, Consumed.with(Serdes.String(), serdes.enrichedArticles())),
                serdes,
                TrendSettings.DEFAULTS);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        enriched = driver.createInputTopic(
                Topics.ARTICLES_ENRICHED,
                Serdes.String().serializer(),
                serdes.enrichedArticles().serializer());
        trends = driver.createOutputTopic(
                Topics.TRENDS,
                Serdes.String().deserializer(),
                serdes.trendUpdates().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCountArticlesPerTopicAndPerEntityInFifteenMinuteAndDailyWindows() {
        publish(article(TEN.plusSeconds(60))
                .withTopic("kp-ru-rapprochement", 0.9)
                .withEntity("Q423", EntityType.LOC, "Name of Q423", 1, 0.9));
        publish(article(TEN.plusSeconds(7 * 60))
                .withTopic("kp-ru-rapprochement", 0.8)
                .withEntity("Q159", EntityType.LOC, "Name of Q159", 1, 0.9));
        publish(article(TEN.plusSeconds(20 * 60))
                .withTopic("kp-ru-rapprochement", 0.7)
                .withEntity("Q423", EntityType.LOC, "Name of Q423", 1, 0.9));

        assertThat(latest("topic:kp-ru-rapprochement", SHORT, TEN).getCount()).isEqualTo(2);
        assertThat(latest("topic:kp-ru-rapprochement", SHORT, TEN.plusSeconds(15 * 60))
                        .getCount())
                .isEqualTo(1);
        assertThat(latest("topic:kp-ru-rapprochement", DAILY, DAY).getCount()).isEqualTo(3);
        assertThat(latest("entity:Q423", SHORT, TEN).getCount()).isEqualTo(1);
        assertThat(latest("entity:Q423", SHORT, TEN.plusSeconds(15 * 60)).getCount())
                .isEqualTo(1);
        assertThat(latest("entity:Q423", DAILY, DAY).getCount()).isEqualTo(2);
        assertThat(latest("entity:Q159", DAILY, DAY).getCount()).isEqualTo(1);
        TrendUpdate entity = latest("entity:Q423", DAILY, DAY);
        assertThat(entity.getSubjectKind()).isEqualTo(TrendSubjectKind.ENTITY);
        assertThat(entity.getSubjectId()).isEqualTo("Q423");
        assertThat(entity.getLabel()).isEqualTo("Name of Q423");
        assertThat(entity.getWindowEnd()).isEqualTo(DAY.plus(Duration.ofDays(1)));
        TrendUpdate topic = latest("topic:kp-ru-rapprochement", SHORT, TEN);
        assertThat(topic.getSubjectKind()).isEqualTo(TrendSubjectKind.TOPIC);
        assertThat(topic.getWindowEnd()).isEqualTo(TEN.plusSeconds(15 * 60));
    }

    @Test
    void shouldScoreAWindowAgainstTheMeanAndStddevOfTheEightWindowsBeforeIt() {
        long[] history = {1, 2, 1, 3, 0, 2, 1, 2}; // the window with 0 articles must count as 0
        for (int w = 0; w < history.length; w++) {
            for (int i = 0; i < history[w]; i++) {
                publish(article(windowStart(w).plusSeconds(10 + i)).withTopic("sanctions", 0.5));
            }
        }
        int spike = 9;
        for (int i = 0; i < spike; i++) {
            publish(article(windowStart(8).plusSeconds(10 + i)).withTopic("sanctions", 0.5));
        }

        double mean = 0;
        for (long c : history) {
            mean += c;
        }
        mean /= history.length;
        double variance = 0;
        for (long c : history) {
            variance += (c - mean) * (c - mean);
        }
        double stddev = Math.sqrt(variance / history.length);
        TrendUpdate update = latest("topic:sanctions", SHORT, windowStart(8));
        assertThat(update.getCount()).isEqualTo(spike);
        assertThat(update.getBaselineWindows()).isEqualTo(8);
        assertThat(update.getBaselineMean()).isCloseTo(mean, within(1e-9));
        assertThat(update.getBaselineStddev()).isCloseTo(stddev, within(1e-9));
        assertThat(update.getSpikeScore()).isCloseTo((spike - mean) / Math.max(stddev, 1.0), within(1e-9));
    }

    @Test
    void shouldFloorTheStddevAndLeaveTheScoreEmptyWithoutABaseline() {
        publish(article(windowStart(0).plusSeconds(5)).withTopic("flat", 0.5));
        publish(article(windowStart(1).plusSeconds(5)).withTopic("flat", 0.5));
        publish(article(windowStart(1).plusSeconds(6)).withTopic("flat", 0.5));

        TrendUpdate first = latest("topic:flat", SHORT, windowStart(0));
        assertThat(first.getBaselineWindows()).isZero();
        assertThat(first.getSpikeScore()).isNull();
        TrendUpdate second = latest("topic:flat", SHORT, windowStart(1));
        assertThat(second.getBaselineWindows()).isEqualTo(1);
        assertThat(second.getBaselineStddev()).isZero();
        assertThat(second.getSpikeScore()).isCloseTo((2 - 1) / 1.0, within(1e-9));
    }

    @Test
    void shouldUpdateAWindowWithALateArticleWithinTheGracePeriod() {
        publish(article(TEN.plusSeconds(5 * 60)).withTopic("sanctions", 0.5));
        publish(article(TEN.plusSeconds(40 * 60)).withTopic("sanctions", 0.5));
        drain();
        int before = seen.size();

        publish(article(TEN.plusSeconds(10 * 60)).withTopic("sanctions", 0.5)); // 25 min after its window ended

        drain();
        assertThat(seen.subList(before, seen.size()))
                .extracting(kv -> kv.value)
                .filteredOn(u -> u.getWindowSize().equals(SHORT))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.getWindowStart()).isEqualTo(TEN);
                    assertThat(u.getCount()).isEqualTo(2);
                    assertThat(u.getIsFinal()).isFalse();
                });
        assertThat(droppedRecords()).isZero();
    }

    @Test
    void shouldNotCountAnArticleArrivingAfterTheGracePeriodAndReportItAsDropped() {
        publish(article(TEN.plusSeconds(5 * 60)).withTopic("sanctions", 0.5));
        publish(article(TEN.plusSeconds(90 * 60)).withTopic("sanctions", 0.5)); // closes 10:00-10:15 (grace 1 h)

        publish(article(TEN.plusSeconds(10 * 60)).withTopic("sanctions", 0.5));

        assertThat(updates("topic:sanctions", SHORT, TEN))
                .extracting(TrendUpdate::getCount)
                .containsOnly(1L);
        assertThat(droppedRecords()).isEqualTo(1.0);
        // the daily window is still open (grace 6 h): the same article counts there
        assertThat(latest("topic:sanctions", DAILY, DAY).getCount()).isEqualTo(3);
    }

    @Test
    void shouldEmitOneFinalUpdateWhenStreamTimePassesTheWindowEndPlusGrace() {
        publish(article(TEN.plusSeconds(60)).withTopic("sanctions", 0.5));
        publish(article(TEN.plusSeconds(120)).withTopic("sanctions", 0.5));
        publish(article(TEN.plusSeconds(74 * 60)).withTopic("sanctions", 0.5)); // 10:15 + 1 h not reached yet
        assertThat(updates("topic:sanctions", SHORT, TEN)).noneMatch(TrendUpdate::getIsFinal);

        publish(article(TEN.plusSeconds(76 * 60)).withTopic("sanctions", 0.5)); // now it is

        assertThat(updates("topic:sanctions", SHORT, TEN))
                .filteredOn(TrendUpdate::getIsFinal)
                .singleElement()
                .satisfies(u -> assertThat(u.getCount()).isEqualTo(2));
    }

    @Test
    void shouldCountAnArticleWithoutPublicationTimeAtItsIngestionTime() {
        Instant ingested = TEN.plusSeconds(50 * 60);
        publish(anEnrichedArticle()
                .withId("no-date")
                .withPublishedAt(null)
                .withIngestedAt(ingested)
                .withTopic("sanctions", 0.5));

        assertThat(updates("topic:sanctions", SHORT, TEN.plusSeconds(45 * 60)))
                .extracting(TrendUpdate::getCount)
                .containsExactly(1L);
        assertThat(updates("topic:sanctions", SHORT, TEN)).isEmpty();
    }

    private static Instant windowStart(int index) {
        return TEN.plus(Duration.ofMinutes(15L * index));
    }

    /** An article published at {@code published}, ingested a minute later, with no topics or entities yet. */
    private EnrichedArticleBuilder article(Instant published) {
        return anEnrichedArticle()
                .withId("article-" + (++articles))
                .withPublishedAt(published)
                .withIngestedAt(published.plusSeconds(60));
    }

    private void publish(EnrichedArticleBuilder article) {
        EnrichedArticle a = article.build();
        enriched.pipeInput(a.getArticleId(), a);
    }

    private void drain() {
        seen.addAll(trends.readKeyValuesToList());
    }

    private List<TrendUpdate> updates(String key, String size, Instant start) {
        drain();
        return seen.stream()
                .filter(kv -> kv.key.equals(key))
                .map(kv -> kv.value)
                .filter(u ->
                        u.getWindowSize().equals(size) && u.getWindowStart().equals(start))
                .toList();
    }

    private TrendUpdate latest(String key, String size, Instant start) {
        List<TrendUpdate> all = updates(key, size, start);
        assertThat(all).as("updates of %s %s %s", key, size, start).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private double droppedRecords() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .filter(e -> e.getKey().group().equals("stream-task-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }
}
