package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the stack runs from, as laid out by the {@code stack-runtime} module: the broker's jars, the broker's
 * log4j2 configuration and the Apicurio Registry runner jar.
 */
record RuntimeLayout(Path brokerLibDirectory, Path brokerLoggingConfig, Path registryRunnerJar) {

    /**
     * Checks that {@code runtimeDirectory} holds the expected layout.
     *
     * @throws StackException naming the missing path and how to produce it
     */
    static RuntimeLayout of(Path runtimeDirectory) {
        Path lib = runtimeDirectory.resolve("broker").resolve("lib");
        Path logging = runtimeDirectory.resolve("broker").resolve("config").resolve("log4j2.yaml");
        Path registry = runtimeDirectory.resolve("registry");
        requireExists(lib);
        requireExists(logging);
        requireExists(registry);
        List<Path> runners;
        try (Stream<Path> files = Files.list(registry)) {
            runners = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + registry, e);
        }
        if (runners.size() != 1) {
            throw new StackException("Expected exactly one *-runner.jar in " + registry + ", found " + runners
                    + "; rebuild it with `./mvnw -pl stack-runtime clean package`");
        }
        return new RuntimeLayout(lib, logging, runners.get(0));
    }

    /** The broker classpath: every jar in {@code broker/lib} (the java launcher expands the wildcard). */
    String brokerClasspath() {
        return brokerLibDirectory + java.io.File.separator + "*";
    }

    private static void requireExists(Path path) {
        if (!Files.exists(path)) {
            throw new StackException("The stack runtime is incomplete: " + path + " does not exist. Build it with"
                    + " `./mvnw -pl stack-runtime package`, or point " + StackConfig.RUNTIME_DIRECTORY_PROPERTY
                    + " / " + StackConfig.RUNTIME_DIRECTORY_ENV + " at a built stack-runtime/target.");
        }
    }
}
