package io.newsflow.it;

import static io.newsflow.testsupport.builders.Bytes.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.feed.FeedConfig;
import io.newsflow.ingest.feed.FeedPoller;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.PollOutcome;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feed polling through the REAL broker and registry, feeds served by a local JDK HTTP server on 127.0.0.1 (never the
 * internet). Each test has its own paths, item links and state file.
 */
@WithRealKafkaStack
class FeedIngestIT {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration BACKOFF = Duration.ofSeconds(2);

    private static RealKafkaStack stack;
    private static SchemaRegistryClient registry;
    private static ArticlePublisher publisher;
    private static HttpServer server;
    /** Responses by path: status, ETag (nullable), content type, body. */
    private static final Map<String, Served> SERVED = new ConcurrentHashMap<>();
    /** Every request: path and the If-None-Match it carried ("" when none). */
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    @TempDir
    Path work;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private record Served(int status, String etag, String type, String body) {}

    @BeforeAll
    static void start(RealKafkaStack realStack) throws IOException {
        stack = realStack;
        stack.createTopics(Topics.ARTICLES_RAW, Topics.DLQ);
        registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
        publisher = ArticlePublisher.create(
                IngestConfig.from(Settings.of(Map.of(
                        "kafka.bootstrap.servers", stack.bootstrapServers(),
                        "schema.registry.url", stack.schemaRegistryUrl()))),
                Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", FeedIngestIT::serve);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            REQUESTS.add(path + " " + (ifNoneMatch == null ? "" : ifNoneMatch));
            Served served = SERVED.get(path);
            if (served == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (served.etag() != null && served.etag().equals(ifNoneMatch)) {
                exchange.getResponseHeaders().set("ETag", served.etag());
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = served.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", served.type());
            if (served.etag() != null) {
                exchange.getResponseHeaders().set("ETag", served.etag());
            }
            exchange.sendResponseHeaders(served.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Test
    void shouldPublishRssItemsAndPublishNothingWhenTheSecondPollIsAnswered304() throws Exception {
        String path = "/" + run + "/rss.xml";
        SERVED.put(
                path, new Served(200, "\"v1-" + run + "\"", "application/rss+xml", rss(item(2, true), item(1, true))));
        FeedPoller poller = poller(path);

        PollOutcome first = poller.poll(feed(path));
        PollOutcome second = poller.poll(feed(path));

        assertThat(first.status()).isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(first.publishedIds()).hasSize(2);
        assertThat(second.status()).isEqualTo(PollOutcome.Status.NOT_MODIFIED);
        assertThat(second.publishedIds()).isEmpty();
        assertThat(REQUESTS).contains(path + " \"v1-" + run + "\"");
        try (TopicProbe<String, RawArticle> raw = rawProbe()) {
            RawArticle article = raw.awaitKey(first.publishedIds().get(0), WAIT).value();
            assertThat(article.getChannel()).isEqualTo(IngestChannel.RSS);
            assertThat(article.getTitle()).isEqualTo("Story 1 of " + run);
            assertThat(article.getBody()).isEqualTo("Full text of story 1.\nSecond paragraph.");
            assertThat(article.getSource()).isEqualTo("Test Wire");
            assertThat(article.getAttributes()).containsEntry("bodyFrom", "content");
        }
    }

    @Test
    void shouldPublishAtomEntries() throws Exception {
        String path = "/" + run + "/atom.xml";
        SERVED.put(path, new Served(200, null, "application/atom+xml", atom()));

        PollOutcome outcome = poller(path).poll(feed(path));

        assertThat(outcome.status()).isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(outcome.publishedIds()).hasSize(1);
        try (TopicProbe<String, RawArticle> raw = rawProbe()) {
            RawArticle article =
                    raw.awaitKey(outcome.publishedIds().get(0), WAIT).value();
            assertThat(article.getChannel()).isEqualTo(IngestChannel.ATOM);
            assertThat(article.getTitle()).isEqualTo("Atom entry of " + run);
            assertThat(article.getBody()).isEqualTo("The entry's full content.");
            assertThat(article.getUrl()).isEqualTo(base() + "/" + run + "/atom-entry");
        }
    }

    @Test
    void shouldRememberPublishedItemsAcrossARestart() throws Exception {
        String path = "/" + run + "/no-etag.xml";
        SERVED.put(path, new Served(200, null, "application/rss+xml", rss(item(1, true))));
        PollOutcome beforeRestart = poller(path).poll(feed(path));
        SERVED.put(path, new Served(200, null, "application/rss+xml", rss(item(2, true), item(1, true))));

        // a new poller on the same state file: what a restarted process has
        PollOutcome afterRestart = poller(path).poll(feed(path));

        assertThat(beforeRestart.publishedIds()).hasSize(1);
        assertThat(afterRestart.status()).isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(afterRestart.alreadySeen()).isEqualTo(1);
        assertThat(afterRestart.publishedIds()).hasSize(1).doesNotContainAnyElementsOf(beforeRestart.publishedIds());
    }

    @Test
    void shouldFollowASummaryOnlyItemToItsPageForTheText() throws Exception {
        String path = "/" + run + "/summaries.xml";
        SERVED.put(path, new Served(200, null, "application/rss+xml", rss(item(1, false))));
        SERVED.put("/" + run + "/story/1", new Served(200, null, "text/html; charset=utf-8", page()));

        PollOutcome outcome = poller(path).poll(feed(path));

        assertThat(outcome.publishedIds()).hasSize(1);
        try (TopicProbe<String, RawArticle> raw = rawProbe()) {
            RawArticle article =
                    raw.awaitKey(outcome.publishedIds().get(0), WAIT).value();
            assertThat(article.getBody()).isEqualTo("The first paragraph of the page.\nThe second paragraph.");
            assertThat(article.getLede()).isEqualTo("Summary of story 1.");
            assertThat(article.getAttributes()).containsEntry("bodyFrom", "page");
        }
    }

    @Test
    void shouldDeadLetterAnItemWithoutTitle() throws Exception {
        String path = "/" + run + "/untitled.xml";
        String untitled = "<item><link>" + base() + "/" + run + "/untitled</link><guid>untitled-" + run
                + "</guid><description>Text without a title.</description></item>";
        SERVED.put(path, new Served(200, null, "application/rss+xml", rss(untitled)));

        PollOutcome outcome = poller(path).poll(feed(path));

        assertThat(outcome.rejections()).singleElement().asString().contains("missing title");
        try (TopicProbe<String, DeadLetter> dlq = TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.DLQ,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, DeadLetter.class).deserializer())) {
            DeadLetter letter = dlq.awaitRecord(
                            r -> (base() + "/" + run + "/untitled")
                                    .equals(r.value().getOrigin()),
                            WAIT)
                    .value();
            assertThat(letter.getStage()).isEqualTo(FeedPoller.STAGE_FEED);
            assertThat(text(letter.getValue())).contains("untitled-" + run);
        }
    }

    @Test
    void shouldBackOffExponentiallyOnServerErrorsAndRecover() throws Exception {
        String path = "/" + run + "/flaky.xml";
        SERVED.put(path, new Served(500, null, "text/plain", "overloaded"));
        FeedPoller poller = poller(path);

        PollOutcome firstFailure = poller.poll(feed(path));
        PollOutcome secondFailure = poller.poll(feed(path));
        PollOutcome thirdFailure = poller.poll(feed(path));
        SERVED.put(path, new Served(200, null, "application/rss+xml", rss(item(1, true))));
        PollOutcome recovered = poller.poll(feed(path));

        assertThat(firstFailure.status()).isEqualTo(PollOutcome.Status.FAILED);
        assertThat(firstFailure.error()).isEqualTo("HTTP 500");
        assertThat(List.of(firstFailure.nextPollIn(), secondFailure.nextPollIn(), thirdFailure.nextPollIn()))
                .containsExactly(BACKOFF, BACKOFF.multipliedBy(2), BACKOFF.multipliedBy(4));
        assertThat(recovered.status()).isEqualTo(PollOutcome.Status.FETCHED);
        assertThat(recovered.nextPollIn()).isEqualTo(INTERVAL);
    }

    private FeedPoller poller(String path) {
        FeedConfig config =
                new FeedConfig(INTERVAL, BACKOFF, Duration.ofMinutes(1), Duration.ofSeconds(10), true, stateFile());
        try {
            return new FeedPoller(
                    List.of(feed(path)),
                    config,
                    new ArticleNormaliser(Clock.systemUTC(), "feed-test"),
                    publisher,
                    FeedState.load(stateFile()),
                    o -> {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TopicProbe<String, RawArticle> rawProbe() {
        return TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_RAW,
                new StringDeserializer(),
                AvroWireSerde.forValues(registry, RawArticle.class).deserializer());
    }

    private Path stateFile() {
        return work.resolve("feeds-state.json");
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static URI feed(String path) {
        return URI.create(base() + path);
    }

    private String item(int n, boolean withContent) {
        return "<item><title>Story " + n + " of " + run + "</title>"
                + "<link>" + base() + "/" + run + "/story/" + n + "</link>"
                + "<guid isPermaLink=\"false\">" + run + "-" + n + "</guid>"
                + "<pubDate>Tue, 01 Dec 2026 08:0" + n + ":00 GMT</pubDate>"
                + "<description>Summary of story " + n + ".</description>"
                + (withContent
                        ? "<content:encoded><![CDATA[<p>Full text of story " + n + ".</p><p>Second paragraph.</p>]]>"
                                + "</content:encoded>"
                        : "")
                + "</item>";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>Test Wire</title><link>" + base() + "</link><description>Test feed</description>"
                + "<language>en</language>" + String.join("", items) + "</channel></rss>";
    }

    private String atom() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Atom Test</title><id>urn:test:" + run + "</id><updated>2026-12-01T08:00:00Z</updated>"
                + "<entry><title>Atom entry of " + run + "</title><id>urn:test:" + run + ":1</id>"
                + "<link href=\"" + base() + "/" + run + "/atom-entry\"/>"
                + "<updated>2026-12-01T08:00:00Z</updated><summary>The summary.</summary>"
                + "<content type=\"html\">&lt;p&gt;The entry's full content.&lt;/p&gt;</content></entry></feed>";
    }

    private static String page() {
        return "<!doctype html><html><head><title>Story</title><script>var x = 1;</script></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                + "<article><h1>Story 1</h1><p>The first paragraph of the page.</p><p>The second paragraph.</p>"
                + "</article><footer><p>Copyright</p></footer></body></html>";
    }
}
