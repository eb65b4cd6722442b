package io.newsflow.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.ingest.Origin;
import io.newsflow.ingest.ParsedArticle;
import io.newsflow.ingest.ReadResult;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts articles over HTTP and publishes them to {@code news-articles-raw}.
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code POST /articles}: the body is one article, parsed by its {@code Content-Type}: {@code application/json}
 *       (the {@code .json} fields of {@link ArticleFileReader}) or {@code text/plain} (the {@code .txt} layout), UTF-8
 *       (a {@code charset} other than UTF-8 is refused). Answers:
 *       <ul>
 *         <li>{@code 202 {"articleId": "..."}} once the broker has acknowledged the record ({@code acks=all},
 *             idempotent producer): a 202 means the article is durably on {@code news-articles-raw};</li>
 *         <li>{@code 400 {"error": "...", "errorClass": "..."}} for content that is not an article (the same reasons
 *             a file would be rejected with);</li>
 *         <li>{@code 401} without {@code Authorization: Bearer <token>} when a token is configured (compared in
 *             constant time with {@link MessageDigest#isEqual});</li>
 *         <li>{@code 413} when the body is larger than {@link HttpIngestConfig#maxBytes()}: a {@code Content-Length}
 *             over the limit is refused without keeping the body, otherwise at most limit + 1 bytes are kept. Either
 *             way the rest of the body (up to {@link #DRAIN_LIMIT_BYTES}) is read and discarded before the answer:
 *             a client still sending when the server closes the connection sees a reset, not the 413 and its
 *             reason. Past that much the connection is closed unread;</li>
 *         <li>{@code 415} for another content type, {@code 405} for another method;</li>
 *         <li>{@code 503} when Kafka or the schema registry did not take the record: nothing was published, the
 *             sender may retry (the article id makes a retry idempotent downstream).</li>
 *       </ul></li>
 *   <li>{@code GET /health}: {@code 200 {"status": "UP"}}, no token needed.</li>
 * </ul>
 *
 * <h2>No dead letters for HTTP rejections</h2>
 * The sender is still connected and receives the reason in the 400 body, which is the clearest error it can get; a
 * dead letter is for input whose sender is gone (a file, a topic record). Dead-lettering HTTP rejections would also let
 * any client fill {@code news-dlq} with junk at network speed. So rejections are logged at debug level and answered,
 * not dead-lettered.
 *
 * <h2>Why the JDK server</h2>
 * {@code com.sun.net.httpserver} (exported by the {@code jdk.httpserver} module of every JDK 17+) covers two routes
 * with size limits and headers; Javalin would bring Jetty and Kotlin's standard library for no feature we use here.
 *
 * <p>Requests are handled by a pool of four threads; each waits for its own acknowledgement, so slow acks do not
 * block other senders beyond the pool size. The publisher is the caller's and is not closed here.
 */
public final class HttpIngestServer implements AutoCloseable {

    /** Path of the article endpoint. */
    public static final String ARTICLES_PATH = "/articles";
    /** Path of the health endpoint. */
    public static final String HEALTH_PATH = "/health";

    private static final Logger LOG = LoggerFactory.getLogger(HttpIngestServer.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int THREADS = 4;
    /** Most bytes of a refused (413) body read and thrown away so that the client gets to read the answer. */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpIngestConfig config;
    private final ArticleFileReader reader;
    private final ArticleNormaliser normaliser;
    private final ArticlePublisher publisher;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] expectedAuthorization;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    private HttpIngestServer(
            HttpServer server,
            ExecutorService executor,
            HttpIngestConfig config,
            ArticleFileReader reader,
            ArticleNormaliser normaliser,
            ArticlePublisher publisher) {
        this.server = server;
        this.executor = executor;
        this.config = config;
        this.reader = reader;
        this.normaliser = normaliser;
        this.publisher = publisher;
        this.expectedAuthorization =
                config.token() == null ? null : ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Binds and starts serving.
     *
     * @param normaliser builds the records (channel {@code HTTP})
     * @param publisher  the caller's publisher; not closed here
     * @throws IOException when the address cannot be bound (e.g. the port is taken)
     */
    public static HttpIngestServer start(
            HttpIngestConfig config, ArticleFileReader reader, ArticleNormaliser normaliser, ArticlePublisher publisher)
            throws IOException {
        Objects.requireNonNull(config, "config");
        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "newsflow-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpIngestServer ingest = new HttpIngestServer(
                server,
                executor,
                config,
                Objects.requireNonNull(reader, "reader"),
                Objects.requireNonNull(normaliser, "normaliser"),
                Objects.requireNonNull(publisher, "publisher"));
        server.setExecutor(executor);
        server.createContext(ARTICLES_PATH, ingest::articles);
        server.createContext(HEALTH_PATH, ingest::health);
        server.start();
        LOG.info("accepting articles on http://{}{}", ingest.address(), ARTICLES_PATH);
        return ingest;
    }

    /** The bound address (the real port when 0 was configured). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Answers new requests 503, gives requests in progress up to 5 s to finish (each waits for its own
     * acknowledgement), then closes the socket and stops the threads.
     */
    @Override
    public void close() {
        closing = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // not stop(5): on JDK 17 that always waits the full delay, even with nothing in progress
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(HEALTH_PATH)) {
                respond(exchange, 404, Map.of("error", "not found"));
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, Map.of("error", "use GET " + HEALTH_PATH));
            } else {
                respond(exchange, 200, Map.of("status", "UP"));
            }
        }
    }

    private void articles(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            if (closing) {
                exchange.getResponseHeaders().set("Retry-After", "10");
                respond(exchange, 503, Map.of("error", "server is stopping; retry later"));
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(ARTICLES_PATH)) {
                respond(exchange, 404, Map.of("error", "not found"));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, Map.of("error", "use POST " + ARTICLES_PATH));
                return;
            }
            if (!authorised(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newsflow\"");
                respond(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            String type = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (type == null) {
                respond(
                        exchange,
                        415,
                        Map.of(
                                "error",
                                "Content-Type must be application/json or text/plain (UTF-8), got "
                                        + exchange.getRequestHeaders().getFirst("Content-Type")));
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length) > config.maxBytes()) {
                tooLarge(exchange);
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), config.maxBytes() + 1);
            if (body.length > config.maxBytes()) {
                tooLarge(exchange);
                return;
            }
            accept(exchange, type, body);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respond(
                    exchange,
                    500,
                    Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void accept(HttpExchange exchange, String type, byte[] body) throws IOException {
        Origin origin = Origin.of("http POST " + ARTICLES_PATH + " from "
                + exchange.getRemoteAddress().getAddress().getHostAddress());
        ReadResult result =
                type.equals("application/json") ? reader.parseJson(origin, body) : reader.parseText(origin, body);
        if (result instanceof Rejection rejection) {
            badRequest(exchange, rejection.reason(), rejection.errorClass());
            return;
        }
        RawArticle article;
        try {
            article = normaliser.normalise((ParsedArticle) result, IngestChannel.HTTP);
        } catch (InvalidArticleException e) {
            badRequest(exchange, e.getMessage(), e.getClass().getName());
            return;
        }
        try {
            publisher.publish(article).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("article {} not acknowledged by Kafka: {}", article.getArticleId(), DeadLetters.describe(cause));
            exchange.getResponseHeaders().set("Retry-After", "10");
            respond(
                    exchange,
                    503,
                    Map.of(
                            "error",
                            "not stored: Kafka did not acknowledge the article; retry later",
                            "articleId",
                            article.getArticleId()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, Map.of("error", "server is stopping; retry later"));
            return;
        }
        respond(exchange, 202, Map.of("articleId", article.getArticleId()));
    }

    private void badRequest(HttpExchange exchange, String reason, String errorClass) throws IOException {
        LOG.debug("rejected a request from {}: {}", exchange.getRemoteAddress(), reason);
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", reason);
        error.put("errorClass", errorClass);
        respond(exchange, 400, error);
    }

    private void tooLarge(HttpExchange exchange) throws IOException {
        // a client that is still sending when the connection closes sees a reset instead of the answer; the JDK
        // server itself drains only 64 KiB (sun.net.httpserver.drainAmount) when an exchange is closed
        long drained = drain(exchange.getRequestBody(), DRAIN_LIMIT_BYTES);
        LOG.debug(
                "refused a body over {} bytes from {} ({} more bytes drained)",
                config.maxBytes(),
                exchange.getRemoteAddress(),
                drained);
        exchange.getResponseHeaders().set("Connection", "close");
        respond(exchange, 413, Map.of("error", "body larger than " + config.maxBytes() + " bytes"));
    }

    private boolean authorised(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /** {@code application/json} or {@code text/plain} when the header names one of them in UTF-8, else null. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.equals("text/plain")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param.length == 2 && param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return null;
                }
            }
        }
        return type;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads and discards up to {@code limit} bytes (in reads, not skip(), which may bypass the body's framing). */
    private static long drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            total += n;
        }
        return total;
    }

    /** Reads until the end of the stream or {@code limit} bytes, whichever comes first. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private void respond(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
