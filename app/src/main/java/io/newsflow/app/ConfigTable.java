package io.newsflow.app;

import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.feed.FeedConfig;
import io.newsflow.ingest.http.HttpIngestConfig;
import io.newsflow.ingest.watch.DropFolderConfig;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.registry.RegistryClientSettings;
import io.newsflow.sink.SinkConfig;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The README's configuration table, rendered from the one definition of each key ({@link Setting}).
 *
 * <p>The table sits in README.md between {@value #START} and {@value #END}; {@code ./newsflow config --readme
 * README.md} rewrites it, and {@code ConfigTableTest} fails while README.md differs from {@link #markdown()}.
 * Stateless; thread-safe.
 */
public final class ConfigTable {

    /** Marker before the generated table. */
    public static final String START = "<!-- config-table:start -->";
    /** Marker after the generated table. */
    public static final String END = "<!-- config-table:end -->";

    /** The config records whose keys the table lists, by their {@code KEYS} lists, in table order. */
    private static final List<List<Setting<?>>> SOURCES = List.of(
            CommonSettings.ALL,
            RegistryClientSettings.KEYS,
            IngestConfig.KEYS,
            DropFolderConfig.KEYS,
            FeedConfig.KEYS,
            HttpIngestConfig.KEYS,
            EnrichConfig.KEYS,
            SinkConfig.KEYS,
            MonitorConfig.KEYS);

    private ConfigTable() {}

    /** Every key newsflow's commands read, in table order. */
    public static List<Setting<?>> settings() {
        return SOURCES.stream().flatMap(List::stream).toList();
    }

    /**
     * Every key in one Kafka {@link ConfigDef}: building it fails when two definitions share a name or a default
     * fails its own key's validation ({@link Setting#define}).
     */
    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        settings().forEach(s -> s.define(def));
        return def;
    }

    /** The Markdown table: key | used by | default | meaning, one row per key, ending with a line break. */
    public static String markdown() {
        StringBuilder table = new StringBuilder("| key | used by | default | meaning |\n|---|---|---|---|\n");
        for (Setting<?> s : settings()) {
            table.append("| `")
                    .append(s.documentedName())
                    .append("` | ")
                    .append(cell(s.usedBy()))
                    .append(" | ")
                    .append(cell(s.documentedDefault()))
                    .append(" | ")
                    .append(cell(s.meaning()))
                    .append(" |\n");
        }
        return table.toString();
    }

    /**
     * {@code readme} with the text between the markers replaced by {@code table}.
     *
     * @throws IllegalArgumentException when the markers are missing or out of order
     */
    public static String replaceTable(String readme, String table) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README has no " + START + " ... " + END + " section");
        }
        return readme.substring(0, start + START.length()) + "\n" + table + readme.substring(end);
    }

    /**
     * The text between the markers, as {@link #replaceTable} writes it.
     *
     * @throws IllegalArgumentException when the markers are missing or out of order
     */
    public static String currentTable(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README has no " + START + " ... " + END + " section");
        }
        String between = readme.substring(start + START.length(), end);
        return between.startsWith("\n") ? between.substring(1) : between;
    }

    private static String cell(String markdown) {
        return Stream.of(markdown.split("\\|", -1))
                .reduce((a, b) -> a + "\\|" + b)
                .orElse("");
    }
}
