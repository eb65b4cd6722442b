package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendSubjectKind;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trends through the REAL broker and REAL Apicurio registry: raw articles in, the exactly-once enricher running, and
 * decodable {@link TrendUpdate}s on {@code news-trends}, registered under {@code news-trends-value}. The articles name
 * Mongolia (Q711), which no other test uses, so the counts are exact even though the stack is shared by the JVM.
 */
@WithRealKafkaStack
class TrendsEndToEndIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path workDir;

    @Test
    void shouldPublishDecodableTrendUpdatesCountingTheEnrichedArticles(RealKafkaStack stack) throws Exception {
        stack.createTopics(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.TRENDS, Topics.DLQ, Topics.TAXONOMY);
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", "it-trends-" + UUID.randomUUID(),
                "enrich.state.dir", workDir.resolve("streams").toString())));
        // a quarter-hour that has begun at least a minute ago: all three articles fall in it, none in the future
        Instant now = Instant.now();
        Instant window = now.minusSeconds(60).truncatedTo(ChronoUnit.HOURS);
        while (!window.plus(Duration.ofMinutes(15)).isAfter(now.minusSeconds(60))) {
            window = window.plus(Duration.ofMinutes(15));
        }
        String marker = UUID.randomUUID().toString();

        ArticleEnricher articleEnricher = ArticleEnricher.withDefaultKnowledgeBase();
        // Kafka Streams does not create the topics it writes to: the bundled taxonomy's news-topic-<id> must exist
        EnrichService.createMissingTopicTopics(config, articleEnricher.topicIds());
        try (EnrichService enricher = EnrichService.start(config, EnrichSerdes.using(registry), articleEnricher)) {
            enricher.awaitRunning(WAIT);
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 3; i++) {
                    RawArticle article = RawArticleBuilder.aRawArticle()
                            .withId("mongolia-" + i + "-" + marker)
                            .withTitle("Mongolia holds talks on its copper exports")
                            // each its own report: the same text under another id is dropped as an exact duplicate
                            .withBody("Officials in Mongolia met investors to discuss mining and exports, report " + i
                                    + ".")
                            .publishedAt(window.plusSeconds(i))
                            .ingestedAt(now)
                            .build();
                    byte[] value = AvroWireSerde.forValues(registry, RawArticle.class)
                            .serializer()
                            .serialize(Topics.ARTICLES_RAW, article);
                    producer.send(new ProducerRecord<>(
                                    Topics.ARTICLES_RAW,
                                    article.getArticleId().getBytes(StandardCharsets.UTF_8),
                                    value))
                            .get(30, TimeUnit.SECONDS);
                }
            }

            Instant quarter = window;
            try (TopicProbe<String, TrendUpdate> trends = TopicProbe.fromBeginning(
                    stack.bootstrapServers(),
                    Topics.TRENDS,
                    new StringDeserializer(),
                    AvroWireSerde.forValues(registry, TrendUpdate.class).deserializer())) {
                ConsumerRecord<String, TrendUpdate> shortWindow = trends.awaitRecord(
                        r -> r.key().equals("entity:Q711")
                                && r.value().getWindowSize().equals("PT15M")
                                && r.value().getWindowStart().equals(quarter)
                                && r.value().getCount() == 3,
                        WAIT);
                ConsumerRecord<String, TrendUpdate> daily = trends.awaitRecord(
                        r -> r.key().equals("entity:Q711")
                                && r.value().getWindowSize().equals("PT24H")
                                && r.value().getCount() == 3,
                        WAIT);

                assertThat(shortWindow.value().getSubjectKind()).isEqualTo(TrendSubjectKind.ENTITY);
                assertThat(shortWindow.value().getSubjectId()).isEqualTo("Q711");
                assertThat(shortWindow.value().getLabel()).isEqualTo("Mongolia");
                assertThat(shortWindow.value().getWindowEnd()).isEqualTo(quarter.plus(Duration.ofMinutes(15)));
                assertThat(shortWindow.value().getIsFinal()).isFalse();
                assertThat(daily.value().getWindowStart()).isEqualTo(quarter.truncatedTo(ChronoUnit.DAYS));
            }
        }
        assertThat(latestSchemaOf(stack, Topics.TRENDS + "-value")).contains("TrendUpdate");
    }

    private static String latestSchemaOf(RealKafkaStack stack, String subject) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions/latest"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET latest version of %s", subject)
                .isEqualTo(200);
        return response.body();
    }
}
