package io.newsflow.app.monitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * One dependency a service needs to be ready: it answers {@link Result#up()} with a detail either way. A check never
 * throws and returns within its timeout.
 */
public interface HealthCheck extends AutoCloseable {

    /** What {@link #check()} found. */
    record Result(boolean up, String detail) {}

    /** The dependency's name in {@code /health}, e.g. {@code broker}. */
    String name();

    Result check();

    @Override
    default void close() {}

    /** A check of a service's own state, e.g. whether the sink is waiting out an outage. */
    static HealthCheck of(String name, java.util.function.Supplier<Result> check) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return check.get();
            }
        };
    }

    /** The broker answers a cluster description (one admin client, kept open). */
    static HealthCheck broker(String bootstrapServers, Duration timeout) {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "newsflow-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis()));
        return new HealthCheck() {
            @Override
            public String name() {
                return "broker";
            }

            @Override
            public Result check() {
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                            .nodes()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                            .size();
                    return new Result(true, nodes + " broker(s) at " + bootstrapServers);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(false, "interrupted");
                } catch (Exception e) {
                    return new Result(false, bootstrapServers + " does not answer: " + e);
                }
            }

            @Override
            public void close() {
                admin.close(Duration.ofSeconds(2));
            }
        };
    }

    /** The schema registry answers {@code GET /subjects} (Confluent API); an in-memory registry is always up. */
    static HealthCheck registry(String url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return new HealthCheck() {
            @Override
            public String name() {
                return "registry";
            }

            @Override
            public Result check() {
                if (url.startsWith("mem://")) {
                    return new Result(true, "in-memory registry " + url);
                }
                try {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/subjects"))
                                    .timeout(timeout)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    boolean up = response.statusCode() == 200;
                    return new Result(up, url + " answered " + response.statusCode());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(false, "interrupted");
                } catch (Exception e) {
                    return new Result(false, url + " does not answer: " + e);
                }
            }
        };
    }

    /**
     * The database accepts a connection that passes {@link Connection#isValid}. {@code redacted} is how the URL is
     * shown (without a password).
     */
    static HealthCheck database(String jdbcUrl, String redacted, Duration timeout) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Result check() {
                DriverManager.setLoginTimeout((int) Math.max(1, timeout.toSeconds()));
                try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                    boolean valid = c.isValid((int) Math.max(1, timeout.toSeconds()));
                    return new Result(valid, redacted + (valid ? " answers" : " connection not valid"));
                } catch (Exception e) {
                    return new Result(false, redacted + " does not answer: " + e.getMessage());
                }
            }
        };
    }
}
