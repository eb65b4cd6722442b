package io.newsflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.SchemaSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite (ADR 0014): articles go through ingest ({@code ingest --from-topic}, and for a few of each
 * scenario {@code ingest --watch DIR --http}), {@code enrich} and {@code sink}, each its own OS process launched from
 * the distribution, on a real local stack (broker and registry are child JVMs too)
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
    /**
     * Of each scenario's second half (sent while the fault lasts), how many go as files into the watched drop folder,
     * and how many more by HTTP POST; the rest go to {@code news-ingest}.
     */
    private static final int BY_FILE = 20;

    private static final int BY_HTTP = 20;

    private static final int SCENARIOS = 7;
    private static final int PARTITIONS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SCENARIO_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration POLL = Duration.ofMillis(250);
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
    private final List<ServiceProcess> launched = new CopyOnWriteArrayList<>();

    private Path work;
    private StackConfig stackConfig;
    private LocalStack stack;
    private PostgresServer postgres;
    private PipelineView view;
    private KafkaProducer<byte[], byte[]> producer;
    private ServiceProcess ingest;
    /** {@code ingest --watch DIR --http}: the drop folder and the HTTP endpoint in one process. */
    private ServiceProcess edgeIngest;

    private Path dropFolder;
    private URI articlesEndpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Sends articles while a fault lasts, off the test's thread: a send can block until the broker is back (the
     * producer's metadata may need refreshing), and an HTTP request until its record is acknowledged.
     */
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    private ServiceProcess enricher;
    private ServiceProcess sink;
    private int enricherLaunches;

    @BeforeAll
    void startStackAndServices() throws Exception {
        Optional<Path> pgBin = PostgresServer.findBin();
        assumeTrue(pgBin.isPresent(), "the fault suite needs a PostgreSQL server in /usr/lib/postgresql/*/bin");
        work = Files.createTempDirectory("newsflow-faults-");
        // if this JVM is ended before @AfterAll, the services it launched must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(this::killServices, "fault-suite-services"));
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
        ingest = launch(
                "ingest",
                work,
                withStack(
                        "ingest",
                        "--from-topic",
                        "--set",
                        "ingest.group.id=faults-ingest",
                        "--set",
                        "ingest.transactional.id=faults-ingest-tx"));
        dropFolder = Files.createDirectories(work.resolve("drop"));
        edgeIngest = launch(
                "ingest-edge", work, withStack("ingest", "--watch", dropFolder.toString(), "--http", "--port", "0"));
        enricher = launchEnricher("streams-a");
        sink = launch(
                "sink",
                work,
                withStack(
                        "sink", "--set", "sink.jdbc.url=" + postgres.jdbcUrl(), "--set", "sink.group.id=faults-sink"));
        ingest.awaitLog("news-ingest service running", START_TIMEOUT);
        edgeIngest.awaitLog("running; Ctrl-C stops", START_TIMEOUT);
        Matcher port = Pattern.compile("accepting articles on http://127\\.0\\.0\\.1:(\\d+)/articles")
                .matcher(edgeIngest.logText());
        assertThat(port.find())
                .as("the HTTP endpoint's address in " + edgeIngest.tail())
                .isTrue();
        articlesEndpoint = URI.create("http://127.0.0.1:" + port.group(1) + "/articles");
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
            senders.shutdownNow();
            killServices();
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            if (stack != null) {
                stack.stop();
            }
            if (postgres != null) {
                postgres.close();
            }
            if (results.size() == SCENARIOS && stops.size() == 4) {
                deleteRecursively(work);
            } else if (work != null) {
                System.out.println("Fault suite: logs and stack data kept in " + work);
            }
        }
    }

    /** Launches a service in the work directory and remembers it, so that it is never left behind. */
    private ServiceProcess launch(String name, Path workDir, List<String> arguments) {
        ServiceProcess service = ServiceProcess.launch(name, workDir, arguments);
        launched.add(service);
        return service;
    }

    private void killServices() {
        for (ServiceProcess service : launched) {
            try {
                if (service.alive()) {
                    service.kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
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
                sink = launch(
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
        for (ServiceProcess service : List.of(ingest, edgeIngest, enricher, sink)) {
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
        int byFile = ARTICLES - BY_FILE - BY_HTTP;
        int byHttp = ARTICLES - BY_HTTP;
        Future<?> published = senders.submit(() -> {
            publish(ids.subList(ARTICLES / 2, byFile), key);
            return null;
        });
        drop(ids.subList(byFile, byHttp), key);
        Future<?> posted = senders.submit(() -> post(ids.subList(byHttp, ARTICLES), key));
        fault.end();
        long ended = System.nanoTime();
        published.get(SCENARIO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        producer.flush();
        awaitRows(prefix, ARTICLES, title + ": every article in the database");
        posted.get(); // done, since its articles are in the database; rethrows what went wrong
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
        assertThat(filesIn(dropFolder.resolve("failed")))
                .as(title + ": files in the drop folder's failed/")
                .isZero();
        for (ServiceProcess service : List.of(ingest, edgeIngest, enricher, sink)) {
            assertThat(service.alive()).as(service + " still running").isTrue();
        }
    }

    private static long filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    /** Sends the articles to {@code news-ingest}, as JSON objects keyed by id, without waiting for them. */
    private void publish(List<String> ids, String scenario) throws IOException {
        for (String id : ids) {
            producer.send(new ProducerRecord<>(
                    Topics.INGEST, id.getBytes(StandardCharsets.UTF_8), articleJson(id, scenario)));
        }
    }

    /** Writes each article as a {@code .json} file into the watched folder: a hidden name first, then a rename. */
    private void drop(List<String> ids, String scenario) throws IOException {
        for (String id : ids) {
            Path hidden = dropFolder.resolve("." + id + ".json.tmp");
            Files.write(hidden, articleJson(id, scenario));
            Files.move(hidden, dropFolder.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * POSTs each article to the HTTP endpoint as a client following its contract would: 202 means it is on
     * {@code news-articles-raw}; a 503 or a failed connection means nothing was taken, so the same article is sent
     * again after a second.
     */
    private Void post(List<String> ids, String scenario) throws IOException, InterruptedException {
        for (String id : ids) {
            HttpRequest request = HttpRequest.newBuilder(articlesEndpoint)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(3))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(articleJson(id, scenario)))
                    .build();
            while (true) {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        break;
                    }
                    if (response.statusCode() != 503) {
                        throw new AssertionError("POST " + id + ": " + response.statusCode() + " " + response.body());
                    }
                } catch (IOException notTaken) {
                    // the endpoint did not answer: nothing was taken, try again
                }
                Thread.sleep(1000);
            }
        }
        return null;
    }

    private byte[] articleJson(String id, String scenario) throws IOException {
        int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        String subject = TOPIC_WORDS[n % TOPIC_WORDS.length];
        Map<String, String> article = Map.of(
                "id",
                id,
                "title",
                "Talks on " + subject + ", report " + n + " of " + scenario,
                "text",
                "Officials said on day " + n + " that talks about " + subject + " would go on. Report " + id
                        + " adds that " + (n * 7919 % 1000) + " delegates attended and " + (n * 104729 % 997)
                        + " documents were signed.",
                "lang",
                "en");
        return json.writeValueAsBytes(article);
    }

    /** Polls the database until {@code count} rows of {@code prefix} are there; fails with the services' logs. */
    private void awaitRows(String prefix, int count, String what) {
        try {
            await(what).atMost(SCENARIO_TIMEOUT).pollInterval(POLL).until(() -> view.rowCount(prefix) >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    what + ": only " + view.rowCount(prefix) + " of " + count + " rows after " + SCENARIO_TIMEOUT + "\n"
                            + ingest.tail() + "\n" + edgeIngest.tail() + "\n" + enricher.tail() + "\n" + sink.tail(),
                    e);
        }
    }

    private ServiceProcess launchEnricher(String stateDir) {
        enricherLaunches++;
        return launch(
                "enrich",
                work,
                withStack(
                        "enrich",
                        "--set",
                        "enrich.application.id=" + ENRICH_APP,
                        "--set",
                        "enrich.state.dir=" + work.resolve(stateDir)));
    }

    private void awaitTwoEnrichersSharingTheRawTopic() {
        AtomicReference<List<Long>> owned = new AtomicReference<>(List.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            await("two enrichers share news-articles-raw")
                    .atMost(START_TIMEOUT)
                    .pollInterval(POLL)
                    .until(() -> {
                        owned.set(admin
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
                                .toList());
                        return owned.get().size() == 2 && owned.get().stream().allMatch(n -> n > 0);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("two enrichers did not share news-articles-raw: " + owned.get(), e);
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
        // as `newsflow topics --create` does: the services only look their schemas up
        SchemaSetup.apply(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), names);
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
