package io.newsflow.app.monitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container image's {@code HEALTHCHECK}: exits 0 when the service in this container is ready
 * ({@code GET /health/ready} on 127.0.0.1 and {@code NEWSFLOW_MONITOR_PORT}), 1 otherwise. Plain Java, so the image
 * needs no curl or wget.
 */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("NEWSFLOW_MONITOR_PORT", "9400");
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                    .timeout(Duration.ofSeconds(4))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("not ready: " + e);
            System.exit(1);
        }
    }
}
