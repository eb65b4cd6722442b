package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.Newsflow;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.sink.ArticleStore;
import io.newsflow.sink.JdbcArticleStore;
import io.newsflow.testsupport.kafka.TopicProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsflow demo --json} as a user runs it (in-process through picocli): it starts its own local stack, runs
 * the samples through ingest, the enricher and the sink, prints JSON lines, stops the stack and exits 0.
 */
class DemoCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String previousHome;

    @BeforeEach
    void useATemporaryWorkspace() {
        previousHome = System.getProperty("newsflow.home");
        System.setProperty("newsflow.home", home.toString());
    }

    @AfterEach
    void restoreWorkspace() {
        if (previousHome == null) {
            System.clearProperty("newsflow.home");
        } else {
            System.setProperty("newsflow.home", previousHome);
        }
    }

    @Test
    void shouldPrintEverySampleAsAParseableEnrichedJsonLineAndStoreItInSqlite() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("demo", "--json");

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> articles = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                articles.add(JSON.readTree(line));
            }
        }
        assertThat(articles).hasSize(4);
        JsonNode seed = articles.stream()
                .filter(a -> a.get("title").asText().startsWith("Régimen de Kim Jong-un"))
                .findFirst()
                .orElseThrow();
        assertThat(seed.get("entities").findValuesAsText("id")).contains("Q56226", "Q22686", "Q423", "Q159", "Q30");
        assertThat(seed.get("topics").findValuesAsText("id")).contains("kp-ru-rapprochement", "us-kp-diplomacy");
        assertThat(seed.get("language").get("code").asText()).isEqualTo("es");

        Path database = home.resolve("newsflow.db");
        assertThat(database).exists();
        try (ArticleStore store = JdbcArticleStore.open("jdbc:sqlite:" + database)) {
            assertThat(store.countArticles()).isEqualTo(4);
            assertThat(store.find(seed.get("articleId").asText())).isPresent();
        }
        assertThat(Files.exists(home.resolve("stack").resolve("stack.properties")))
                .as("the demo stops the stack it started")
                .isFalse();
    }

    @Test
    void shouldLeaveTheSeedArticleInTheKpRuRapprochementTopicForSubscribers() throws Exception {
        CommandLine cli = Newsflow.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int started = cli.execute(
                "stack",
                "start",
                "--broker-port",
                Integer.toString(freePort()),
                "--controller-port",
                Integer.toString(freePort()),
                "--registry-port",
                Integer.toString(freePort()));
        assertThat(started).as(err.toString()).isZero();
        try {
            String bootstrap = out.toString()
                    .lines()
                    .filter(l -> l.startsWith("kafka.bootstrap.servers="))
                    .findFirst()
                    .orElseThrow()
                    .substring("kafka.bootstrap.servers=".length());
            String registryUrl = out.toString()
                    .lines()
                    .filter(l -> l.startsWith("schema.registry.url="))
                    .findFirst()
                    .orElseThrow()
                    .substring("schema.registry.url=".length());

            int demo = cli.execute("demo", "--json");
            assertThat(demo).as(err.toString()).isZero();

            try (TopicProbe<String, EnrichedArticle> topic = TopicProbe.fromBeginning(
                    bootstrap,
                    "news-topic-kp-ru-rapprochement",
                    new StringDeserializer(),
                    AvroWireSerde.forValues(SchemaRegistryClients.forUrl(registryUrl), EnrichedArticle.class)
                            .deserializer())) {
                EnrichedArticle seed = topic.awaitRecord(
                                r -> r.value().getTitle().startsWith("Régimen de Kim Jong-un"), Duration.ofMinutes(1))
                        .value();
                assertThat(seed.getTopics()).extracting(t -> t.getId()).contains("kp-ru-rapprochement");
            }

            StringWriter subscribed = new StringWriter();
            cli.setOut(new PrintWriter(subscribed, true));
            int subscribe = cli.execute(
                    "subscribe", "kp-ru-rapprochement", "--from-beginning", "--json", "--exit-when-idle", "PT5S");
            assertThat(subscribe).as(err.toString()).isZero();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : subscribed.toString().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            assertThat(lines)
                    .extracting(a -> a.get("title").asText())
                    .anyMatch(title -> title.startsWith("Régimen de Kim Jong-un"));

            // a second demo on the same stack: its articles are exact duplicates, not published again, and still shown
            StringWriter again = new StringWriter();
            cli.setOut(new PrintWriter(again, true));
            int second = cli.execute("demo", "--json");
            assertThat(second).as(err.toString()).isZero();
            assertThat(again.toString().lines().filter(l -> !l.isBlank())).hasSize(4);
        } finally {
            cli.execute("stack", "stop");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
