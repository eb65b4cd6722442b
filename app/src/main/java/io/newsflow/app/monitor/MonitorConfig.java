package io.newsflow.app.monitor;

import io.newsflow.schemas.config.ConfigChecks;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.config.Settings;
import io.newsflow.schemas.config.Settings.ConfigException;
import java.util.List;

/**
 * Where a service serves {@code /metrics} and {@code /health}; immutable and validated on construction.
 *
 * <p>Each key is defined once, by the {@link Setting} constants below; the README's configuration table is generated
 * from them.
 *
 * @param host         value of {@link #HOST}
 * @param port         value of {@link #PORT}
 * @param portExplicit whether the port was configured rather than the service's default
 */
public record MonitorConfig(String host, int port, boolean portExplicit) {

    /** Bind address. */
    public static final Setting<String> HOST = Setting.string("monitor.host")
            .withDefault("127.0.0.1")
            .withCheck(ConfigChecks::required)
            .usedBy("ingest `--from-topic`, enrich, sink")
            .withDoc("bind address of `/metrics` and `/health`. They have no authentication, so they stay on loopback"
                    + " unless told otherwise (the container image sets `0.0.0.0`; docker-compose publishes the port on"
                    + " 127.0.0.1 only)");

    /** Port; its default depends on the service. */
    public static final Setting<Integer> PORT = Setting.integer("monitor.port")
            .withRange(-1, 65_535)
            .usedBy("ingest `--from-topic`, enrich, sink")
            .withDefaultDoc("`9401`, `9402`, `9403`")
            .withDoc("their port; 0 = any free one (printed), -1 = none. When the default port is taken (a second sink"
                    + " on one machine) a free one is used; a port set explicitly and taken is an error (see"
                    + " [Monitor](#monitor))");

    /** Both keys, in the order the README lists them. */
    public static final List<Setting<?>> KEYS = List.of(HOST, PORT);

    /** Default port of the drop-topic ingest service. */
    public static final int INGEST_PORT = 9401;
    /** Default port of the enricher. */
    public static final int ENRICH_PORT = 9402;
    /** Default port of the sink. */
    public static final int SINK_PORT = 9403;

    /** Validates every field; the exception names the key. */
    public MonitorConfig {
        host = HOST.check(host);
        PORT.check(port);
    }

    /**
     * Reads the keys above. Call it before the service's own config record, which rejects keys nobody read.
     *
     * @throws ConfigException naming an invalid key
     */
    public static MonitorConfig from(Settings settings, int defaultPort) {
        Integer explicit = PORT.read(settings);
        return new MonitorConfig(HOST.read(settings), explicit == null ? defaultPort : explicit, explicit != null);
    }

    /** Whether a monitor is wanted at all. */
    public boolean enabled() {
        return port >= 0;
    }
}
