package io.newsflow.app;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.json.AvroJson;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints the records of any newsflow topic decoded with the schema of that topic: committed records only, every
 * partition, without a consumer group (nothing is committed, so it disturbs no one). Without {@code --follow} it
 * stops at the end the topic had when it started.
 */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Print the records of a newsflow topic decoded: news-articles-raw, news-articles-enriched, news-topic-<id>,",
            "news-trends, news-dlq (stage, origin, reason, start of the original), news-ingest and news-taxonomy (text).",
            "Default: the last records up to now; --from-beginning or --from TIME, --follow to keep reading."
        })
final class TailCommand implements Callable<Integer> {

    private static final int ORIGINAL_PREVIEW_CHARS = 120;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Parameters(paramLabel = "TOPIC", description = "A newsflow topic, e.g. news-dlq.")
    private String topic;

    @Option(names = "--from-beginning", description = "Start with the oldest record the topic keeps.")
    private boolean fromBeginning;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "Start with the first record at or after this instant (ISO-8601, e.g. 2026-12-03T10:00:00Z).")
    private Instant from;

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "10",
            description = "Without --from-beginning or --from: start N records before the end of each partition"
                    + " (default 10).")
    private int last;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new records until Ctrl-C.")
    private boolean follow;

    @Option(names = "--json", description = "Print one JSON object per record, field names as in the schema.")
    private boolean json;

    @Option(names = "--entity", paramLabel = "QID", description = "Only enriched articles naming this entity id.")
    private String entity;

    @Option(names = "--topic-id", paramLabel = "ID", description = "Only enriched articles about this topic id.")
    private String topicId;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        String bootstrap = CommonSettings.BOOTSTRAP_SERVERS.read(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Deserializer<? extends SpecificRecord> values = valueDeserializer(
                topic, () -> SchemaRegistryClients.forUrl(CommonSettings.SCHEMA_REGISTRY_URL.read(settings)));
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-tail-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                err.println("newsflow tail: no topic " + topic + " on " + bootstrap);
                return 2;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            position(consumer, partitions, end);
            Thread hook = new Thread(consumer::wakeup, "newsflow-tail-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                while (follow || !reached(consumer, end)) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        print(record, values, out);
                    }
                    out.flush();
                }
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (WakeupException e) {
                // Ctrl-C: nothing to commit or leave
            }
            out.flush();
            return 0;
        }
    }

    private void position(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else if (from != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp at = found.get(p);
                consumer.seek(p, at == null ? end.get(p) : at.offset());
            }
        } else {
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            for (TopicPartition p : partitions) {
                consumer.seek(p, Math.max(beginning.get(p), end.get(p) - last));
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The decoder of a topic's values; null for the topics that carry text (news-ingest, news-taxonomy). */
    static Deserializer<? extends SpecificRecord> valueDeserializer(
            String topic, java.util.function.Supplier<SchemaRegistryClient> registry) {
        Class<? extends SpecificRecord> type;
        if (topic.equals(Topics.ARTICLES_RAW)) {
            type = RawArticle.class;
        } else if (topic.equals(Topics.ARTICLES_ENRICHED) || topic.startsWith(Topics.GEO_TOPIC_PREFIX)) {
            type = EnrichedArticle.class;
        } else if (topic.equals(Topics.TRENDS)) {
            type = TrendUpdate.class;
        } else if (topic.equals(Topics.DLQ)) {
            type = DeadLetter.class;
        } else {
            return null;
        }
        return deserializerOf(registry.get(), type);
    }

    private static <T extends SpecificRecord> Deserializer<T> deserializerOf(
            SchemaRegistryClient registry, Class<T> type) {
        return AvroWireSerde.forValues(registry, type).deserializer();
    }

    private void print(
            ConsumerRecord<byte[], byte[]> record, Deserializer<? extends SpecificRecord> values, PrintWriter out) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (values == null) {
            String text = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            out.println(
                    json
                            ? "{\"key\":" + quote(key) + ",\"value\":" + quote(text) + "}"
                            : where + " " + key + ": " + text);
            return;
        }
        SpecificRecord value;
        try {
            value = record.value() == null
                    ? null
                    : values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            out.println(where + " " + key + ": cannot decode: " + e.getMessage());
            return;
        }
        if (value == null) {
            out.println(where + " " + key + ": (no value)");
            return;
        }
        if (value instanceof EnrichedArticle article && !matches(article)) {
            return;
        }
        if (json) {
            out.println(AvroJson.toJson(value));
        } else if (value instanceof DeadLetter letter) {
            out.println(where + " " + key + " " + describe(letter));
        } else if (value instanceof EnrichedArticle article) {
            out.println(where + " " + key);
            new ArticlePrinter(out, false).print(article);
        } else {
            out.println(where + " " + key + " " + AvroJson.toJson(value));
        }
    }

    private boolean matches(EnrichedArticle article) {
        boolean entityOk = entity == null
                || article.getEntities().stream().anyMatch(e -> e.getId().equals(entity));
        boolean topicOk = topicId == null
                || article.getTopics().stream().anyMatch(t -> t.getId().equals(topicId));
        return entityOk && topicOk;
    }

    /** A dead letter in one line: stage, where it came from, the reason and the start of the original value. */
    static String describe(DeadLetter letter) {
        String origin = letter.getOrigin() != null
                ? letter.getOrigin()
                : letter.getSourceTopic() + "-" + letter.getSourcePartition() + "@" + letter.getSourceOffset();
        String original = "";
        ByteBuffer value = letter.getValue();
        if (value != null) {
            ByteBuffer copy = value.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ");
            original = text.length() > ORIGINAL_PREVIEW_CHARS ? text.substring(0, ORIGINAL_PREVIEW_CHARS) + "…" : text;
        }
        return "stage=" + letter.getStage() + " origin=" + origin + " reason=" + letter.getErrorMessage()
                + " original=\"" + original + "\"";
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r")
                        .replace("\t", "\\t")
                + "\"";
    }
}
