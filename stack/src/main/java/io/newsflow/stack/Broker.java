package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.Uuid;

/**
 * The single-node KRaft Kafka broker (combined broker and controller) of a stack: its configuration, the one-time
 * storage format, and its command line. Files live in {@code <data directory>/broker}.
 */
final class Broker {

    static final String NAME = "Kafka broker";

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path dataDirectory;
    private final Path directory;
    private final List<String> jvmOptions;
    private final RuntimeLayout layout;

    Broker(StackConfig config, int port, int controllerPort, RuntimeLayout layout) {
        this.host = config.host();
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDirectory = config.dataDirectory();
        this.directory = config.dataDirectory().resolve("broker");
        this.jvmOptions = config.brokerJvmOptions();
        this.layout = layout;
    }

    /** stdout and stderr of the broker JVM: normally empty, the place fatal startup errors land. */
    Path consoleLog() {
        return directory.resolve("console.log");
    }

    /** The broker's own log (WARN and above, see stack-runtime's log4j2.yaml). */
    Path brokerLog() {
        return directory.resolve("broker.log");
    }

    Path formatLog() {
        return directory.resolve("format.log");
    }

    /** The logs to quote when the broker fails, most telling first. */
    List<Path> logs() {
        return List.of(brokerLog(), consoleLog(), formatLog());
    }

    Path logDirectory() {
        return logDirectory(dataDirectory);
    }

    /** Where the broker of the stack in {@code dataDirectory} keeps its topics (KRaft metadata included). */
    static Path logDirectory(Path dataDirectory) {
        return dataDirectory.resolve("broker").resolve("kraft-logs");
    }

    Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    /**
     * Writes {@code server.properties} (every start, as ports may differ), formats the storage if it has never been
     * formatted, and starts the broker. Existing storage is always kept: the broker restarts on its own log
     * directory with every topic, offset and transaction it had (ADR 0006). Every process started is passed to
     * {@code launched} at once, so that a failing start can end it.
     */
    Process launch(Consumer<ProcessHandle> launched, Duration formatTimeout) {
        try {
            Files.createDirectories(logDirectory());
            Files.writeString(propertiesFile(), serverProperties(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
        if (!isFormatted()) {
            format(launched, formatTimeout);
        }
        Process broker = ChildJvm.launch(
                dataDirectory,
                jvmOptionsWithLogging(),
                List.of(
                        "-cp",
                        layout.brokerClasspath(),
                        "kafka.Kafka",
                        propertiesFile().toString()),
                directory,
                consoleLog());
        launched.accept(broker.toHandle());
        return broker;
    }

    /** Whether the log directory holds formatted KRaft storage ({@code meta.properties}, written by the format). */
    boolean isFormatted() {
        return Files.isRegularFile(logDirectory().resolve("meta.properties"));
    }

    /**
     * Formats empty KRaft storage with a new cluster id. The id comes from the same {@link Uuid#randomUuid()} that
     * {@code kafka-storage random-uuid} prints, which saves starting one more JVM.
     */
    private void format(Consumer<ProcessHandle> launched, Duration timeout) {
        String clusterId = Uuid.randomUuid().toString();
        Process format = ChildJvm.launch(
                dataDirectory,
                jvmOptionsWithLogging(),
                List.of(
                        "-cp",
                        layout.brokerClasspath(),
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        clusterId,
                        "-c",
                        propertiesFile().toString()),
                directory,
                formatLog());
        launched.accept(format.toHandle());
        // wait on the Process, not its ProcessHandle: the handle can report the exit before the Process has
        // collected the exit status, and exitValue() then throws IllegalThreadStateException
        if (!awaitExit(format, timeout)) {
            throw new StackException("Formatting the " + NAME + " storage in " + logDirectory()
                    + " did not finish within " + timeout + ChildJvm.tail(List.of(formatLog())));
        }
        int exit = format.exitValue();
        if (exit != 0) {
            throw new StackException("Formatting the " + NAME + " storage in " + logDirectory()
                    + " failed with exit code " + exit + ChildJvm.tail(List.of(formatLog())));
        }
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while formatting the " + NAME + " storage", e);
        }
    }

    private List<String> jvmOptionsWithLogging() {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dlog4j2.configurationFile=" + layout.brokerLoggingConfig());
        options.add("-Dkafka.logs.dir=" + directory);
        return options;
    }

    /**
     * The broker configuration. Beyond the listeners, every internal topic gets replication factor 1 and minimum ISR
     * 1 (without them consumer groups and transactions hang on a single broker), internal topics get one partition
     * (a cold consumer group is ready sooner), and topics are never created on first use: newsflow declares its
     * topics and creates them explicitly, so a misspelt topic name fails instead of creating a stray topic.
     */
    String serverProperties() {
        String controller = host + ":" + controllerPort;
        return String.join(
                "\n",
                "# Written by io.newsflow.stack.LocalStack on every start; edits here are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "controller.listener.names=CONTROLLER",
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDirectory(),
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "share.coordinator.state.topic.num.partitions=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }
}
