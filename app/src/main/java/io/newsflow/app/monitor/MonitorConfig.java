package io.newsflow.app.monitor;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;

/**
 * Where a service serves {@code /metrics} and {@code /health}; immutable and validated on construction.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #HOST}</td><td>address</td><td>{@value #DEFAULT_HOST}</td>
 *       <td>Bind address. The endpoints have no authentication, so they stay on loopback unless told otherwise
 *       (the container image sets {@code 0.0.0.0}, and docker-compose publishes the port on 127.0.0.1 only).</td></tr>
 *   <tr><td>{@value #PORT}</td><td>integer -1..65535</td><td>per service: ingest 9401, enrich 9402, sink 9403</td>
 *       <td>Port; 0 = any free port (printed), -1 = no monitor. When the default port is taken (a second sink on
 *       one machine), a free one is used and printed; a port that was set explicitly and is taken is an error.</td></tr>
 * </table>
 *
 * @param host         value of {@value #HOST}
 * @param port         value of {@value #PORT}
 * @param portExplicit whether the port was configured rather than the service's default
 */
public record MonitorConfig(String host, int port, boolean portExplicit) {

    /** Key: bind address. */
    public static final String HOST = "monitor.host";
    /** Key: port. */
    public static final String PORT = "monitor.port";
    /** Default of {@value #HOST}. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default port of the drop-topic ingest service. */
    public static final int INGEST_PORT = 9401;
    /** Default port of the enricher. */
    public static final int ENRICH_PORT = 9402;
    /** Default port of the sink. */
    public static final int SINK_PORT = 9403;

    /** Validates every field; the exception names the key. */
    public MonitorConfig {
        host = ConfigChecks.required(HOST, host);
        ConfigChecks.inRange(PORT, port, -1, 65_535);
    }

    /**
     * Reads the keys above. Call it before the service's own config record, which rejects keys nobody read.
     *
     * @throws ConfigException naming an invalid key
     */
    public static MonitorConfig from(Settings settings, int defaultPort) {
        String explicit = settings.string(PORT, null);
        return new MonitorConfig(
                settings.string(HOST, DEFAULT_HOST), settings.integer(PORT, defaultPort), explicit != null);
    }

    /** Whether a monitor is wanted at all. */
    public boolean enabled() {
        return port >= 0;
    }
}
