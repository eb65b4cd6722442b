package io.newsflow.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A snapshot of a local stack: where it answers, which processes run it, whether they are alive, and whether each
 * answered its probe (a Kafka {@code DescribeCluster}; the registry's {@code GET /subjects}) and how fast. A process
 * can be alive and not answer (frozen, overloaded, still starting): {@link #running()} asks for both.
 *
 * @param dataDirectory the stack's data directory (logs are under {@code broker/} and {@code registry/})
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param schemaRegistryUrl base URL of the registry's Confluent-compatible API
 * @param brokerPid process id of the broker JVM
 * @param brokerAlive whether that process was alive when the snapshot was taken
 * @param broker whether the broker answered, and how long it took
 * @param registryPid process id of the registry JVM
 * @param registryAlive whether that process was alive when the snapshot was taken
 * @param registry whether the registry answered, and how long it took
 * @param owned whether the handle that produced the snapshot started the stack (and so stops it on close)
 * @param startedAt when the stack was started
 */
public record StackStatus(
        Path dataDirectory,
        String bootstrapServers,
        String schemaRegistryUrl,
        long brokerPid,
        boolean brokerAlive,
        Answer broker,
        long registryPid,
        boolean registryAlive,
        Answer registry,
        boolean owned,
        Instant startedAt) {

    public StackStatus {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(registry, "registry");
    }

    /**
     * The outcome of one readiness probe.
     *
     * @param answered whether the part answered correctly within the probe's timeout
     * @param took     how long the probe took (up to its timeout when there was no answer); zero when not probed
     * @param probed   false when the process was gone, so nothing was asked
     */
    public record Answer(boolean answered, Duration took, boolean probed) {

        /** The part's process is gone: it was not asked. */
        public static final Answer NOT_PROBED = new Answer(false, Duration.ZERO, false);

        /** Runs the probe and times it. */
        static Answer probe(BooleanSupplier probe) {
            long begin = System.nanoTime();
            boolean answered = probe.getAsBoolean();
            return new Answer(answered, Duration.ofNanos(System.nanoTime() - begin), true);
        }

        String describe() {
            if (!probed) {
                return "process gone";
            }
            return (answered ? "answering in " : "NOT answering after ") + took.toMillis() + " ms";
        }
    }

    /** Whether both processes were alive and both answered. */
    public boolean running() {
        return brokerAlive && registryAlive && broker.answered() && registry.answered();
    }

    /**
     * Lines for people, e.g. {@code running}, then {@code kafka 127.0.0.1:9092 (pid 12): answering in 35 ms}, the
     * registry likewise, and when it started and where its data is.
     */
    public String describe() {
        String nl = System.lineSeparator();
        return (running() ? "running" : "NOT running") + nl
                + "  kafka    " + bootstrapServers + " (pid " + brokerPid + "): " + broker.describe() + nl
                + "  registry " + schemaRegistryUrl + " (pid " + registryPid + "): " + registry.describe() + nl
                + "  started " + startedAt + ", data " + dataDirectory;
    }
}
