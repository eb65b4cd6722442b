package io.newsflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.Topics;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite (ADR 0014): articles go through {@code ingest --from-topic}, {@code enrich} and {@code sink}, each
 * its own OS process launched from the distribution, on a real local stack (broker and registry are child JVMs too)
 * and a PostgreSQL server of the suite's own. One fault at a time is injected while a scenario's articles are in
 * flight, and afterwards the database must hold every one of them exactly once, {@code news-articles-enriched} one
 * committed copy of each, {@code news-dlq} nothing new, and every service that was not killed must still be the same
 * running process. The table of results is printed at the end and written to {@code target/fault-suite.md}.
 *
 * <p>One stack and one set of warm services are shared by the scenarios, in order; each scenario has its own article
 * ids ({@code fault-<scenario>-<run>-<n>}), so its checks see only its own articles. No fixed sleeps, except the 30 s
 * that an outage lasts by definition: the suite waits for conditions (a log line, rows in the database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsIT {

    /** Articles per scenario: 7 scenarios move 5,250 distinct articles. */
    private static final int ARTICLES = 750;

    private static final int PARTITIONS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SCENARIO_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final String ENRICH_APP = "faults-enrich";
    private static final String[] TOPIC_WORDS = {
        "North Korea and Russia",
        "Ukraine",
        "the European Union",
        "Venezuela",
        "Mexico",
        "China and Taiwan",
        "Iran",
        "NATO",
        "Argentina",
        "the Sahel"
    };

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Result> results = new LinkedHashMap<>();
    private final Map<String, String> stops = new LinkedHashMap<>();

    private Path work;
    private StackConfig stackConfig;
    private LocalStack stack;
    private PostgresServer postgres;
    private PipelineView view;
    private KafkaProducer<byte[], byte[]> producer;
    private ServiceProcess ingest;
    private ServiceProcess enricher;
    private ServiceProcess sink;
    private int enricherLaunches;

    @BeforeAll
    void startStackAndServices() throws Exception {
        Optional<Path> pgBin = PostgresServer.findBin();
        assumeTrue(pgBin.isPresent(), "the fault suite needs a PostgreSQL server in /usr/lib/postgresql/*/bin");
        work = Files.createTempDirectory("newsflow-faults-");
        stackConfig = StackConfig.defaults(work.resolve("stack"), StackConfig.resolveRuntimeDirectory())
                .withFreePorts();
        stack = LocalStack.start(stackConfig);
        postgres = PostgresServer.start(pgBin.get());
        createTopics();
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        "true",
                        ProducerConfig.LINGER_MS_CONFIG,
                        "20",
                        // the broker scenarios send while it is down: wait for it rather than give the records up
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        Integer.toString(5 * 60 * 1000),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        Integer.toString(5 * 60 * 1000)),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        view = new PipelineView(stack.bootstrapServers(), postgres.jdbcUrl());
        ingest = ServiceProcess.launch(
                "ingest",
                work,
                withStack(
                        "ingest",
                        "--from-topic",
                        "--set",
                        "ingest.group.id=faults-ingest",
                        "--set",
                        "ingest.transactional.id=faults-ingest-tx"));
        enricher = launchEnricher("streams-a");
        sink = ServiceProcess.launch(
                "sink",
                work,
                withStack(
                        "sink", "--set", "sink.jdbc.url=" + postgres.jdbcUrl(), "--set", "sink.group.id=faults-sink"));
        ingest.awaitLog("news-ingest service running", START_TIMEOUT);
        enricher.awaitLog("enricher running", START_TIMEOUT);
        sink.awaitLog("sink running", START_TIMEOUT);
    }

    @AfterAll
    void report() throws Exception {
        try {
            if (!results.isEmpty()) {
                String table = table();
                System.out.println(table);
                Path target = Path.of(System.getProperty("newsflow.project.dir", ".."), "fault-tests", "target");
                Files.createDirectories(target);
                Files.writeString(target.resolve("fault-suite.md"), table, StandardCharsets.UTF_8);
            }
        } finally {
            for (ServiceProcess service : new ServiceProcess[] {ingest, enricher, sink}) {
                if (service != null && service.alive()) {
                    service.kill();
                }
            }
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            if (stack != null) {
                stack.stop();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void enricherKilled() throws Exception {
        scenario("enricher SIGKILL, restarted", "enrich-kill", new Fault() {
            @Override
            public void begin() throws InterruptedException {
                enricher.kill();
            }

            @Override
            public void end() {
                enricher = launchEnricher("streams-a");
            }
        });
    }

    @Test
    @Order(2)
    void sinkKilled() throws Exception {
        scenario("sink SIGKILL, restarted", "sink-kill", new Fault() {
            @Override
            public void begin() throws InterruptedException {
                sink.kill();
            }

            @Override
            public void end() {
                sink = ServiceProcess.launch(
                        "sink",
                        work,
                        withStack(
                                "sink",
                                "--set",
                                "sink.jdbc.url=" + postgres.jdbcUrl(),
                                "--set",
                                "sink.group.id=faults-sink"));
            }
        });
    }

    @Test
    @Order(3)
    void brokerTerminated() throws Exception {
        scenario("broker SIGTERM, restarted on its data", "broker-term", new Fault() {
            @Override
            public void begin() {
                stopStackProcess(stack.status().brokerPid(), false);
            }

            @Override
            public void end() {
                stack = LocalStack.start(stackConfig);
            }
        });
    }

    @Test
    @Order(4)
    void brokerKilled() throws Exception {
        scenario("broker SIGKILL, restarted on its data", "broker-kill", new Fault() {
            @Override
            public void begin() {
                stopStackProcess(stack.status().brokerPid(), true);
            }

            @Override
            public void end() {
                stack = LocalStack.start(stackConfig);
            }
        });
    }

    @Test
    @Order(5)
    void registryAway() throws Exception {
        scenario("registry stopped 30 s, started again", "registry-away", new Fault() {
            @Override
            public void begin() {
                stopStackProcess(stack.status().registryPid(), false);
            }

            @Override
            public void end() throws InterruptedException {
                Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for a condition
                stack = LocalStack.start(stackConfig);
            }
        });
    }

    @Test
    @Order(6)
    void databaseAway() throws Exception {
        scenario("PostgreSQL stopped 30 s, started again", "db-away", new Fault() {
            @Override
            public void begin() throws Exception {
                postgres.stop();
            }

            @Override
            public void end() throws Exception {
                Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for a condition
                postgres.startAgain();
            }
        });
        assertThat(sink.logged("Sink unhealthy"))
                .as("the sink logs that it waits out the database outage")
                .isTrue();
        assertThat(sink.logged("Sink healthy again"))
                .as("the sink logs that it recovered")
                .isTrue();
    }

    @Test
    @Order(7)
    void oneOfTwoEnrichersKilled() throws Exception {
        ServiceProcess second = launchEnricher("streams-b").awaitLog("enricher running", START_TIMEOUT);
        awaitTwoEnrichersSharingTheRawTopic();
        ServiceProcess first = enricher;
        enricher = second;
        scenario("two enrichers, one SIGKILLed", "enrich-two", new Fault() {
            @Override
            public void begin() throws InterruptedException {
                first.kill();
            }

            @Override
            public void end() {
                // not restarted: the other instance takes the partitions over
            }
        });
    }

    /**
     * Last: with the broker gone (the hardest state to stop in: no coordinator to leave a group or abort a
     * transaction with), each service is sent SIGTERM and must exit by itself; the times are in the report.
     */
    @Test
    @Order(8)
    void servicesStopOnSigtermWithTheBrokerAway() throws Exception {
        stopStackProcess(stack.status().brokerPid(), true);
        for (ServiceProcess service : List.of(ingest, enricher, sink)) {
            Duration took = service.terminate(STOP_LIMIT);
            stops.put(
                    service.name(),
                    String.format("%.1f s (exit code %d)", took.toMillis() / 1000.0, service.exitValue()));
        }
    }

    /** A fault: injected with {@link #begin()} while articles are in flight, undone with {@link #end()}. */
    private interface Fault {
        void begin() throws Exception;

        void end() throws Exception;
    }

    /** One line of the report. */
    private record Result(
            String scenario,
            int in,
            int rowsOut,
            int duplicates,
            long deadLetters,
            Duration recovery,
            Duration total) {}

    /**
     * Publishes the first half of the scenario's articles, waits until the first of them is in the database (the
     * pipeline carries them), injects the fault, publishes the second half while it lasts, ends it, and waits until
     * every article is in the database. Then checks and records.
     */
    private void scenario(String title, String key, Fault fault) throws Exception {
        String prefix = "fault-" + key + "-" + run + "-";
        List<String> ids =
                IntStream.range(0, ARTICLES).mapToObj(i -> prefix + i).toList();
        long deadLettersBefore = view.deadLetters();
        long begin = System.nanoTime();
        publish(ids.subList(0, ARTICLES / 2), key);
        producer.flush();
        awaitRows(prefix, 1, title + ": the first article through the pipeline");
        fault.begin();
        publish(ids.subList(ARTICLES / 2, ARTICLES), key);
        fault.end();
        long ended = System.nanoTime();
        producer.flush();
        awaitRows(prefix, ARTICLES, title + ": every article in the database");
        Duration recovery = Duration.ofNanos(System.nanoTime() - ended);
        Duration total = Duration.ofNanos(System.nanoTime() - begin);

        List<String> rows = view.rows(prefix);
        Map<String, Integer> copies = view.enrichedCopies(prefix);
        int duplicates = (rows.size() - Set.copyOf(rows).size())
                + copies.values().stream().mapToInt(n -> n - 1).sum();
        long deadLetters = view.deadLetters() - deadLettersBefore;
        results.put(key, new Result(title, ids.size(), rows.size(), duplicates, deadLetters, recovery, total));

        assertThat(new TreeSet<>(rows)).as(title + ": articles in the database").isEqualTo(new TreeSet<>(ids));
        assertThat(rows).as(title + ": rows").hasSize(ids.size());
        assertThat(copies.keySet())
                .as(title + ": articles on news-articles-enriched")
                .isEqualTo(Set.copyOf(ids));
        assertThat(duplicates).as(title + ": duplicates").isZero();
        assertThat(deadLetters)
                .as(title + ": dead letters (every article was valid)")
                .isZero();
        for (ServiceProcess service : List.of(ingest, enricher, sink)) {
            assertThat(service.alive()).as(service + " still running").isTrue();
        }
    }

    private void publish(List<String> ids, String scenario) throws IOException {
        for (String id : ids) {
            int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            String subject = TOPIC_WORDS[n % TOPIC_WORDS.length];
            Map<String, String> article = Map.of(
                    "id",
                    id,
                    "title",
                    "Talks on " + subject + ", report " + n + " of " + scenario,
                    "text",
                    "Officials said on day " + n + " that talks about " + subject + " would go on. Report "
                            + id + " adds that " + (n * 7919 % 1000) + " delegates attended and "
                            + (n * 104729 % 997) + " documents were signed.",
                    "lang",
                    "en");
            producer.send(new ProducerRecord<>(
                    Topics.INGEST, id.getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(article)));
        }
    }

    /** Polls the database until {@code count} rows of {@code prefix} are there; fails with the services' logs. */
    private void awaitRows(String prefix, int count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SCENARIO_TIMEOUT.toNanos();
        while (view.rowCount(prefix) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": only " + view.rowCount(prefix) + " of " + count + " rows after "
                        + SCENARIO_TIMEOUT + "\n" + ingest.tail() + "\n" + enricher.tail() + "\n" + sink.tail());
            }
            Thread.sleep(250);
        }
    }

    private ServiceProcess launchEnricher(String stateDir) {
        enricherLaunches++;
        return ServiceProcess.launch(
                "enrich",
                work,
                withStack(
                        "enrich",
                        "--set",
                        "enrich.application.id=" + ENRICH_APP,
                        "--set",
                        "enrich.state.dir=" + work.resolve(stateDir)));
    }

    private void awaitTwoEnrichersSharingTheRawTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (true) {
                List<Long> owned = admin
                        .describeConsumerGroups(List.of(ENRICH_APP))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(ENRICH_APP)
                        .members()
                        .stream()
                        .map(MemberDescription::assignment)
                        .map(a -> a.topicPartitions().stream()
                                .filter(tp -> tp.topic().equals(Topics.ARTICLES_RAW))
                                .count())
                        .toList();
                if (owned.size() == 2 && owned.stream().allMatch(n -> n > 0)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("two enrichers did not share news-articles-raw: " + owned);
                }
                Thread.sleep(250);
            }
        }
    }

    /** The service's arguments with the stack's addresses. */
    private List<String> withStack(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of(
                "--set",
                "kafka.bootstrap.servers=" + stack.bootstrapServers(),
                "--set",
                "schema.registry.url=" + stack.schemaRegistryUrl()));
        return all;
    }

    /** SIGTERM ({@code kill} false) or SIGKILL a process of the stack, and wait until it is gone. */
    private static void stopStackProcess(long pid, boolean kill) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        boolean signalled = kill ? process.destroyForcibly() : process.destroy();
        assertThat(signalled).as("signalled pid " + pid).isTrue();
        process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }

    private void createTopics() throws Exception {
        List<String> names = List.of(
                Topics.INGEST,
                Topics.ARTICLES_RAW,
                Topics.ARTICLES_ENRICHED,
                Topics.TRENDS,
                Topics.DLQ,
                Topics.TAXONOMY);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(names.stream()
                            .map(t -> new NewTopic(t, Topics.partitions(t, PARTITIONS), (short) 1)
                                    .configs(Topics.creationConfig(t)))
                            .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private String table() {
        StringBuilder s = new StringBuilder();
        s.append("\nFault suite: ingest -> enrich -> sink as OS processes, run ")
                .append(run)
                .append('\n');
        s.append("'time to recover': from the moment the fault was undone (a killed service relaunched; the broker,"
                + " registry or database answering again; for the two enrichers, the SIGKILL) until every article of"
                + " the scenario was in the database\n\n");
        s.append(String.format(
                "| %-40s | %11s | %8s | %10s | %12s | %15s | %13s |%n",
                "scenario",
                "articles in",
                "rows out",
                "duplicates",
                "dead letters",
                "time to recover",
                "scenario time"));
        s.append("|")
                .append("-".repeat(42))
                .append("|")
                .append("-".repeat(13))
                .append("|")
                .append("-".repeat(10));
        s.append("|")
                .append("-".repeat(12))
                .append("|")
                .append("-".repeat(14))
                .append("|")
                .append("-".repeat(17));
        s.append("|").append("-".repeat(15)).append("|\n");
        int in = 0;
        int out = 0;
        for (Result r : results.values()) {
            in += r.in();
            out += r.rowsOut();
            s.append(String.format(
                    "| %-40s | %11d | %8d | %10d | %12d | %13.1f s | %11.1f s |%n",
                    r.scenario(),
                    r.in(),
                    r.rowsOut(),
                    r.duplicates(),
                    r.deadLetters(),
                    r.recovery().toMillis() / 1000.0,
                    r.total().toMillis() / 1000.0));
        }
        s.append(String.format(
                "| %-40s | %11d | %8d | %10s | %12s | %15s | %13s |%n", "total", in, out, "", "", "", ""));
        if (!stops.isEmpty()) {
            s.append("\nSIGTERM with the broker away, time to exit:");
            stops.forEach((name, took) ->
                    s.append(' ').append(name).append(' ').append(took).append(';'));
            s.append('\n');
        }
        s.append("enricher launches: ").append(enricherLaunches).append('\n');
        return s.toString();
    }
}
