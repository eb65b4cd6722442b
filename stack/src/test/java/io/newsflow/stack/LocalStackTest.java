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
    void shouldReplaceAStackWhoseProcessesDiedWithFreshStorageSinceTheRegistryForgotItsSchemas() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "local-stack-crash-");
        StackConfig config = StackConfig.defaults(dataDirectory).withFreePorts();
        try {
            StackStatus crashed;
            try (LocalStack first = LocalStack.start(config)) {
                createTopic(first.bootstrapServers(), "left-by-a-crashed-stack");
                crashed = first.status();
                killForcibly(crashed.brokerPid());
                killForcibly(crashed.registryPid());
            }

            try (LocalStack second = LocalStack.start(config)) {
                assertThat(second.owned()).isTrue();
                assertThat(second.status().brokerPid()).isNotEqualTo(crashed.brokerPid());
                assertThat(second.bootstrapServers()).isNotEqualTo(crashed.bootstrapServers());
                assertThat(topicNames(second.bootstrapServers())).doesNotContain("left-by-a-crashed-stack");
            }
        } finally {
            LocalStack.stopExisting(dataDirectory);
        }
        assertThat(processesStartedFor(dataDirectory)).isEmpty();
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

    private static void createTopic(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static Set<String> topicNames(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
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
}
