package io.newsflow.app;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.Redact;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.RegistryClientSettings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lists newsflow's topics with partitions and record counts, and the consumer groups reading them with their lag;
 * with {@code --create}, first creates the missing ones with the settings declared in {@link Topics#creationConfig}
 * and sets up their schema registry subjects (contracts registered, compatibility set once; {@link TopicSetup}) —
 * what the docker-compose {@code topic-init} service runs.
 */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = {
            "List newsflow's topics (news-*) with partitions and records, and the consumer groups reading them with",
            "their lag. --create first creates the missing ones with their settings (one place: Topics.creationConfig)",
            "and registers newsflow's schemas, setting each subject's compatibility (needs schema.registry.url)."
        })
final class TopicsCommand implements Callable<Integer> {

    private static final long TIMEOUT_SECONDS = 30;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Option(
            names = "--create",
            description = "Create the missing topics first and set up their schema registry subjects.")
    private boolean create;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of created topics (default 3).")
    private int partitions;

    @Option(
            names = "--replication-factor",
            defaultValue = "1",
            description = "Replication factor of created topics (default 1).")
    private short replicationFactor;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.settings();
        String bootstrap = CommonSettings.BOOTSTRAP_SERVERS.read(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (create) {
            SchemaRegistryClient registry = RegistryClientSettings.from(settings, false)
                    .client(CommonSettings.SCHEMA_REGISTRY_URL.read(settings));
            Set<String> created = TopicSetup.ensure(bootstrap, registry, partitions, replicationFactor);
            out.println(
                    created.isEmpty()
                            ? "all topics exist"
                            : "created " + String.join(", ", new java.util.TreeSet<>(created)));
            out.println("schemas registered and subject compatibility set (BACKWARD) on " + Redact.url(registry.url()));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith("news-"))
                    .sorted()
                    .toList();
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicPartition> partitionsOfAll = new ArrayList<>();
            descriptions
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(p -> partitionsOfAll.add(new TopicPartition(d.name(), p.partition()))));
            Map<TopicPartition, Long> earliest = offsets(admin, partitionsOfAll, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = offsets(admin, partitionsOfAll, OffsetSpec.latest());
            out.printf("%-40s %10s %10s%n", "TOPIC", "PARTITIONS", "RECORDS");
            for (String name : names) {
                long records = descriptions.get(name).partitions().stream()
                        .map(p -> new TopicPartition(name, p.partition()))
                        .mapToLong(tp -> latest.getOrDefault(tp, 0L) - earliest.getOrDefault(tp, 0L))
                        .sum();
                out.printf(
                        "%-40s %10d %10d%n",
                        name, descriptions.get(name).partitions().size(), records);
            }
            printGroups(admin, Set.copyOf(names), latest, out);
        }
        out.println("(records: offsets between the first kept and the next; transaction markers and compacted"
                + " gaps make it an upper bound)");
        out.flush();
        return 0;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result =
                admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Each consumer group that committed offsets on one of our topics, with its lag per topic. */
    private static void printGroups(Admin admin, Set<String> topics, Map<TopicPartition, Long> latest, PrintWriter out)
            throws Exception {
        List<String> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId)
                .sorted()
                .toList();
        boolean header = false;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> lagByTopic = new TreeMap<>();
            committed.forEach((tp, offset) -> {
                if (offset != null && topics.contains(tp.topic())) {
                    long end = latest.getOrDefault(tp, offset.offset());
                    lagByTopic.merge(tp.topic(), Math.max(0, end - offset.offset()), Long::sum);
                }
            });
            for (Map.Entry<String, Long> e : lagByTopic.entrySet()) {
                if (!header) {
                    out.printf("%n%-40s %-40s %10s%n", "GROUP", "TOPIC", "LAG");
                    header = true;
                }
                out.printf("%-40s %-40s %10d%n", group, e.getKey(), e.getValue());
            }
        }
    }
}
