package io.newsflow.it;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.app.Newsflow;
import io.newsflow.schemas.Contracts;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.registry.UnknownSchemaException;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code newsflow topics} and {@code newsflow tail} run in-process against the REAL broker and registry. Each test
 * writes records and a consumer group of its own and looks for them by their unique ids.
 */
@WithRealKafkaStack
class TopicsAndTailCommandIT {

    @Test
    void shouldCreateTheMissingTopicsAndListThemWithTheLagOfAGroupThatReadsThem(RealKafkaStack stack) throws Exception {
        String group = "it-topics-" + UUID.randomUUID();
        Run created = run(stack, "topics", "--create");
        // a group that committed offset 0 on news-dlq's partition 0 lags by everything that partition holds
        long end;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition p0 = new TopicPartition(Topics.DLQ, 0);
            consumer.commitSync(Map.of(p0, new OffsetAndMetadata(0)));
            end = consumer.endOffsets(List.of(p0)).get(p0);
        }

        Run listed = run(stack, "topics");

        assertThat(created.exitCode).isZero();
        assertThat(listed.exitCode).isZero();
        assertThat(listed.out)
                .containsPattern("(?m)^news-dlq +\\d+ +\\d+$")
                .containsPattern("(?m)^news-articles-raw +\\d+ +\\d+$")
                .containsPattern("(?m)^news-topic-kp-ru-rapprochement +\\d+ +\\d+$")
                .containsPattern("(?m)^" + group + " +news-dlq +" + end + "$");
    }

    @Test
    void shouldRegisterTheContractsAndSetCompatibilityOfEveryNewsflowTopicWhenCreatingTopics(RealKafkaStack stack)
            throws Exception {
        // Given a per-topic topic made by someone else (as the enricher does for a later taxonomy), with no subject
        String topic =
                Topics.forGeoTopic("it-setup-" + UUID.randomUUID().toString().substring(0, 8));
        try (Admin admin = stack.newAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        SchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        Schema contract = Contracts.contractOf(EnrichedArticle.getClassSchema());
        assertThatThrownBy(() -> registry.lookup(topic + "-value", contract))
                .isInstanceOf(UnknownSchemaException.class);

        // When the topics are created
        Run created = run(stack, "topics", "--create");

        // Then its subject and the fixed topics' hold the contracts, with compatibility BACKWARD
        assertThat(created.exitCode).as(created.err).isZero();
        SchemaRegistryClient fresh = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        int id = fresh.lookup(topic + "-value", contract);
        assertThat(fresh.schemaById(id).toString()).doesNotContain("avro.java.string");
        fresh.lookup("news-articles-raw-value", Contracts.contractOf(RawArticle.getClassSchema()));
        fresh.lookup("news-dlq-value", Contracts.contractOf(DeadLetter.getClassSchema()));
        assertThat(compatibility(stack, topic + "-value")).contains("BACKWARD");
        assertThat(compatibility(stack, "news-articles-enriched-value")).contains("BACKWARD");
    }

    /** The registry's own answer to GET /config/<subject>. */
    private static String compatibility(RealKafkaStack stack, String subject) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/config/" + subject))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void shouldShowEachDeadLetterWithItsStageOriginReasonAndTheStartOfTheOriginal(RealKafkaStack stack)
            throws Exception {
        stack.createTopics(Topics.DLQ);
        String marker = UUID.randomUUID().toString();
        DeadLetter letter = DeadLetters.fromRecord(
                "it-tail",
                Topics.INGEST,
                0,
                42,
                marker.getBytes(StandardCharsets.UTF_8),
                ("{not json " + marker).getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                new IllegalArgumentException("not a JSON object " + marker),
                Instant.parse("2026-12-03T10:00:00Z"));
        send(stack, Topics.DLQ, marker, letter, DeadLetter.class);

        Run tail = run(stack, "tail", Topics.DLQ, "--from-beginning");

        assertThat(tail.exitCode).isZero();
        assertThat(tail.out.lines().filter(l -> l.contains(marker)))
                .singleElement()
                .asString()
                .contains("stage=it-tail")
                .contains("origin=news-ingest-0@42")
                .contains("reason=IllegalArgumentException: not a JSON object " + marker)
                .contains("original=\"{not json " + marker);
    }

    @Test
    void shouldPrintOnlyTheEnrichedArticlesNamingTheEntityAsJsonWithTheSchemaFieldNames(RealKafkaStack stack)
            throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String topic = Topics.forGeoTopic("it-tail-" + marker);
        stack.createTopics(topic);
        EnrichedArticle withPutin = anEnrichedArticle()
                .withId("with-" + marker)
                .withEntity("Q7747", EntityType.PERSON, "Vladimir Putin", 1, 0.9)
                .build();
        EnrichedArticle without = anEnrichedArticle()
                .withId("without-" + marker)
                .withEntity("Q30", EntityType.LOC, "United States", 1, 0.9)
                .build();
        send(stack, topic, "with-" + marker, withPutin, EnrichedArticle.class);
        send(stack, topic, "without-" + marker, without, EnrichedArticle.class);

        Run tail = run(stack, "tail", topic, "--from-beginning", "--json", "--entity", "Q7747");

        assertThat(tail.exitCode).isZero();
        assertThat(tail.out.lines().toList())
                .singleElement()
                .asString()
                .startsWith("{")
                .contains("\"articleId\":\"with-" + marker + "\"")
                .contains("\"id\":\"Q7747\"");
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> void send(
            RealKafkaStack stack, String topic, String key, T value, Class<T> type) throws Exception {
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(
                stack.clientConfig(),
                new StringSerializer(),
                AvroWireSerde.forValues(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), type)
                        .serializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(RealKafkaStack stack, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--set", "kafka.bootstrap.servers=" + stack.bootstrapServers(),
                "--set", "schema.registry.url=" + stack.schemaRegistryUrl()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
