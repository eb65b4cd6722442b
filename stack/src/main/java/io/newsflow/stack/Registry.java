package io.newsflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Apicurio Registry of a stack (Confluent-compatible API at {@code /apis/ccompat/v7}). Files live in
 * {@code <data directory>/registry}. Its schemas are kept in an H2 database file there ({@link #databaseUrl()}), so
 * they survive a restart or a crash with their ids, and records written before still decode (ADR 0006).
 */
final class Registry {

    static final String NAME = "schema registry";

    private final String host;
    private final int port;
    private final Path dataDirectory;
    private final Path directory;
    private final List<String> jvmOptions;
    private final RuntimeLayout layout;

    Registry(StackConfig config, int port, RuntimeLayout layout) {
        this.host = config.host();
        this.port = port;
        this.dataDirectory = config.dataDirectory();
        this.directory = config.dataDirectory().resolve("registry");
        this.jvmOptions = config.registryJvmOptions();
        this.layout = layout;
    }

    /** stdout and stderr of the registry JVM: Quarkus logs to the console. */
    Path consoleLog() {
        return directory.resolve("console.log");
    }

    List<Path> logs() {
        return List.of(consoleLog());
    }

    /** The H2 database files of the registry's storage ({@code registry.*.db}). */
    Path databaseBase() {
        return storageDirectory(dataDirectory).resolve("registry");
    }

    /** Where the registry of the stack in {@code dataDirectory} keeps its schemas. */
    static Path storageDirectory(Path dataDirectory) {
        return dataDirectory.resolve("registry").resolve("storage");
    }

    /**
     * The JDBC URL of the registry's storage. The 2.6 runner's default storage is an embedded H2 database in memory
     * ({@code jdbc:h2:mem:registry_db}); the same H2 pointed at a file keeps what it holds.
     */
    String databaseUrl() {
        // WRITE_DELAY=0: H2 otherwise writes a commit to disk up to half a second later, so a schema registered just
        // before a SIGKILL (its id already handed to a producer) would be lost
        return "jdbc:h2:file:" + databaseBase().toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** Starts the registry on its database file; {@code directory} is its working directory. */
    Process launch() {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dquarkus.http.host=" + host);
        options.add("-Dquarkus.http.port=" + port);
        return ChildJvm.launch(
                dataDirectory,
                options,
                List.of("-jar", layout.registryRunnerJar().toString()),
                // the runner reads its datasource from the environment (a -D property is not picked up)
                Map.of("REGISTRY_DATASOURCE_URL", databaseUrl()),
                directory,
                consoleLog());
    }
}
