package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.toArray;
import static io.newsflow.testsupport.builders.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.app.Newsflow;
import io.newsflow.app.TaxonomyTopic;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TopicAssignment;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.builders.RawArticleBuilder;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A taxonomy changed at run time, on the REAL broker and registry: {@code newsflow taxonomy publish} puts the sample
 * {@code geo-topics-v2} (which adds {@code sahel-security}) on {@code news-taxonomy} while an enricher runs, and the
 * enricher tags the next article with it, without a restart; an invalid document is refused by the command and, sent
 * by another route, dead-lettered by the enricher while the last good version stays.
 */
@WithRealKafkaStack
class TaxonomyAtRunTimeIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Path SAMPLE_V2 =
            Path.of(System.getProperty("newsflow.project.dir", "..")).resolve("samples/taxonomy/geo-topics-v2.json");

    @TempDir
    static Path workDir;

    private static SchemaRegistryClient registry;
    private static EnrichService enricher;

    @BeforeAll
    static void startEnricher(RealKafkaStack stack) throws InterruptedException {
        stack.createTopics(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.TRENDS, Topics.DLQ, Topics.TAXONOMY);
        registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "enrich.application.id", "it-taxonomy-" + UUID.randomUUID(),
                "enrich.state.dir", workDir.resolve("streams").toString())));
        ArticleEnricher articleEnricher = ArticleEnricher.withDefaultKnowledgeBase();
        // Kafka Streams does not create the topics it writes to: the bundled taxonomy's news-topic-<id> must exist
        EnrichService.createMissingTopicTopics(config, articleEnricher.topicIds());
        enricher = EnrichService.start(config, EnrichSerdes.using(registry), articleEnricher);
        enricher.awaitRunning(WAIT);
    }

    @AfterAll
    static void stopEnricher() {
        if (enricher != null) {
            enricher.close();
        }
    }

    @Test
    void shouldTagTheNextArticleOfARunningEnricherWithATaxonomyPublishedByTheCommand(RealKafkaStack stack)
            throws Exception {
        String marker = UUID.randomUUID().toString();
        EnrichedArticle before = enrich(stack, sahelArticle("before-" + marker));

        Result publish = newsflow(stack, "taxonomy", "publish", SAMPLE_V2.toString());
        await().atMost(WAIT).until(() -> enricher.taxonomy().name().equals("geo-topics-v2"));
        EnrichedArticle after = enrich(stack, sahelArticle("after-" + marker));

        assertThat(publish.exit()).as(publish.err()).isZero();
        assertThat(publish.out()).contains("published geo-topics-v2");
        assertThat(before.getVersions().getTaxonomy()).isEqualTo("geo-topics-v1");
        assertThat(topicIds(before)).doesNotContain("sahel-security");
        assertThat(after.getVersions().getTaxonomy()).isEqualTo("geo-topics-v2");
        assertThat(topicIds(after)).contains("sahel-security");
        try (Admin admin = stack.newAdmin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains(Topics.forGeoTopic("sahel-security"));
        }
        Result show = newsflow(stack, "taxonomy", "show");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("geo-topics-v2").contains("sahel-security");
    }

    @Test
    void shouldRefuseAnInvalidDocumentInTheCommandAndDeadLetterItWhenItArrivesByAnotherRoute(
            RealKafkaStack stack, @TempDir Path dir) throws Exception {
        String invalid = Files.readString(SAMPLE_V2, StandardCharsets.UTF_8)
                .replace("\"taxonomy\": \"geo-topics-v2\"", "\"taxonomy\": \"geo-topics-v99\"")
                .replace("\"ML\",", "\"Mali\",");
        Path file = dir.resolve("geo-topics-v99.json");
        Files.writeString(file, invalid, StandardCharsets.UTF_8);
        String inForce = enricher.taxonomy().name();

        Result refused = newsflow(stack, "taxonomy", "publish", file.toString());
        RecordMetadata sneaked;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            sneaked = producer.send(new ProducerRecord<>(
                            Topics.TAXONOMY, utf8("geo-topics"), invalid.getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("refused, nothing published").containsPattern(":\\d+: .*Mali");
        try (TopicProbe<String, DeadLetter> dlq = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.DLQ,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).deserializer())) {
            DeadLetter letter = dlq.awaitRecord(
                            r -> Topics.TAXONOMY.equals(r.value().getSourceTopic())
                                    && Long.valueOf(sneaked.offset())
                                            .equals(r.value().getSourceOffset()),
                            WAIT)
                    .value();
            assertThat(letter.getStage()).isEqualTo("enrich-taxonomy");
            assertThat(toArray(letter.getValue())).isEqualTo(invalid.getBytes(StandardCharsets.UTF_8));
            assertThat(letter.getErrorMessage()).containsPattern("line \\d+").contains("Mali");
        }
        assertThat(enricher.taxonomy().name()).isEqualTo(inForce);
        assertThat(TaxonomyTopic.read(stack.bootstrapServers()).active().name()).isEqualTo(inForce);
    }

    private record Result(int exit, String out, String err) {}

    private static Result newsflow(RealKafkaStack stack, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--set";
        all[args.length + 1] = "kafka.bootstrap.servers=" + stack.bootstrapServers();
        all[args.length + 2] = "--set";
        all[args.length + 3] = "schema.registry.url=" + stack.schemaRegistryUrl();
        int exit = cli.execute(all);
        return new Result(exit, out.toString(), err.toString());
    }

    private static RawArticle sahelArticle(String id) {
        return RawArticleBuilder.aRawArticle()
                .withId(id)
                .withTitle("Jihadists kill dozens of soldiers in Burkina Faso")
                // each its own report: the same text under another id is dropped as an exact duplicate
                .withBody("Militants linked to JNIM attacked an army base in northern Burkina Faso, the junta said in"
                        + " report " + id + ".")
                .build();
    }

    private static EnrichedArticle enrich(RealKafkaStack stack, RawArticle article) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(stack.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] bytes = AvroWireSerde.forValues(registry, RawArticle.class)
                    .serializer()
                    .serialize(Topics.ARTICLES_RAW, article);
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, utf8(article.getArticleId()), bytes))
                    .get(30, TimeUnit.SECONDS);
        }
        try (TopicProbe<String, EnrichedArticle> enriched = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_ENRICHED,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class).deserializer())) {
            return enriched.awaitKey(article.getArticleId(), WAIT).value();
        }
    }

    private static List<String> topicIds(EnrichedArticle article) {
        return article.getTopics().stream().map(TopicAssignment::getId).toList();
    }
}
