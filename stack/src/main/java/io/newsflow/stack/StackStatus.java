package io.newsflow.stack;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A snapshot of a local stack: where it answers, which processes run it, and whether they are alive.
 *
 * @param dataDirectory the stack's data directory (logs are under {@code broker/} and {@code registry/})
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param schemaRegistryUrl base URL of the registry's Confluent-compatible API
 * @param brokerPid process id of the broker JVM
 * @param brokerAlive whether that process was alive when the snapshot was taken
 * @param registryPid process id of the registry JVM
 * @param registryAlive whether that process was alive when the snapshot was taken
 * @param owned whether the handle that produced the snapshot started the stack (and so stops it on close)
 * @param startedAt when the stack was started
 */
public record StackStatus(
        Path dataDirectory,
        String bootstrapServers,
        String schemaRegistryUrl,
        long brokerPid,
        boolean brokerAlive,
        long registryPid,
        boolean registryAlive,
        boolean owned,
        Instant startedAt) {

    /** Whether both processes were alive. */
    public boolean running() {
        return brokerAlive && registryAlive;
    }

    /** One line for people: {@code running: kafka 127.0.0.1:9092 (pid 12), registry http://… (pid 13)}. */
    public String describe() {
        return (running() ? "running" : "not running") + ": kafka " + bootstrapServers + " (pid " + brokerPid
                + (brokerAlive ? "" : ", gone") + "), registry " + schemaRegistryUrl + " (pid " + registryPid
                + (registryAlive ? "" : ", gone") + "), started " + startedAt + ", data " + dataDirectory;
    }
}
