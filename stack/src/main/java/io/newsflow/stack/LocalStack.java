package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real local Kafka stack: a single-node KRaft broker and an Apicurio schema registry, each a child JVM started
 * from the jars laid out by the {@code stack-runtime} module. No Docker.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackConfig.defaults(dataDir).withFreePorts())) {
 *     String bootstrap = stack.bootstrapServers();        // 127.0.0.1:<port>
 *     String registry = stack.schemaRegistryUrl();        // http://127.0.0.1:<port>/apis/ccompat/v7
 * }
 * }</pre>
 *
 * <p><b>Reuse.</b> A started stack records its ports and process ids in {@code <data directory>/stack.properties}.
 * {@link #start} first looks there: if the recorded processes are alive and both answer, it returns a handle to
 * them instead of starting new ones ({@link #owned()} is then {@code false}). So a second test JVM, or the CLI run
 * after a test, shares one stack per data directory. When only one of the two died or stopped answering, only that
 * one is ended and started again, on its recorded ports; the healthy one keeps running.
 *
 * <p><b>Lifetime.</b> {@link #close()} stops the stack only if this handle started it; {@link #stop()} always stops
 * it. A stack this JVM started is also stopped when this JVM exits normally or on SIGTERM/SIGINT (a shutdown hook),
 * unless {@link StackConfig#stopOnJvmExit()} is {@code false}. If this JVM is killed outright, the children keep
 * running; the next {@code start} on the same data directory reuses them, and {@link #stopExisting(Path)} ends them.
 *
 * <p><b>Data.</b> Nothing here deletes data except {@link #reset(Path)}: the broker restarts on its existing log
 * directory and the registry on its H2 database file, so topics, offsets, dead letters and schema ids survive a stop,
 * a crash and a restart (ADR 0006, which supersedes the wipe of ADR 0004).
 *
 * <p>Thread-safe. Starting and stopping are serialised per JVM and, through a file lock, across JVMs.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final String LOCK_FILE = "stack.lock";
    /** Serialises start and stop within this JVM; the file lock does it across JVMs. */
    private static final Object START_STOP = new Object();

    private final Path dataDirectory;
    private final StackState state;
    private final boolean owned;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;

    private LocalStack(Path dataDirectory, StackState state, boolean owned, boolean stopOnJvmExit) {
        this.dataDirectory = dataDirectory;
        this.state = state;
        this.owned = owned;
        if (owned && stopOnJvmExit) {
            this.shutdownHook = new Thread(this::stopOnJvmExit, "newsflow-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * Returns a ready stack for {@code config}: the one already running from its data directory if it answers,
     * otherwise a new one, broker and registry started in parallel. Returns only when the broker answers a Kafka
     * {@code DescribeCluster} and the registry answers {@code GET /subjects} with 200.
     *
     * @throws StackException if a process fails or does not answer within {@link StackConfig#startupTimeout()};
     *     the message names the process, its exit code and the end of its log, and every process this call started
     *     has been ended
     */
    public static LocalStack start(StackConfig config) {
        return underLock(config.dataDirectory(), () -> {
            Path dir = config.dataDirectory();
            Optional<StackState> recorded = StackState.read(dir);
            if (recorded.isEmpty()) {
                return startParts(config, null, false, false);
            }
            StackState state = recorded.get();
            boolean brokerUp = ChildJvm.findOurs(state.brokerPid(), dir).isPresent()
                    && Probes.brokerAnswers(state.host(), state.brokerPort());
            boolean registryUp = ChildJvm.findOurs(state.registryPid(), dir).isPresent()
                    && Probes.registryAnswers(state.schemaRegistryUrl());
            if (brokerUp || registryUp) {
                requireSame("host", config.host(), state.host(), dir);
            }
            if (brokerUp) {
                requireSamePort("brokerPort", config.brokerPort(), state.brokerPort(), dir);
                requireSamePort("controllerPort", config.controllerPort(), state.controllerPort(), dir);
            }
            if (registryUp) {
                requireSamePort("registryPort", config.registryPort(), state.registryPort(), dir);
            }
            if (brokerUp && registryUp) {
                LOG.info(
                        "Reusing the local stack in {}: kafka {}, registry {}",
                        dir,
                        state.bootstrapServers(),
                        state.schemaRegistryUrl());
                return new LocalStack(dir, state, false, false);
            }
            List<ProcessHandle> down = new ArrayList<>();
            if (!brokerUp) {
                ChildJvm.findOurs(state.brokerPid(), dir).ifPresent(down::add);
            }
            if (!registryUp) {
                ChildJvm.findOurs(state.registryPid(), dir).ifPresent(down::add);
            }
            LOG.warn(
                    "The stack recorded in {} is not all answering (kafka: {}, registry: {}); restarting what is down"
                            + " on its existing data",
                    dir,
                    brokerUp ? "up, kept" : "down",
                    registryUp ? "up, kept" : "down");
            ChildJvm.terminate(down, STOP_GRACE);
            return startParts(config, state, brokerUp, registryUp);
        });
    }

    /**
     * What the state file in {@code dataDirectory} describes, if anything, with whether each part answers now and
     * how long it took to answer; never starts or stops anything.
     */
    public static Optional<StackStatus> inspect(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return StackState.read(dir).map(state -> status(dir, state, false));
    }

    /**
     * What {@link #reset(Path)} would delete in {@code dataDirectory}: the directories holding the broker's topics
     * and the registry's schemas, those that exist, with their sizes in bytes.
     */
    public static Map<Path, Long> dataToReset(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Map<Path, Long> found = new LinkedHashMap<>();
        for (Path data : List.of(Broker.logDirectory(dir), Registry.storageDirectory(dir))) {
            if (Files.exists(data)) {
                found.put(data, sizeOf(data));
            }
        }
        return found;
    }

    /**
     * Stops the stack recorded in {@code dataDirectory} if one runs, then deletes every topic (with the dead letters)
     * and every registered schema: the only operation here that deletes data. Logs are kept.
     *
     * @return what was deleted, as {@link #dataToReset(Path)} listed it
     */
    public static Map<Path, Long> reset(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return underLock(dir, () -> {
            StackState.read(dir).ifPresent(s -> terminate(dir, s));
            Map<Path, Long> deleted = dataToReset(dir);
            for (Path data : deleted.keySet()) {
                deleteRecursively(data);
            }
            LOG.warn("Reset the local stack in {}: deleted {}", dir, deleted.keySet());
            return deleted;
        });
    }

    /**
     * Stops the stack recorded in {@code dataDirectory}, whoever started it (for a {@code stack stop} command).
     *
     * @return whether a state file was found (its processes, if still alive, have been ended and it is removed)
     */
    public static boolean stopExisting(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return underLock(dir, () -> {
            Optional<StackState> state = StackState.read(dir);
            state.ifPresent(s -> terminate(dir, s));
            return state.isPresent();
        });
    }

    /** Kafka {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return state.bootstrapServers();
    }

    /** Base URL of the registry's Confluent-compatible API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String schemaRegistryUrl() {
        return state.schemaRegistryUrl();
    }

    /** The data directory holding Kafka's data, the logs and the state file. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether this handle started the stack ({@code false}: it reused a running one). */
    public boolean owned() {
        return owned;
    }

    /** Where the stack answers, its process ids and whether they are alive now. */
    public StackStatus status() {
        return status(dataDirectory, state, owned);
    }

    /**
     * Stops both processes (SIGTERM, then a forced kill after 30 s) and removes the state file, whether or not this
     * handle started them. Does nothing the second time.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        underLock(dataDirectory, () -> {
            terminate(dataDirectory, state);
            return null;
        });
        if (shutdownHook != null) {
            removeShutdownHook(shutdownHook);
        }
    }

    /** Stops the stack if this handle started it; a reused stack keeps running for its owner. */
    @Override
    public void close() {
        if (owned) {
            stop();
        }
    }

    @Override
    public String toString() {
        return "LocalStack[kafka " + bootstrapServers() + ", registry " + schemaRegistryUrl() + ", data "
                + dataDirectory + "]";
    }

    private void stopOnJvmExit() {
        if (stopped.compareAndSet(false, true)) {
            // no locks here: the JVM is exiting and must not wait on another JVM
            terminate(dataDirectory, state);
        }
    }

    private static StackStatus status(Path dataDirectory, StackState state, boolean owned) {
        boolean brokerAlive =
                ChildJvm.findOurs(state.brokerPid(), dataDirectory).isPresent();
        boolean registryAlive =
                ChildJvm.findOurs(state.registryPid(), dataDirectory).isPresent();
        StackStatus.Answer broker = brokerAlive
                ? StackStatus.Answer.probe(() -> Probes.brokerAnswers(state.host(), state.brokerPort()))
                : StackStatus.Answer.NOT_PROBED;
        StackStatus.Answer registry = registryAlive
                ? StackStatus.Answer.probe(() -> Probes.registryAnswers(state.schemaRegistryUrl()))
                : StackStatus.Answer.NOT_PROBED;
        return new StackStatus(
                dataDirectory,
                state.bootstrapServers(),
                state.schemaRegistryUrl(),
                state.brokerPid(),
                brokerAlive,
                broker,
                state.registryPid(),
                registryAlive,
                registry,
                owned,
                state.startedAt());
    }

    private static void terminate(Path dataDirectory, StackState state) {
        List<ProcessHandle> processes = Stream.of(state.brokerPid(), state.registryPid())
                .flatMap(pid -> ChildJvm.findOurs(pid, dataDirectory).stream())
                .toList();
        long begin = System.nanoTime();
        ChildJvm.terminate(processes, STOP_GRACE);
        state.deleteIfCurrent(dataDirectory);
        LOG.info("Stopped the local stack in {} ({} ms)", dataDirectory, elapsedMillis(begin));
    }

    private static void requireSamePort(String field, int requested, int running, Path dir) {
        if (requested != 0 && requested != running) {
            requireSame(field, Integer.toString(requested), Integer.toString(running), dir);
        }
    }

    private static void requireSame(String field, String requested, String running, Path dir) {
        if (!requested.equals(running)) {
            throw new StackException("A stack is already running from " + dir + " with " + field + " " + running
                    + ", but " + requested + " was asked for; stop it first (LocalStack.stopExisting) or use another"
                    + " data directory");
        }
    }

    /**
     * Starts the parts of a stack that are not kept, in parallel, and records the whole stack. {@code previous} is
     * the stack recorded before (null when none): a kept part is taken from it as it runs, and a restarted part gets
     * its recorded ports back unless the config asks for others, so clients configured for it find it again.
     */
    private static LocalStack startParts(
            StackConfig config, StackState previous, boolean keepBroker, boolean keepRegistry) {
        RuntimeLayout layout = RuntimeLayout.of(config.runtimeDirectory());
        Set<Integer> taken = new HashSet<>();
        if (keepBroker) {
            taken.add(previous.brokerPort());
            taken.add(previous.controllerPort());
        }
        if (keepRegistry) {
            taken.add(previous.registryPort());
        }
        int brokerPort = keepBroker
                ? previous.brokerPort()
                : choosePort(
                        config.host(),
                        config.brokerPort(),
                        previous == null ? 0 : previous.brokerPort(),
                        "brokerPort",
                        taken);
        int controllerPort = keepBroker
                ? previous.controllerPort()
                : choosePort(
                        config.host(),
                        config.controllerPort(),
                        previous == null ? 0 : previous.controllerPort(),
                        "controllerPort",
                        taken);
        int registryPort = keepRegistry
                ? previous.registryPort()
                : choosePort(
                        config.host(),
                        config.registryPort(),
                        previous == null ? 0 : previous.registryPort(),
                        "registryPort",
                        taken);
        Broker broker = new Broker(config, brokerPort, controllerPort, layout);
        Registry registry = new Registry(config, registryPort, layout);
        String registryUrl = config.withRegistryPort(registryPort).schemaRegistryUrl();

        List<ProcessHandle> launched = new CopyOnWriteArrayList<>();
        // until the stack is handed over, a JVM exiting mid-start must not leave half a stack behind
        Thread abandonedStart = new Thread(
                () -> ChildJvm.terminate(List.copyOf(launched), Duration.ofSeconds(10)),
                "newsflow-stack-abandoned-start");
        Runtime.getRuntime().addShutdownHook(abandonedStart);
        long begin = System.nanoTime();
        long deadline = begin + config.startupTimeout().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "newsflow-stack-start");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorCompletionService<Ready> starts = new ExecutorCompletionService<>(pool);
        if (keepBroker) {
            starts.submit(() -> new Ready(Broker.NAME, previous.brokerPid(), Duration.ZERO));
        } else {
            starts.submit(() -> awaitReady(
                    Broker.NAME,
                    broker.launch(launched::add, config.startupTimeout()),
                    () -> Probes.brokerAnswers(config.host(), brokerPort),
                    broker.logs(),
                    begin,
                    deadline));
        }
        if (keepRegistry) {
            starts.submit(() -> new Ready(Registry.NAME, previous.registryPid(), Duration.ZERO));
        } else {
            starts.submit(() -> {
                Process process = registry.launch();
                launched.add(process.toHandle());
                return awaitReady(
                        Registry.NAME,
                        process,
                        () -> Probes.registryAnswers(registryUrl),
                        registry.logs(),
                        begin,
                        deadline);
            });
        }
        try {
            Ready first = takeReady(starts);
            Ready second = takeReady(starts);
            Ready brokerReady = first.name().equals(Broker.NAME) ? first : second;
            Ready registryReady = first.name().equals(Broker.NAME) ? second : first;
            StackState state = new StackState(
                    config.host(),
                    brokerPort,
                    controllerPort,
                    registryPort,
                    brokerReady.pid(),
                    registryReady.pid(),
                    previous != null && (keepBroker || keepRegistry) ? previous.startedAt() : Instant.now());
            state.write(config.dataDirectory());
            LOG.info(
                    "Local stack ready in {} ms: kafka {} (pid {}, {}), registry {} (pid {}, {})",
                    elapsedMillis(begin),
                    state.bootstrapServers(),
                    state.brokerPid(),
                    keepBroker
                            ? "kept running"
                            : "ready after " + brokerReady.after().toMillis() + " ms",
                    registryUrl,
                    state.registryPid(),
                    keepRegistry
                            ? "kept running"
                            : "ready after " + registryReady.after().toMillis() + " ms");
            return new LocalStack(config.dataDirectory(), state, true, config.stopOnJvmExit());
        } catch (RuntimeException | Error e) {
            // the other start may be about to launch a process: let it finish first, so the clean-up sees it
            interruptAndAwait(pool);
            ChildJvm.terminate(List.copyOf(launched), Duration.ofSeconds(10));
            throw e;
        } finally {
            pool.shutdownNow();
            removeShutdownHook(abandonedStart);
        }
    }

    /** Interrupts the start tasks and waits (up to 10 s) until they have returned. */
    private static void interruptAndAwait(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A start task of the local stack did not return within 10 s of being interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A process that has answered its readiness probe, {@code after} its launch began. */
    private record Ready(String name, long pid, Duration after) {}

    private static Ready takeReady(ExecutorCompletionService<Ready> starts) {
        try {
            return starts.take().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StackException stackException) {
                throw stackException;
            }
            throw new StackException("Starting the local stack failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while starting the local stack", e);
        }
    }

    /**
     * Polls {@code answers} until it holds, failing early when the process exits and late at the deadline. Waits
     * between polls on the process's exit, so a crash is noticed at once.
     */
    private static Ready awaitReady(
            String name, Process process, BooleanSupplier answers, List<Path> logs, long begin, long deadline) {
        while (true) {
            if (!process.isAlive()) {
                throw new StackException("The " + name + " (pid " + process.pid() + ") exited with code "
                        + process.exitValue() + " before it was ready" + ChildJvm.tail(logs));
            }
            if (answers.getAsBoolean()) {
                return new Ready(name, process.pid(), Duration.ofNanos(System.nanoTime() - begin));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("The " + name + " (pid " + process.pid() + ") did not answer within "
                        + Duration.ofNanos(deadline - begin).toSeconds() + " s" + ChildJvm.tail(logs));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new StackException("Interrupted while waiting for the " + name);
            }
            ChildJvm.awaitExit(process.toHandle(), POLL_INTERVAL);
        }
    }

    /**
     * The port to bind on {@code host}: {@code requested} if it is not 0, else {@code recorded} (the port this part had
     * before a restart) if it is not 0 and free, else a free one; never one already in {@code taken}. The probe binds
     * with {@code SO_REUSEADDR}, as the broker and registry do, so a port left in TIME-WAIT by a crashed process counts
     * as free. A fixed port that is really in use fails here, naming the process that holds it when it can be found.
     */
    private static int choosePort(String host, int requested, int recorded, String field, Set<Integer> taken) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new StackException("Cannot resolve host " + host + ": " + e.getMessage(), e);
        }
        if (requested == 0 && recorded != 0 && !taken.contains(recorded) && canBind(address, recorded)) {
            taken.add(recorded);
            return recorded;
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, requested));
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
                if (requested != 0) {
                    break;
                }
            } catch (IOException e) {
                throw new StackException(
                        field + " " + requested + " on " + host + " is not available: " + e.getMessage() + "; "
                                + PortHolders.describe(requested)
                                + " (is another stack or Kafka already running? choose another port or stop it)",
                        e);
            }
        }
        throw new StackException("Could not find a free port for " + field + " on " + host);
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long sizeOf(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + path, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    /**
     * Runs {@code action} holding this JVM's start/stop monitor and an exclusive lock on
     * {@code <data directory>/stack.lock}, so two JVMs never start or stop the same stack at once.
     */
    private static <T> T underLock(Path dataDirectory, Supplier<T> action) {
        synchronized (START_STOP) {
            try {
                Files.createDirectories(dataDirectory);
                try (FileChannel channel = FileChannel.open(
                        dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.lock();
                    try {
                        return action.get();
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + dataDirectory.resolve(LOCK_FILE), e);
            }
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; whatever it ends is already gone or going
        }
    }

    private static long elapsedMillis(long beginNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beginNanos);
    }
}
