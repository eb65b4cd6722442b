package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST client's requests, answer parsing, error mapping and retries, against a scripted JDK {@link HttpServer}
 * on 127.0.0.1. The answers copy what Confluent Schema Registry and Apicurio's ccompat API send; the real registry is
 * exercised in the integration tests ({@code SchemaRegistryClientIT}).
 */
class RestSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaBuilder.record("R")
            .namespace("t")
            .fields()
            .requiredString("a")
            .endRecord();
    private static final RestSchemaRegistryClient.Options FAST =
            RestSchemaRegistryClient.Options.DEFAULTS.withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));

    /** One request as the server saw it. */
    private record Seen(String method, String path, String contentType, String body, String authorization) {}

    /** One scripted answer. */
    private record Answer(int status, String body) {}

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private String baseUrl;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body,
                exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer;
        synchronized (script) {
            answer = script.isEmpty()
                    ? new Answer(500, "{\"error_code\":50001,\"message\":\"unscripted\"}")
                    : script.poll();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private void answer(int status, String body) {
        synchronized (script) {
            script.add(new Answer(status, body));
        }
    }

    private RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(baseUrl, FAST);
    }

    @Test
    void shouldPostSchemaToSubjectVersionsAndReturnTheId() throws IOException {
        answer(200, "{\"id\":42}");

        int id = client().register("news-articles-raw-value", SCHEMA);

        assertThat(id).isEqualTo(42);
        assertThat(seen).hasSize(1);
        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/apis/ccompat/v7/subjects/news-articles-raw-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(SCHEMA);
    }

    @Test
    @Timeout(10)
    void shouldNeverWaitLongerThanTheMaximumBackoffEvenBeforeTheFirstRetry() {
        answer(503, "");
        answer(200, "{\"id\":3}");
        // an initial backoff above the maximum: uncapped, the first wait alone would outlast the timeout
        RestSchemaRegistryClient.Options options = FAST.withRetries(2, Duration.ofMinutes(1), Duration.ofMillis(5));

        int id = new RestSchemaRegistryClient(baseUrl, options).register("news-articles-raw-value", SCHEMA);

        assertThat(id).isEqualTo(3);
    }

    @Test
    void shouldAnswerRepeatedRegistrationAndLookupOfRegisteredIdFromCache() {
        answer(200, "{\"id\":7}");
        RestSchemaRegistryClient client = client();

        int first = client.register("s-value", SCHEMA);
        int second = client.register("s-value", SCHEMA);
        Schema byId = client.schemaById(7);

        assertThat(second).isEqualTo(first).isEqualTo(7);
        assertThat(byId).isEqualTo(SCHEMA);
        assertThat(seen).hasSize(1);
    }

    @Test
    void shouldParseSchemaByIdWithoutSchemaTypeAsApicurioSendsIt() {
        answer(
                200,
                JSON.createObjectNode()
                        .put("schema", SCHEMA.toString())
                        .set("references", JSON.createArrayNode())
                        .toString());
        RestSchemaRegistryClient client = client();

        Schema schema = client.schemaById(3);
        Schema again = client.schemaById(3);

        assertThat(schema).isEqualTo(SCHEMA);
        assertThat(again).isSameAs(schema);
        assertThat(seen)
                .extracting(Seen::method, Seen::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/apis/ccompat/v7/schemas/ids/3"));
    }

    @Test
    void shouldParseSchemaByIdWithSchemaTypeAsConfluentSendsIt() {
        answer(
                200,
                JSON.createObjectNode()
                        .put("schema", SCHEMA.toString())
                        .put("schemaType", "AVRO")
                        .put("subject", "s-value")
                        .put("version", 1)
                        .toString());

        assertThat(client().schemaById(3)).isEqualTo(SCHEMA);
    }

    @Test
    void shouldRefuseSchemaOfAnotherType() {
        answer(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");

        assertThatThrownBy(() -> client().schemaById(3))
                .isInstanceOf(NotAvroSchemaException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void shouldThrowUnknownSchemaWithUrlStatusAndRegistryErrorWhenIdIsNotFound() {
        answer(404, "{\"error_code\":40403,\"message\":\"No content with id/hash 'contentId-999' was found.\"}");

        assertThatThrownBy(() -> client().schemaById(999))
                .isInstanceOfSatisfying(UnknownSchemaException.class, e -> {
                    assertThat(e.isSchemaIdUnknown()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).hasValue(40403);
                    assertThat(e.url()).isEqualTo(baseUrl + "/schemas/ids/999");
                })
                .hasMessageContaining("Fetching schema id 999")
                .hasMessageContaining(baseUrl + "/schemas/ids/999")
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("error_code 40403")
                .hasMessageContaining("No content with id/hash");
        assertThat(seen).hasSize(1);
    }

    @Test
    void shouldThrowIncompatibleForApicurioStyleConflict() {
        answer(409, "{\"error_code\":409,\"message\":\"Incompatible artifact: s-value [AVRO]\"}");

        assertThatThrownBy(() -> client().register("s-value", SCHEMA))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("error_code 409")
                .hasMessageContaining("Incompatible artifact");
    }

    @Test
    void shouldRegisterAgainWhenApicurioSaysAnotherClientCreatedTheSubjectMeanwhile() {
        answer(
                409,
                "{\"error_code\":409,\"message\":\"An artifact with ID 's-value' in group 'null' already exists.\"}");
        answer(200, "{\"id\":7}");

        int id = client().register("s-value", SCHEMA);

        assertThat(id).isEqualTo(7);
        assertThat(seen).extracting(Seen::method).containsExactly("POST", "POST");
    }

    @Test
    void shouldThrowIncompatibleWhenTheSecondRegistrationIsRefusedToo() {
        answer(
                409,
                "{\"error_code\":409,\"message\":\"An artifact with ID 's-value' in group 'null' already exists.\"}");
        answer(409, "{\"error_code\":409,\"message\":\"Incompatible artifact: s-value [AVRO]\"}");

        assertThatThrownBy(() -> client().register("s-value", SCHEMA))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("Incompatible artifact");
    }

    @Test
    void shouldThrowIncompatibleForConfluentStyleConflict() {
        answer(
                409,
                "{\"error_code\":40901,\"message\":\"Schema being registered is incompatible with an earlier schema\"}");

        assertThatThrownBy(() -> client().register("s-value", SCHEMA))
                .isInstanceOfSatisfying(
                        IncompatibleSchemaException.class,
                        e -> assertThat(e.errorCode()).hasValue(40901));
    }

    @Test
    void shouldTellAPathWithNoRegistryApiFromAnUnknownId() {
        // what Apicurio answers under a wrong path: a 404 without a registry error code
        answer(404, "{\"error_code\":0,\"message\":\"RESTEASY003210: Could not find resource for full path\"}");

        assertThatThrownBy(() -> client().schemaById(7))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no Confluent-compatible registry API at this path");
    }

    @Test
    void shouldSayTheRegistryRefusedTheCredentials() {
        answer(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

        assertThatThrownBy(() -> client().schemaById(7))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("refused the credentials");
    }

    @Test
    void shouldTellAMissingSubjectByItsErrorCode() {
        answer(404, "{\"error_code\":40401,\"message\":\"No artifact with ID 'x-value' was found.\"}");

        assertThatThrownBy(() -> client().setCompatibility("x-value", "BACKWARD"))
                .isInstanceOfSatisfying(
                        UnknownSchemaException.class,
                        e -> assertThat(e.isSchemaIdUnknown()).isFalse());
    }

    @Test
    void shouldSendTheUrlsUserInfoAsBasicAuthAndNeverShowThePassword() {
        String withCredentials = baseUrl.replace("http://", "http://newsflow:s3cr%40t@");
        answer(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(withCredentials, FAST);

        Throwable thrown = catchThrowable(() -> client.schemaById(7));

        assertThat(seen)
                .singleElement()
                .satisfies(
                        request -> assertThat(request.authorization()).isEqualTo("Basic " + base64("newsflow:s3cr@t")));
        assertThat(client.url()).isEqualTo(baseUrl);
        assertThat(thrown).hasMessageContaining("HTTP 401").hasMessageNotContaining("s3cr");
    }

    @Test
    void shouldSendBasicAuthFromUserInfoNamedAsConfluentNamesIt() {
        answer(200, JSON.createObjectNode().put("schema", SCHEMA.toString()).toString());
        RegistryAccess access = RegistryAccess.from(
                Map.of(RegistryAccess.CREDENTIALS_SOURCE, "USER_INFO", RegistryAccess.USER_INFO, "svc:pa55"));

        new RestSchemaRegistryClient(baseUrl, FAST, access).schemaById(3);

        assertThat(seen)
                .singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo("Basic " + base64("svc:pa55")));
        assertThat(access.toString()).doesNotContain("pa55");
    }

    @Test
    void shouldNotShowThePasswordOfAnUnusableUrl() {
        assertThatThrownBy(() -> new RestSchemaRegistryClient("ftp://svc:pa55@registry:8081", FAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://***@registry:8081")
                .hasMessageNotContaining("pa55");
    }

    private static String base64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNotRetryClientErrors() {
        answer(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
        answer(200, "{\"id\":1}");

        assertThatThrownBy(() -> client().register("s-value", SCHEMA))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 422")
                .hasMessageContaining("Invalid schema");
        assertThat(seen).hasSize(1);
    }

    @Test
    void shouldKeepNonJsonErrorBodyAsTheMessage() {
        answer(400, "Not able to deserialize data provided.");

        assertThatThrownBy(() -> client().setCompatibility("s-value", "BOGUS"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Not able to deserialize data provided.");
    }

    @Test
    void shouldRetryServerErrorsUntilTheRegistryAnswers() {
        answer(503, "");
        answer(500, "{\"error_code\":50001,\"message\":\"store not ready\"}");
        answer(200, "{\"id\":5}");

        int id = client().register("s-value", SCHEMA);

        assertThat(id).isEqualTo(5);
        assertThat(seen).hasSize(3);
    }

    @Test
    void shouldGiveUpOnServerErrorsAfterTheConfiguredAttempts() {
        answer(503, "");
        answer(503, "");
        answer(503, "{\"error_code\":50003,\"message\":\"still down\"}");
        answer(200, "{\"id\":5}");

        assertThatThrownBy(() -> client().register("s-value", SCHEMA))
                .isInstanceOfSatisfying(
                        SchemaRegistryUnavailableException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(503))
                .hasMessageContaining("after 3 attempt(s)")
                .hasMessageContaining("still down");
        assertThat(seen).hasSize(3);
    }

    @Test
    void shouldPutCompatibilityToSubjectConfig() throws IOException {
        answer(200, "{\"compatibility\":\"BACKWARD\"}");

        client().setCompatibility("news-dlq-value", "BACKWARD");

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).method()).isEqualTo("PUT");
        assertThat(seen.get(0).path()).isEqualTo("/apis/ccompat/v7/config/news-dlq-value");
        assertThat(seen.get(0).contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(JSON.readTree(seen.get(0).body()).get("compatibility").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void shouldEncodeSubjectAsOnePathSegment() {
        answer(200, "{\"id\":1}");

        client().register("odd subject/with slash", SCHEMA);

        assertThat(seen.get(0).path()).isEqualTo("/apis/ccompat/v7/subjects/odd%20subject%2Fwith%20slash/versions");
    }

    @Test
    void shouldFailClearlyAfterRetriesWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url, FAST);

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(
                        SchemaRegistryUnavailableException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_STATUS))
                .hasMessageContaining("Fetching schema id 1 after 3 attempt(s) failed")
                .hasMessageContaining(url + "/schemas/ids/1")
                .hasCauseInstanceOf(java.net.ConnectException.class);
    }
}
