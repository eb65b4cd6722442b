package io.newsflow.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * The state file a started stack leaves in its data directory ({@value #FILE_NAME}): ports and process ids, so that
 * a later {@code start} (in this or another JVM) can find and reuse the stack, and {@code stop} can end it.
 */
record StackState(
        String host,
        int brokerPort,
        int controllerPort,
        int registryPort,
        long brokerPid,
        long registryPid,
        Instant startedAt) {

    static final String FILE_NAME = "stack.properties";

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    String bootstrapServers() {
        return host + ":" + brokerPort;
    }

    String schemaRegistryUrl() {
        return "http://" + host + ":" + registryPort + "/apis/ccompat/v7";
    }

    /** The state recorded in {@code dataDirectory}; empty when there is none or it cannot be understood. */
    static Optional<StackState> read(Path dataDirectory) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file(dataDirectory), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file(dataDirectory), e);
        }
        String host = p.getProperty("host");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StackState(
                    host,
                    Integer.parseInt(p.getProperty("broker.port")),
                    Integer.parseInt(p.getProperty("controller.port")),
                    Integer.parseInt(p.getProperty("registry.port")),
                    Long.parseLong(p.getProperty("broker.pid")),
                    Long.parseLong(p.getProperty("registry.pid")),
                    Instant.parse(p.getProperty("started.at"))));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            // a truncated or hand-edited file describes nothing we can reuse; start afresh
            return Optional.empty();
        }
    }

    /** Writes this state to {@code dataDirectory}, replacing the file atomically so readers never see half of it. */
    void write(Path dataDirectory) {
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("broker.port", Integer.toString(brokerPort));
        p.setProperty("controller.port", Integer.toString(controllerPort));
        p.setProperty("registry.port", Integer.toString(registryPort));
        p.setProperty("broker.pid", Long.toString(brokerPid));
        p.setProperty("registry.pid", Long.toString(registryPid));
        p.setProperty("started.at", startedAt.toString());
        Path target = file(dataDirectory);
        Path temp = dataDirectory.resolve(FILE_NAME + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Local newsflow stack started by io.newsflow.stack.LocalStack; removed when it stops");
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /**
     * Removes the state file if it still describes {@code this} stack; a file written since by a newer stack in the
     * same directory is left alone.
     */
    void deleteIfCurrent(Path dataDirectory) {
        if (read(dataDirectory).filter(this::equals).isPresent()) {
            delete(dataDirectory);
        }
    }

    private static void delete(Path dataDirectory) {
        try {
            Files.deleteIfExists(file(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file(dataDirectory), e);
        }
    }
}
