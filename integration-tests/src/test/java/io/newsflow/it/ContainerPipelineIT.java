package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.drop.DropTopicIngestor;
import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.EnrichedArticleSink;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.StoredArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The whole pipeline — drop topic, enricher, sink — against the container images docker-compose.yml runs: the
 * official {@code apache/kafka} image (the clients' version, KRaft) and Confluent Schema Registry. Needs a Docker
 * engine; where there is none (our build machines) it is reported as skipped, not passed. The same pipeline runs
 * without Docker against the local stack in {@link ServiceMonitorIT} and {@link PipelineEndToEndIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA =
            new KafkaContainer("apache/kafka:4.4.0").withNetwork(NETWORK).withListener("kafka:19092");

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:8.0.0")
            .withNetwork(NETWORK)
            .dependsOn(KAFKA)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    @TempDir
    Path workDir;

    @Test
    void shouldCarryADroppedArticleThroughTheContainerBrokerAndConfluentRegistryIntoTheDatabase() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                                    Topics.INGEST,
                                    Topics.ARTICLES_RAW,
                                    Topics.ARTICLES_ENRICHED,
                                    Topics.TRENDS,
                                    Topics.DLQ,
                                    Topics.TAXONOMY)
                            .stream()
                            .map(t -> new NewTopic(t, 1, (short) 1).configs(Topics.creationConfig(t)))
                            .toList())
                    .all()
                    .get(1, TimeUnit.MINUTES);
        }
        // as topic-init (`newsflow topics --create`) does: the services only look their schemas up
        SchemaSetup.apply(
                SchemaRegistryClients.forUrl(registryUrl),
                List.of(Topics.INGEST, Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.TRENDS, Topics.DLQ));
        Map<String, String> common = Map.of("kafka.bootstrap.servers", bootstrap, "schema.registry.url", registryUrl);
        DropTopicIngestor ingest = DropTopicIngestor.create(
                IngestConfig.from(Settings.of(with(common, "ingest.poll.timeout", "PT0.2S"))), Clock.systemUTC());
        EnrichConfig enrichConfig = EnrichConfig.from(Settings.of(
                with(common, "enrich.state.dir", workDir.resolve("streams").toString())));
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        EnrichService.createMissingTopicTopics(enrichConfig, enricher.topicIds());
        String jdbcUrl = "jdbc:sqlite:" + workDir.resolve("containers.db");
        try (ArticleStore store = JdbcArticleStore.open(jdbcUrl);
                EnrichService enrich = EnrichService.start(
                        enrichConfig, EnrichSerdes.using(SchemaRegistryClients.forUrl(registryUrl)), enricher);
                EnrichedArticleSink sink = EnrichedArticleSink.create(
                        SinkConfig.from(Settings.of(with(common, "sink.poll.timeout", "PT0.2S"))),
                        store,
                        Clock.systemUTC())) {
            Thread ingestThread = new Thread(ingest, "it-containers-ingest");
            Thread sinkThread = new Thread(sink, "it-containers-sink");
            ingestThread.start();
            sinkThread.start();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(
                                Topics.INGEST,
                                "containers-1".getBytes(StandardCharsets.UTF_8),
                                ("{\"id\":\"containers-1\",\"title\":\"Kim Jong-un recibe a Putin\","
                                                + "\"text\":\"Corea del Norte y Rusia firmaron un pacto en Pyongyang.\"}")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }

            await().atMost(Duration.ofMinutes(3))
                    .until(() -> store.find("containers-1").isPresent());
            StoredArticle stored = store.find("containers-1").orElseThrow();
            assertThat(stored.entities())
                    .extracting(StoredArticle.Entity::entityId)
                    .contains("Q423", "Q159");

            ingest.shutdown();
            sink.shutdown();
            ingestThread.join(30_000);
            sinkThread.join(30_000);
            ingest.close();
        }
    }

    private static Map<String, String> with(Map<String, String> common, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(common);
        all.put(key, value);
        return all;
    }
}
