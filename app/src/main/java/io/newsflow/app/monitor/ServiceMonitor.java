package io.newsflow.app.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a service's {@code /metrics} (Prometheus text format) and {@code /health} on {@link MonitorConfig}'s
 * address, until closed:
 *
 * <ul>
 *   <li>{@code /health/live}: 200 while the service runs (its loop or stream threads have not failed), else 503;
 *       what an orchestrator restarts on.
 *   <li>{@code /health/ready}: 200 when it is live and every {@link HealthCheck} is up (broker, registry, database
 *       for the sink), else 503; what a load balancer or {@code depends_on} waits for.
 *   <li>{@code /health}: the readiness verdict with every check's detail, as JSON.
 * </ul>
 *
 * <p>The JDK's built-in HTTP server is enough for three read-only endpoints scraped every few seconds; a web
 * framework would add a dependency tree for nothing. The Prometheus registry is added to Micrometer's global registry,
 * where the services record, and removed on close.
 */
public final class ServiceMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMonitor.class);

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final BooleanSupplier live;
    private final List<HealthCheck> checks;

    private ServiceMonitor(
            PrometheusMeterRegistry registry, HttpServer server, BooleanSupplier live, List<HealthCheck> checks) {
        this.registry = registry;
        this.server = server;
        this.live = live;
        this.checks = checks;
    }

    /**
     * Starts the server.
     *
     * @param service the {@code service} tag on every meter ({@code ingest}, {@code enrich}, {@code sink})
     * @param live    whether the service is still running; called on each request
     * @param checks  the dependencies of readiness; closed with the monitor
     * @throws IllegalStateException when the configured port cannot be bound
     */
    public static ServiceMonitor start(
            MonitorConfig config, String service, BooleanSupplier live, List<HealthCheck> checks) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(List.of(Tag.of("service", service)));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        HttpServer server = bind(config);
        ServiceMonitor monitor = new ServiceMonitor(registry, server, live, List.copyOf(checks));
        server.createContext("/metrics", monitor::metrics);
        server.createContext("/health", monitor::health);
        server.start();
        Metrics.globalRegistry.add(registry);
        return monitor;
    }

    private static HttpServer bind(MonitorConfig config) {
        try {
            return HttpServer.create(new InetSocketAddress(config.host(), config.port()), 16);
        } catch (BindException e) {
            if (config.portExplicit() || config.port() == 0) {
                throw new IllegalStateException(
                        "Cannot serve /metrics and /health on " + config.host() + ":" + config.port() + " ("
                                + MonitorConfig.PORT.name() + "): " + e.getMessage(),
                        e);
            }
            LOG.warn("The default monitor port {} is taken; serving on a free port instead", config.port());
            return bind(new MonitorConfig(config.host(), 0, true));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the monitor on " + config.host() + ":" + config.port(), e);
        }
    }

    /** The address the endpoints are served on, e.g. {@code http://127.0.0.1:9403}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getHostString() + ":" + a.getPort();
    }

    /** The Prometheus text the {@code /metrics} endpoint serves now. */
    public String scrape() {
        return registry.scrape();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", scrape());
    }

    private void health(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean isLive = live.getAsBoolean();
        if (path.equals("/health/live")) {
            respond(exchange, isLive ? 200 : 503, "application/json", "{\"live\":" + isLive + "}");
            return;
        }
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            results.put(check.name(), check.check());
        }
        boolean ready = isLive && results.values().stream().allMatch(HealthCheck.Result::up);
        if (path.equals("/health/ready")) {
            respond(exchange, ready ? 200 : 503, "application/json", "{\"ready\":" + ready + "}");
        } else if (path.equals("/health") || path.equals("/health/")) {
            StringBuilder json = new StringBuilder("{\"live\":" + isLive + ",\"ready\":" + ready + ",\"checks\":{");
            String separator = "";
            for (Map.Entry<String, HealthCheck.Result> e : results.entrySet()) {
                json.append(separator)
                        .append('"')
                        .append(e.getKey())
                        .append("\":{\"up\":")
                        .append(e.getValue().up())
                        .append(",\"detail\":\"")
                        .append(jsonEscape(e.getValue().detail()))
                        .append("\"}");
                separator = ",";
            }
            respond(
                    exchange,
                    ready ? 200 : 503,
                    "application/json",
                    json.append("}}").toString());
        } else {
            respond(exchange, 404, "text/plain", "not found: " + path);
        }
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        Metrics.globalRegistry.remove(registry);
        registry.close();
        for (HealthCheck check : checks) {
            check.close();
        }
    }
}
