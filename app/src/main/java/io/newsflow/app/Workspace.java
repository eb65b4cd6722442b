package io.newsflow.app;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.sink.SinkConfig;
import java.nio.file.Path;

/**
 * Where the command keeps its files. The {@code ./newsflow} script passes {@code newsflow.home} (the project's
 * {@code .newsflow/} folder) and {@code newsflow.project.dir}; without them the current directory is used.
 */
record Workspace(Path home, Path projectDir) {

    static Workspace current() {
        Path project = Path.of(System.getProperty("newsflow.project.dir", "."))
                .toAbsolutePath()
                .normalize();
        Path home = Path.of(System.getProperty(
                        "newsflow.home", project.resolve(".newsflow").toString()))
                .toAbsolutePath()
                .normalize();
        return new Workspace(home, project);
    }

    /** The local stack's data folder. */
    Path stackDir() {
        return home.resolve("stack");
    }

    /** The default SQLite database of the sink. */
    Path database() {
        return home.resolve("newsflow.db");
    }

    /** Kafka Streams state of the enricher. */
    Path streamsStateDir() {
        return home.resolve("streams");
    }

    /**
     * The sink's configuration with a relative SQLite file (the default {@code .newsflow/newsflow.db} included)
     * resolved against the project folder, not the current directory: {@code newsflow sink} run from another folder
     * must not silently create a second database.
     */
    SinkConfig resolve(SinkConfig config) {
        String prefix = "jdbc:sqlite:";
        if (!config.jdbcUrl().startsWith(prefix)) {
            return config;
        }
        String rest = config.jdbcUrl().substring(prefix.length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty()
                || file.startsWith(":")
                || file.startsWith("file:")
                || Path.of(file).isAbsolute()) {
            return config; // in-memory, URI form or already absolute
        }
        String absolute = projectDir.resolve(file).normalize().toString() + (query < 0 ? "" : rest.substring(query));
        return new SinkConfig(
                config.bootstrapServers(),
                config.schemaRegistryUrl(),
                prefix + absolute,
                config.groupId(),
                config.batchSize(),
                config.pollTimeout(),
                config.clientId(),
                config.registry());
    }

    /** The enricher's configuration with a relative state folder resolved against the project folder. */
    EnrichConfig resolve(EnrichConfig config) {
        if (config.stateDir().isAbsolute()) {
            return config;
        }
        return new EnrichConfig(
                config.bootstrapServers(),
                config.schemaRegistryUrl(),
                config.applicationId(),
                projectDir.resolve(config.stateDir()).normalize(),
                config.threads(),
                config.commitInterval(),
                config.replicationFactor(),
                config.trends(),
                config.dedup(),
                config.topicPartitions(),
                config.registry());
    }

    /** The sample articles the demo ingests. */
    Path samples() {
        return projectDir.resolve("samples");
    }
}
