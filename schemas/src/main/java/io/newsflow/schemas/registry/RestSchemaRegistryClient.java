package io.newsflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.config.Redact;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the Confluent Schema Registry REST API, written on {@link HttpClient} and Jackson because Confluent's
 * own client is not available from Maven Central.
 *
 * <p>It works against Confluent Schema Registry ({@code http://host:8081}) and against Apicurio Registry's
 * Confluent-compatible API ({@code http://host:8080/apis/ccompat/v7}); the base URL is given in full. Requests used:
 * <ul>
 *   <li>{@code POST /subjects/{subject}/versions} with {@code {"schema":"..."}} → {@code {"id":N}}. No
 *       {@code schemaType} is sent: AVRO is the default in both registries.</li>
 *   <li>{@code GET /schemas/ids/{id}} → {@code {"schema":"..."}}. Confluent adds {@code schemaType} (absent for
 *       AVRO in older versions) and Apicurio omits it; both are accepted, any type other than AVRO is refused.</li>
 *   <li>{@code PUT /config/{subject}} with {@code {"compatibility":"BACKWARD"}}.</li>
 * </ul>
 *
 * <p>Caching: ids by (subject, schema) and schemas by id, both forever (a registry never changes what an id means).
 * Retries: connection failures, timeouts and 5xx answers are retried with exponential backoff up to
 * {@link Options#maxAttempts()}; 4xx answers are final. Thread-safe: share one instance per registry.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** The content type of the Confluent REST API, also accepted by Apicurio's ccompat API. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Options options;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /**
     * Timeouts and retry policy.
     *
     * @param connectTimeout  how long to wait for a TCP connection
     * @param requestTimeout  how long to wait for a whole answer
     * @param maxAttempts     how many times a request is tried in total (at least 1)
     * @param initialBackoff  the wait before the second attempt; it doubles after each failure
     * @param maxBackoff      the longest wait between two attempts
     */
    public record Options(
            Duration connectTimeout,
            Duration requestTimeout,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff) {

        /** 5 s to connect, 10 s per request, 3 attempts, 200 ms backoff doubling up to 2 s. */
        public static final Options DEFAULTS = new Options(
                Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(200), Duration.ofSeconds(2));

        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            if (connectTimeout.isNegative()
                    || connectTimeout.isZero()
                    || requestTimeout.isNegative()
                    || requestTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
                throw new IllegalArgumentException("backoffs must not be negative");
            }
        }

        /**
         * The longest one call can block before it throws: every attempt waiting its full connect and request
         * timeouts, plus every backoff between them. A caller inside a Kafka transaction keeps this below the
         * transaction timeout.
         */
        public Duration worstCase() {
            Duration total = connectTimeout.plus(requestTimeout).multipliedBy(maxAttempts);
            Duration backoff = initialBackoff.compareTo(maxBackoff) > 0 ? maxBackoff : initialBackoff;
            for (int retry = 1; retry < maxAttempts; retry++) {
                total = total.plus(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
            return total;
        }

        /** The same options with another retry policy. */
        public Options withRetries(int attempts, Duration initial, Duration max) {
            return new Options(connectTimeout, requestTimeout, attempts, initial, max);
        }
    }

    /** A client with {@link Options#DEFAULTS}. */
    public RestSchemaRegistryClient(String baseUrl) {
        this(baseUrl, Options.DEFAULTS);
    }

    /**
     * @param baseUrl the API root, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7} (Apicurio) or
     *                {@code http://host:8081} (Confluent); a trailing slash is ignored
     */
    public RestSchemaRegistryClient(String baseUrl, Options options) {
        this(baseUrl, options, RegistryAccess.DEFAULT);
    }

    /**
     * @param baseUrl the API root; user info in it ({@code https://user:password@host}) is sent as HTTP basic
     *                authentication unless {@code access} names other credentials, and never appears in messages
     * @param access  credentials and TLS settings, as Confluent's serdes name them
     */
    public RestSchemaRegistryClient(String baseUrl, Options options, RegistryAccess access) {
        String validated = validateBaseUrl(baseUrl);
        URI uri = URI.create(validated);
        this.authorization = Objects.requireNonNull(access, "access").authorization(uri);
        this.baseUrl = withoutUserInfo(uri);
        this.options = Objects.requireNonNull(options, "options");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        access.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        String s = uri.toString();
        return s.replace(uri.getRawUserInfo() + "@", "");
    }

    private static final String EXPECTED_URL = "expected http(s)://host[:port][/path]";

    static String validateBaseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String trimmed = baseUrl.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Schema registry URL '" + Redact.url(baseUrl) + "' is not a valid URL ("
                    + Redact.url(e.getMessage()) + "): " + EXPECTED_URL);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Schema registry URL '" + Redact.url(baseUrl) + "' is not usable: " + EXPECTED_URL);
        }
        return trimmed;
    }

    @Override
    public String url() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        String action = "Registering schema " + schema.getFullName() + " under subject '" + subject + "'";
        String path = "/subjects/" + pathSegment(subject) + "/versions";
        JsonNode answer;
        try {
            answer = send(action, "POST", path, body);
        } catch (IncompatibleSchemaException e) {
            if (!createdConcurrently(e)) {
                throw e;
            }
            // Apicurio answers 409 "artifact ... already exists" to the loser of two first registrations of a subject
            // made at the same time (two enricher instances writing their first record): the subject exists now, so
            // registering again returns the id, or the real incompatibility.
            answer = send(action, "POST", path, body);
        }
        JsonNode id = answer.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException(
                    action, baseUrl, 200, null, "answer has no integer 'id': " + answer, null);
        }
        ids.put(schema, id.intValue());
        schemasById.putIfAbsent(id.intValue(), schema);
        return id.intValue();
    }

    @Override
    public int lookup(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        String action = "Looking up schema " + schema.getFullName() + " under subject '" + subject + "'";
        JsonNode answer = send(action, "POST", "/subjects/" + pathSegment(subject), body);
        JsonNode id = answer.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException(
                    action, baseUrl, 200, null, "answer has no integer 'id': " + answer, null);
        }
        ids.put(schema, id.intValue());
        schemasById.putIfAbsent(id.intValue(), schema);
        return id.intValue();
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String action = "Fetching schema id " + id;
        String path = "/schemas/ids/" + id;
        JsonNode answer = send(action, "GET", path, null);
        JsonNode type = answer.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw new NotAvroSchemaException(
                    action, baseUrl + path, "schema is of type " + type.asText() + ", not AVRO");
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(
                    action, baseUrl + path, 200, null, "answer has no 'schema': " + answer, null);
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(
                    action, baseUrl + path, 200, null, "the registry's schema is not valid Avro: " + e.getMessage(), e);
        }
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public void setCompatibility(String subject, String level) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(level, "level");
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send(
                "Setting compatibility " + level + " on subject '" + subject + "'",
                "PUT",
                "/config/" + pathSegment(subject),
                body);
    }

    /** Sends one request with retries; returns the parsed JSON answer of a 2xx, or throws. */
    private JsonNode send(String action, String method, String path, JsonNode body) {
        String url = baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(options.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpRequest built = request.build();

        Duration backoff = cap(options.initialBackoff());
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= options.maxAttempts()) {
                    throw new SchemaRegistryUnavailableException(
                            action + " after " + attempt + " attempt(s)",
                            url,
                            SchemaRegistryException.NO_STATUS,
                            null,
                            null,
                            e);
                }
                LOG.warn(
                        "{}: attempt {} of {} could not reach {} ({}); retrying in {} ms",
                        action,
                        attempt,
                        options.maxAttempts(),
                        url,
                        e.toString(),
                        backoff.toMillis());
                backoff = pause(action, url, backoff);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(
                        action + " (interrupted)", url, SchemaRegistryException.NO_STATUS, null, null, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(action, url, status, response.body());
            }
            RegistryError error = RegistryError.of(response.body());
            if (status >= 500) {
                if (attempt >= options.maxAttempts()) {
                    throw new SchemaRegistryUnavailableException(
                            action + " after " + attempt + " attempt(s)",
                            url,
                            status,
                            error.code(),
                            error.message(),
                            null);
                }
                LOG.warn(
                        "{}: attempt {} of {} got HTTP {} from {}; retrying in {} ms",
                        action,
                        attempt,
                        options.maxAttempts(),
                        status,
                        url,
                        backoff.toMillis());
                backoff = pause(action, url, backoff);
                continue;
            }
            throw clientError(action, url, status, error);
        }
    }

    /** Whether a 409 says the subject was created by someone else meanwhile, not that the schema is incompatible. */
    private static boolean createdConcurrently(IncompatibleSchemaException e) {
        String message = e.registryMessage();
        return message != null && message.contains("already exists");
    }

    private static SchemaRegistryException clientError(String action, String url, int status, RegistryError error) {
        Integer code = error.code();
        if (code != null && (code == 40401 || code == 40402 || code == UnknownSchemaException.SCHEMA_NOT_FOUND)) {
            return new UnknownSchemaException(action, url, status, code, error.message());
        }
        if (status == 404) {
            // A registry says what it does not have with an error code; a bare 404 (Apicurio: error_code 0 or 404)
            // means the URL leads to no registry API at all, and every record would fail the same way.
            return new SchemaRegistryException(
                    action,
                    url,
                    status,
                    code,
                    "no Confluent-compatible registry API at this path (check schema.registry.url; for Apicurio it"
                            + " ends in /apis/ccompat/v7): " + error.message(),
                    null);
        }
        if (status == 401 || status == 403) {
            return new SchemaRegistryException(
                    action,
                    url,
                    status,
                    code,
                    "the registry refused the credentials (check basic.auth.credentials.source and"
                            + " basic.auth.user.info): " + error.message(),
                    null);
        }
        if (status == 409 || code != null && (code == 409 || code == 40901)) {
            return new IncompatibleSchemaException(action, url, status, code, error.message());
        }
        return new SchemaRegistryException(action, url, status, code, error.message(), null);
    }

    private Duration pause(String action, String url, Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(
                    action + " (interrupted while waiting to retry)",
                    url,
                    SchemaRegistryException.NO_STATUS,
                    null,
                    null,
                    e);
        }
        return cap(backoff.multipliedBy(2));
    }

    /** {@code backoff}, or {@link Options#maxBackoff()} when that is shorter: no wait is ever longer. */
    private Duration cap(Duration backoff) {
        return backoff.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : backoff;
    }

    private static JsonNode parse(String action, String url, int status, String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new SchemaRegistryException(action, url, status, null, "answer is not JSON: " + abbreviate(body), e);
        }
    }

    private static String pathSegment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    /** The {@code {"error_code":N,"message":"..."}} body both registries send with a 4xx/5xx, or the raw body. */
    private record RegistryError(Integer code, String message) {

        static RegistryError of(String body) {
            if (body == null || body.isBlank()) {
                return new RegistryError(null, null);
            }
            try {
                JsonNode node = JSON.readTree(body);
                JsonNode code = node.get("error_code");
                JsonNode message = node.get("message");
                return new RegistryError(
                        code != null && code.canConvertToInt() ? code.intValue() : null,
                        message != null && !message.isNull() ? message.asText() : abbreviate(body));
            } catch (IOException | RuntimeException e) {
                return new RegistryError(null, abbreviate(body));
            }
        }
    }
}
