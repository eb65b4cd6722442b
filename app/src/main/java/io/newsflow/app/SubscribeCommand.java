package io.newsflow.app;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints the articles of one geopolitical topic as they arrive in {@code news-topic-<id>}: committed records only,
 * every partition, without a consumer group (nothing is committed, so it never disturbs other subscribers).
 */
@Command(
        name = "subscribe",
        mixinStandardHelpOptions = true,
        description = {
            "Print the articles of one topic of the taxonomy as they are published to news-topic-<ID>,",
            "e.g. 'newsflow subscribe kp-ru-rapprochement --from-beginning'. Ctrl-C stops it."
        })
final class SubscribeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Parameters(paramLabel = "ID", description = "Taxonomy topic id, e.g. kp-ru-rapprochement.")
    private String topicId;

    @Option(names = "--from-beginning", description = "Start with the oldest article the topic keeps.")
    private boolean fromBeginning;

    @Option(names = "--json", description = "Print EnrichedArticle JSON lines (Avro field names) instead of a summary.")
    private boolean json;

    @Option(
            names = "--exit-when-idle",
            paramLabel = "DURATION",
            description =
                    "Exit after no article arrived for this long (ISO-8601, e.g. PT10S); default: run until Ctrl-C.")
    private Duration idleExit;

    @Override
    public Integer call() {
        String topic = Topics.forGeoTopic(topicId);
        Settings settings = options.settings();
        String bootstrap = CommonSettings.BOOTSTRAP_SERVERS.read(settings);
        String registryUrl = CommonSettings.SCHEMA_REGISTRY_URL.read(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "newsflow-subscribe-" + UUID.randomUUID()),
                new StringDeserializer(),
                AvroWireSerde.forValues(SchemaRegistryClients.forUrl(registryUrl), EnrichedArticle.class)
                        .deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                err.println("newsflow subscribe: no topic " + topic + " on " + bootstrap);
                return 2;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // nothing to commit or leave: waking the poll up is all a Ctrl-C needs
            Thread hook = new Thread(consumer::wakeup, "newsflow-subscribe-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("newsflow subscribe: reading " + topic + (fromBeginning ? " from the beginning" : "")
                    + "; Ctrl-C stops it");
            err.flush();
            ArticlePrinter printer = new ArticlePrinter(out, json);
            Instant lastArticle = Instant.now();
            try {
                while (idleExit == null
                        || Duration.between(lastArticle, Instant.now()).compareTo(idleExit) < 0) {
                    for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(Duration.ofMillis(500))) {
                        printer.print(record.value());
                        lastArticle = Instant.now();
                    }
                    out.flush();
                }
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (WakeupException e) {
                // Ctrl-C: the hook woke the consumer up; closing it is all that is left
            }
            return 0;
        }
    }
}
