package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.http.HttpIngestConfig;
import io.newsflow.ingest.http.HttpIngestServer;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import io.newsflow.testsupport.kafka.TopicProbe;
import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /articles} through the REAL broker and registry: two servers share one publisher, one open (no token)
 * and one with a bearer token and a 1 KiB limit.
 */
@WithRealKafkaStack
class HttpIngestIT {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static RealKafkaStack stack;
    private static ArticlePublisher publisher;
    private static HttpIngestServer open;
    private static HttpIngestServer guarded;

    @BeforeAll
    static void startServers(RealKafkaStack realStack) throws Exception {
        stack = realStack;
        stack.createTopics(Topics.ARTICLES_RAW, Topics.DLQ);
        IngestConfig config = IngestConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl())));
        publisher = ArticlePublisher.create(config, Clock.systemUTC());
        ArticleNormaliser normaliser = new ArticleNormaliser(Clock.systemUTC(), "http-test");
        open = HttpIngestServer.start(
                new HttpIngestConfig("127.0.0.1", 0, null, HttpIngestConfig.MAX_BYTES.defaultValue()),
                new ArticleFileReader(),
                normaliser,
                publisher);
        guarded = HttpIngestServer.start(
                new HttpIngestConfig("127.0.0.1", 0, TOKEN, 1024), new ArticleFileReader(), normaliser, publisher);
    }

    @AfterAll
    static void stopServers() {
        if (open != null) {
            open.close();
        }
        if (guarded != null) {
            guarded.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void shouldAnswer202WithTheArticleIdAndPublishTheArticle() throws Exception {
        String id = "http-" + UUID.randomUUID();

        HttpResponse<String> response = post(
                open,
                "application/json",
                "{\"id\":\"" + id + "\",\"title\":\"Summit ends\",\"body\":\"Leaders left.\"}",
                null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("articleId").asText()).isEqualTo(id);
        try (TopicProbe<String, RawArticle> raw = rawProbe()) {
            RawArticle article = raw.awaitKey(id, WAIT).value();
            assertThat(article.getChannel()).isEqualTo(IngestChannel.HTTP);
            assertThat(article.getTitle()).isEqualTo("Summit ends");
            assertThat(article.getOrigin()).isEqualTo("http POST /articles from 127.0.0.1");
        }
    }

    @Test
    void shouldReadTextPlainInTheTxtLayout() throws Exception {
        String title = "Rivers rise " + UUID.randomUUID();

        HttpResponse<String> response =
                post(open, "text/plain; charset=utf-8", title + "\n\nThe lede.\n\nThe body of the article.\n", null);

        assertThat(response.statusCode()).isEqualTo(202);
        String id = JSON.readTree(response.body()).get("articleId").asText();
        assertThat(id).startsWith("txt-");
        try (TopicProbe<String, RawArticle> raw = rawProbe()) {
            RawArticle article = raw.awaitKey(id, WAIT).value();
            assertThat(article.getTitle()).isEqualTo(title);
            assertThat(article.getLede()).isEqualTo("The lede.");
            assertThat(article.getBody()).isEqualTo("The body of the article.");
        }
    }

    @Test
    void shouldAnswer400WithTheReasonForAnArticleWithoutBody() throws Exception {
        // a missing headline is stood in for by the first sentence; a missing body cannot be
        HttpResponse<String> response = post(open, "application/json", "{\"title\":\"No body here\"}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).contains("missing body");
        assertThat(error.get("errorClass").asText()).isEqualTo("io.newsflow.ingest.InvalidArticleException");
    }

    @Test
    void shouldAnswer400ForMalformedJson() throws Exception {
        HttpResponse<String> response = post(open, "application/json", "{\"title\": ", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("invalid JSON");
    }

    @Test
    void shouldAnswer415ForAnotherContentType() throws Exception {
        HttpResponse<String> response = post(open, "application/xml", "<article/>", null);

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void shouldAnswer401WithoutTheBearerToken() throws Exception {
        String body = "{\"title\":\"T\",\"body\":\"B\"}";

        assertThat(post(guarded, "application/json", body, null).statusCode()).isEqualTo(401);
        assertThat(post(guarded, "application/json", body, "Bearer wrong-token-0123456789")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void shouldAcceptTheRightBearerToken() throws Exception {
        String id = "http-token-" + UUID.randomUUID();

        HttpResponse<String> response = post(
                guarded,
                "application/json",
                "{\"id\":\"" + id + "\",\"title\":\"Vote counted\",\"body\":\"Turnout was high.\"}",
                "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("articleId").asText()).isEqualTo(id);
    }

    @Test
    void shouldAnswer413PastTheSizeLimit() throws Exception {
        String body = "{\"title\":\"Long\",\"body\":\"" + "x".repeat(2048) + "\"}";

        HttpResponse<String> response = post(guarded, "application/json", body, "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldAnswer413ForAChunkedBodyPastTheLimitWithoutContentLength() throws Exception {
        byte[] body = ("{\"title\":\"Long\",\"body\":\"" + "x".repeat(2048) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri(guarded, "/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                // a stream of unknown length is sent chunked: the server learns the size only by reading
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldReportHealth() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(uri(guarded, "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    private static HttpResponse<String> post(HttpIngestServer server, String type, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, "/articles"))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(HttpIngestServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    private static TopicProbe<String, RawArticle> rawProbe() {
        return TopicProbe.fromBeginning(
                stack.bootstrapServers(),
                Topics.ARTICLES_RAW,
                new StringDeserializer(),
                AvroWireSerde.forValues(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), RawArticle.class)
                        .deserializer());
    }
}
