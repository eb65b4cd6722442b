package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts real broker and registry JVMs from {@code stack-runtime/target} (the surefire configuration points
 * {@code newsflow.stack.runtime} at it) in a fresh directory under {@code target}, and always stops them.
 */
class LocalStackTest {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackTest.class);
    private static final String TOPIC = "stack-smoke";

    @Test
    void shouldServeKafkaAndTheRegistryReuseTheRunningStackAndStopBothProcesses() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-test-");
        StackConfig config = StackConfig.defaults(dataDirectory).withFreePorts();

        long begin = System.nanoTime();
        LocalStack stack = LocalStack.start(config);
        LOG.info(
                "start() returned after {} ms",
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        try {
            StackStatus started = stack.status();
            assertThat(stack.owned()).isTrue();
            assertThat(started.running()).isTrue();

            assertThat(produceAndConsumeOneRecord(stack.bootstrapServers())).isEqualTo("hello");
            HttpResponse<String> subjects = get(stack.schemaRegistryUrl() + "/subjects");
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.body()).isEqualTo("[]");

            try (LocalStack reused = LocalStack.start(config)) {
                assertThat(reused.owned()).isFalse();
                assertThat(reused.bootstrapServers()).isEqualTo(stack.bootstrapServers());
                assertThat(reused.schemaRegistryUrl()).isEqualTo(stack.schemaRegistryUrl());
                assertThat(reused.status().brokerPid()).isEqualTo(started.brokerPid());
                assertThat(reused.status().registryPid()).isEqualTo(started.registryPid());
            }
            assertThat(stack.status().running())
                    .as("closing a reused handle leaves the stack running")
                    .isTrue();

            begin = System.nanoTime();
            stack.stop();
            LOG.info(
                    "stop() returned after {} ms",
                    Duration.ofNanos(System.nanoTime() - begin).toMillis());

            assertThat(ProcessHandle.of(started.brokerPid()).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(ProcessHandle.of(started.registryPid()).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(LocalStack.inspect(dataDirectory)).isEmpty();
        } finally {
            stack.stop();
        }
    }

    @Test
    void shouldKeepTopicsRecordsAndSchemaIdsWhenBothProcessesAreKilledAndTheStackStartsAgain() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-crash-");
        StackConfig config = StackConfig.defaults(dataDirectory).withFreePorts();
        try {
            // not closed: closing would stop the stack cleanly, and this test is about a crash
            LocalStack first = LocalStack.start(config);
            produceAndConsumeOneRecord(first.bootstrapServers());
            int schemaId = registerSchema(first.schemaRegistryUrl(), "kept-value");
            StackStatus crashed = first.status();
            // a client still connected when the broker dies leaves the broker's port in TIME-WAIT
            try (Admin connected = admin(first.bootstrapServers())) {
                connected.listTopics().names().get();
                killForcibly(crashed.brokerPid());
                killForcibly(crashed.registryPid());
            }

            try (LocalStack second = LocalStack.start(config)) {
                assertThat(second.owned()).isTrue();
                assertThat(second.status().brokerPid()).isNotEqualTo(crashed.brokerPid());
                assertThat(second.bootstrapServers())
                        .as("a restarted part gets its recorded ports back, so clients find it again")
                        .isEqualTo(crashed.bootstrapServers());
                assertThat(second.schemaRegistryUrl()).isEqualTo(crashed.schemaRegistryUrl());
                assertThat(consumeAll(second.bootstrapServers(), TOPIC)).containsExactly("hello");
                assertThat(schemaById(second.schemaRegistryUrl(), schemaId)).contains("KeptRecord");
            }
        } finally {
            LocalStack.stopExisting(dataDirectory);
        }
        assertThat(processesStartedFor(dataDirectory)).isEmpty();
    }

    @Test
    void shouldKeepTheDataWhenAStoppedStackStartsAgainOnOtherPorts() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-restart-");
        StackConfig config = StackConfig.defaults(dataDirectory).withFreePorts();
        int schemaId;
        String firstBootstrap;
        int[] otherPorts;
        try (LocalStack first = LocalStack.start(config)) {
            produceAndConsumeOneRecord(first.bootstrapServers());
            schemaId = registerSchema(first.schemaRegistryUrl(), "kept-value");
            firstBootstrap = first.bootstrapServers();
            // free now while the first stack holds its own: so certainly not the first stack's ports (a port picked
            // after the stop could be the same one again)
            otherPorts = freePorts(3);
        }
        // a clean stop forgets the ports, the controller's included
        StackConfig moved = config.withBrokerPort(otherPorts[0])
                .withControllerPort(otherPorts[1])
                .withRegistryPort(otherPorts[2]);
        try (LocalStack second = LocalStack.start(moved)) {
            LOG.info("first kafka {}, second kafka {}", firstBootstrap, second.bootstrapServers());
            assertThat(second.bootstrapServers()).isNotEqualTo(firstBootstrap).endsWith(":" + otherPorts[0]);
            assertThat(consumeAll(second.bootstrapServers(), TOPIC)).containsExactly("hello");
            assertThat(schemaById(second.schemaRegistryUrl(), schemaId)).contains("KeptRecord");
        } finally {
            LocalStack.stopExisting(dataDirectory);
        }
    }

    @Test
    void shouldRestartOnlyTheRegistryWhenOnlyTheRegistryDied() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-registry-crash-");
        StackConfig config = StackConfig.defaults(dataDirectory).withFreePorts();
        try {
            LocalStack first = LocalStack.start(config);
            StackStatus before = first.status();
            int schemaId = registerSchema(first.schemaRegistryUrl(), "kept-value");
            produceAndConsumeOneRecord(first.bootstrapServers());
            killForcibly(before.registryPid());

            StackStatus after = LocalStack.start(config).status();

            assertThat(after.brokerPid()).as("the healthy broker keeps running").isEqualTo(before.brokerPid());
            assertThat(after.registryPid()).isNotEqualTo(before.registryPid());
            assertThat(after.running()).isTrue();
            assertThat(consumeAll(after.bootstrapServers(), TOPIC)).containsExactly("hello");
            assertThat(schemaById(after.schemaRegistryUrl(), schemaId)).contains("KeptRecord");
        } finally {
            LocalStack.stopExisting(dataDirectory);
        }
        assertThat(processesStartedFor(dataDirectory)).isEmpty();
    }

    @Test
    void shouldReportAFrozenRegistryAsAliveButNotAnswering() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-frozen-");
        try (LocalStack stack =
                LocalStack.start(StackConfig.defaults(dataDirectory).withFreePorts())) {
            long registryPid = stack.status().registryPid();
            signal("STOP", registryPid);
            StackStatus frozen;
            try {
                frozen = LocalStack.inspect(dataDirectory).orElseThrow();
            } finally {
                signal("CONT", registryPid);
            }

            assertThat(frozen.registryAlive()).isTrue();
            assertThat(frozen.registry().answered()).isFalse();
            assertThat(frozen.broker().answered()).isTrue();
            assertThat(frozen.running()).isFalse();
            assertThat(frozen.describe()).contains("NOT running").contains("NOT answering");
            assertThat(LocalStack.inspect(dataDirectory).orElseThrow().running())
                    .as("answering again once thawed")
                    .isTrue();
        }
    }

    @Test
    void shouldDeleteTopicsAndSchemasOnlyOnReset() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-reset-");
        StackConfig config = StackConfig.defaults(dataDirectory).withFreePorts();
        try {
            try (LocalStack first = LocalStack.start(config)) {
                produceAndConsumeOneRecord(first.bootstrapServers());
                registerSchema(first.schemaRegistryUrl(), "doomed-value");
            }
            assertThat(LocalStack.dataToReset(dataDirectory)).hasSize(2);

            Map<Path, Long> deleted = LocalStack.reset(dataDirectory);

            assertThat(deleted)
                    .hasSize(2)
                    .allSatisfy((path, bytes) -> assertThat(path).doesNotExist());
            try (LocalStack second = LocalStack.start(config)) {
                assertThat(topicNames(second.bootstrapServers())).doesNotContain(TOPIC);
                assertThat(get(second.schemaRegistryUrl() + "/subjects").body()).isEqualTo("[]");
            }
        } finally {
            LocalStack.stopExisting(dataDirectory);
        }
    }

    @Test
    void shouldStopTheStackWhenTheJvmThatStartedItExits() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-exit-");
        try {
            long[] pids = startInAnotherJvmAndExit(dataDirectory, true);

            assertThat(ProcessHandle.of(pids[0]).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(ProcessHandle.of(pids[1]).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(LocalStack.inspect(dataDirectory)).isEmpty();
        } finally {
            LocalStack.stopExisting(dataDirectory);
        }
    }

    @Test
    void shouldKeepAStackStartedNotToStopOnJvmExitUntilStopExistingIsCalled() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-detached-");
        long[] pids;
        try {
            pids = startInAnotherJvmAndExit(dataDirectory, false);

            assertThat(LocalStack.inspect(dataDirectory)).hasValueSatisfying(status -> {
                assertThat(status.running()).isTrue();
                assertThat(status.brokerPid()).isEqualTo(pids[0]);
                assertThat(status.registryPid()).isEqualTo(pids[1]);
            });
        } finally {
            assertThat(LocalStack.stopExisting(dataDirectory)).isTrue();
        }
        assertThat(ProcessHandle.of(pids[0]).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(pids[1]).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(LocalStack.inspect(dataDirectory)).isEmpty();
    }

    @Test
    void shouldNameTheFailedProcessAndEndTheOtherWhenOneCannotStart() throws IOException {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-failing-");
        StackConfig config = StackConfig.defaults(dataDirectory)
                .withFreePorts()
                .withRegistryJvmOptions(List.of("-XX:+NoSuchJvmOption"));

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("schema registry")
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("NoSuchJvmOption");

        assertThat(processesStartedFor(dataDirectory)).isEmpty();
        assertThat(LocalStack.inspect(dataDirectory)).isEmpty();
    }

    @Test
    void shouldNameTheMissingPathWhenTheRuntimeDirectoryIsNotBuilt() throws IOException {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-no-runtime-");
        StackConfig config = StackConfig.defaults(dataDirectory, dataDirectory.resolve("no-runtime"))
                .withFreePorts();

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOf(StackException.class)
                .hasMessageContaining(dataDirectory
                        .resolve("no-runtime")
                        .resolve("broker")
                        .resolve("lib")
                        .toString());
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Registers a one-field Avro record schema under {@code subject}; returns the id the registry issued. */
    private static int registerSchema(String registryUrl, String subject) throws Exception {
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"KeptRecord\\\",\\\"fields\\\":"
                + "[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registryUrl + "/subjects/" + subject + "/versions"))
                                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + schema + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return Integer.parseInt(id.group(1));
    }

    private static String schemaById(String registryUrl, int id) throws Exception {
        HttpResponse<String> response = get(registryUrl + "/schemas/ids/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** Every value in {@code topic} from the beginning, read until a poll brings nothing more. */
    private static List<String> consumeAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return values;
        }
    }

    private static void createTopic(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static Set<String> topicNames(String bootstrapServers) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            return admin.listTopics().names().get();
        }
    }

    private static void killForcibly(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Runs {@link StartStackAndExit} on this test's classpath; returns the broker and registry pids it printed. */
    private static long[] startInAnotherJvmAndExit(Path dataDirectory, boolean stopOnJvmExit) throws Exception {
        Path output = dataDirectory.resolve("starter.out");
        Process starter = new ProcessBuilder(
                        ChildJvm.javaExecutable().toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartStackAndExit.class.getName(),
                        dataDirectory.toString(),
                        StackConfig.resolveRuntimeDirectory().toString(),
                        Boolean.toString(stopOnJvmExit))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(starter.waitFor(120, TimeUnit.SECONDS))
                .as("the starting JVM exits")
                .isTrue();
        List<String> lines = Files.readAllLines(output);
        assertThat(starter.exitValue())
                .as("exit code of the starting JVM, which printed %s", lines)
                .isZero();
        String pids = lines.stream()
                .filter(line -> line.startsWith("PIDS "))
                .findFirst()
                .orElseThrow();
        return Arrays.stream(pids.substring("PIDS ".length()).split(" "))
                .mapToLong(Long::parseLong)
                .toArray();
    }

    private static String produceAndConsumeOneRecord(String bootstrapServers) throws Exception {
        createTopic(bootstrapServers, TOPIC);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", "hello")).get();
        }
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "stack-smoke-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received).extracting(ConsumerRecord::topic).containsExactly(partition.topic());
            return received.get(0).value();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<ProcessHandle> processesStartedFor(Path dataDirectory) {
        String marker = "-Dnewsflow.stack.dir=" + dataDirectory.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> Arrays.asList(args).contains(marker))
                        .orElse(false))
                .toList();
    }

    /** {@code count} distinct ports free at this moment on the loopback. */
    private static int[] freePorts(int count) throws IOException {
        java.net.ServerSocket[] sockets = new java.net.ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (java.net.ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
