package io.newsflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Apicurio Registry of a stack (in-memory storage, Confluent-compatible API at {@code /apis/ccompat/v7}).
 * Files live in {@code <data directory>/registry}. Its schemas do not survive a restart.
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

    /** Starts the registry; {@code directory} is its working directory. */
    Process launch() {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dquarkus.http.host=" + host);
        options.add("-Dquarkus.http.port=" + port);
        return ChildJvm.launch(
                dataDirectory,
                options,
                List.of("-jar", layout.registryRunnerJar().toString()),
                directory,
                consoleLog());
    }
}
