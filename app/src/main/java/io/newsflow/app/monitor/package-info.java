/**
 * What a long-running service shows an operator: {@code /metrics} in the Prometheus text format (Micrometer) and
 * {@code /health} with liveness and readiness (broker, registry and, for the sink, database reachable), served by
 * {@link io.newsflow.app.monitor.ServiceMonitor} on {@code monitor.host}:{@code monitor.port} (127.0.0.1 by default).
 * The services record to Micrometer's global registry; this package adds the Prometheus registry to it. Health checks
 * are called on the server's thread, each with its own short timeout; everything here is thread-safe.
 */
package io.newsflow.app.monitor;
