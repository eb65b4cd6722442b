package io.newsflow.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@link LocalStack#start(StackConfig)} starts, and where from.
 *
 * <p>Immutable and validated when built: every problem fails at construction with a message naming the field. Start
 * from {@link #defaults(Path)} and adjust with the {@code withX} methods, each returning a new config.
 *
 * <ul>
 *   <li>{@code host}: the address every listener binds to and advertises; default {@value #DEFAULT_HOST}.
 *   <li>{@code brokerPort}, {@code controllerPort}, {@code registryPort}: TCP ports of the Kafka client listener,
 *       the KRaft controller listener and the schema registry's HTTP server; {@code 0} picks a free port at start.
 *       Defaults {@value #DEFAULT_BROKER_PORT}, {@value #DEFAULT_CONTROLLER_PORT}, {@value #DEFAULT_REGISTRY_PORT}.
 *   <li>{@code dataDirectory}: where the broker keeps its log segments, both processes write their logs, and the
 *       state file that lets a later {@code start} reuse a running stack lives. Made absolute.
 *   <li>{@code runtimeDirectory}: the layout produced by the {@code stack-runtime} module ({@code broker/lib},
 *       {@code broker/config}, {@code registry/}); see {@link #resolveRuntimeDirectory()}. Made absolute.
 *   <li>{@code brokerJvmOptions}, {@code registryJvmOptions}: options for the two child JVMs; default
 *       {@link #DEFAULT_JVM_OPTIONS}, which starts each in about half the time of the JDK defaults.
 *   <li>{@code startupTimeout}: how long {@code start} waits for both processes to answer; default 120 s.
 *   <li>{@code stopOnJvmExit}: whether a stack started by this JVM is stopped when this JVM exits (a shutdown hook);
 *       default {@code true}. A command that starts a stack for later commands sets it to {@code false}.
 * </ul>
 */
public record StackConfig(
        String host,
        int brokerPort,
        int controllerPort,
        int registryPort,
        Path dataDirectory,
        Path runtimeDirectory,
        List<String> brokerJvmOptions,
        List<String> registryJvmOptions,
        Duration startupTimeout,
        boolean stopOnJvmExit) {

    /** Default listener address: loopback only, the stack is for this machine. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default Kafka client port. */
    public static final int DEFAULT_BROKER_PORT = 9092;
    /** Default KRaft controller port. */
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    /** Default schema registry HTTP port. */
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    /** Default options of both child JVMs: small heap, serial GC, C1 only (fast start, small footprint). */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** Default time allowed for both processes to become ready. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** System property naming the runtime directory; checked first. */
    public static final String RUNTIME_DIRECTORY_PROPERTY = "newsflow.stack.runtime";
    /** Environment variable naming the runtime directory; checked when the system property is absent. */
    public static final String RUNTIME_DIRECTORY_ENV = "NEWSFLOW_STACK_RUNTIME";

    private static final int MAX_PORT = 65_535;

    /** Validates every field; normalises paths to absolute ones and copies the option lists. */
    public StackConfig {
        host = requireText(host, "host");
        requirePort(brokerPort, "brokerPort");
        requirePort(controllerPort, "controllerPort");
        requirePort(registryPort, "registryPort");
        requireDistinct(brokerPort, "brokerPort", controllerPort, "controllerPort");
        requireDistinct(brokerPort, "brokerPort", registryPort, "registryPort");
        requireDistinct(controllerPort, "controllerPort", registryPort, "registryPort");
        dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory must not be null")
                .toAbsolutePath()
                .normalize();
        runtimeDirectory = Objects.requireNonNull(runtimeDirectory, "runtimeDirectory must not be null")
                .toAbsolutePath()
                .normalize();
        brokerJvmOptions = requireOptions(brokerJvmOptions, "brokerJvmOptions");
        registryJvmOptions = requireOptions(registryJvmOptions, "registryJvmOptions");
        Objects.requireNonNull(startupTimeout, "startupTimeout must not be null");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /**
     * The defaults for a stack kept in {@code dataDirectory}, with the runtime directory found by
     * {@link #resolveRuntimeDirectory()}.
     *
     * @throws IllegalStateException if no runtime directory can be found
     */
    public static StackConfig defaults(Path dataDirectory) {
        return defaults(dataDirectory, resolveRuntimeDirectory());
    }

    /** The defaults for a stack kept in {@code dataDirectory}, run from {@code runtimeDirectory}. */
    public static StackConfig defaults(Path dataDirectory, Path runtimeDirectory) {
        return new StackConfig(
                DEFAULT_HOST,
                DEFAULT_BROKER_PORT,
                DEFAULT_CONTROLLER_PORT,
                DEFAULT_REGISTRY_PORT,
                dataDirectory,
                runtimeDirectory,
                DEFAULT_JVM_OPTIONS,
                DEFAULT_JVM_OPTIONS,
                DEFAULT_STARTUP_TIMEOUT,
                true);
    }

    /**
     * Finds the {@code stack-runtime} layout: the system property {@value #RUNTIME_DIRECTORY_PROPERTY}, else the
     * environment variable {@value #RUNTIME_DIRECTORY_ENV}, else the first {@code stack-runtime/target} that holds a
     * {@code broker/lib} directory, walking up from the working directory (so it works from any module of a built
     * checkout).
     *
     * @throws IllegalStateException naming all three ways if none applies
     */
    public static Path resolveRuntimeDirectory() {
        return resolveRuntimeDirectory(System.getProperties(), System.getenv(), Path.of(""))
                .orElseThrow(() -> new IllegalStateException("No stack runtime directory: set the system property "
                        + RUNTIME_DIRECTORY_PROPERTY + " or the environment variable " + RUNTIME_DIRECTORY_ENV
                        + " to a directory holding broker/lib and registry/ (stack-runtime/target after"
                        + " `./mvnw -pl stack-runtime package`), or run from inside the newsflow checkout after"
                        + " building stack-runtime."));
    }

    /** The resolution rule of {@link #resolveRuntimeDirectory()} over explicit inputs, for tests. */
    static Optional<Path> resolveRuntimeDirectory(
            Properties systemProperties, Map<String, String> environment, Path workingDirectory) {
        String property = systemProperties.getProperty(RUNTIME_DIRECTORY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        String variable = environment.get(RUNTIME_DIRECTORY_ENV);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(Path.of(variable).toAbsolutePath().normalize());
        }
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("stack-runtime").resolve("target");
            if (Files.isDirectory(candidate.resolve("broker").resolve("lib"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The Kafka {@code bootstrap.servers} value for the configured host and broker port. */
    public String bootstrapServers() {
        return host + ":" + brokerPort;
    }

    /** The Confluent-compatible API base URL for the configured host and registry port. */
    public String schemaRegistryUrl() {
        return "http://" + host + ":" + registryPort + "/apis/ccompat/v7";
    }

    /** A copy with another listener address. */
    public StackConfig withHost(String newHost) {
        return new StackConfig(
                newHost,
                brokerPort,
                controllerPort,
                registryPort,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy with another Kafka client port ({@code 0}: a free one). */
    public StackConfig withBrokerPort(int port) {
        return new StackConfig(
                host,
                port,
                controllerPort,
                registryPort,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy with another KRaft controller port ({@code 0}: a free one). */
    public StackConfig withControllerPort(int port) {
        return new StackConfig(
                host,
                brokerPort,
                port,
                registryPort,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy with another schema registry port ({@code 0}: a free one). */
    public StackConfig withRegistryPort(int port) {
        return new StackConfig(
                host,
                brokerPort,
                controllerPort,
                port,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy whose three ports are all picked free at start: what tests use. */
    public StackConfig withFreePorts() {
        return new StackConfig(
                host,
                0,
                0,
                0,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy kept in another data directory. */
    public StackConfig withDataDirectory(Path directory) {
        return new StackConfig(
                host,
                brokerPort,
                controllerPort,
                registryPort,
                directory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy run from another stack-runtime layout. */
    public StackConfig withRuntimeDirectory(Path directory) {
        return new StackConfig(
                host,
                brokerPort,
                controllerPort,
                registryPort,
                dataDirectory,
                directory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy with other options for the broker JVM. */
    public StackConfig withBrokerJvmOptions(List<String> options) {
        return new StackConfig(
                host,
                brokerPort,
                controllerPort,
                registryPort,
                dataDirectory,
                runtimeDirectory,
                options,
                registryJvmOptions,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy with other options for the registry JVM. */
    public StackConfig withRegistryJvmOptions(List<String> options) {
        return new StackConfig(
                host,
                brokerPort,
                controllerPort,
                registryPort,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                options,
                startupTimeout,
                stopOnJvmExit);
    }

    /** A copy with another startup timeout. */
    public StackConfig withStartupTimeout(Duration timeout) {
        return new StackConfig(
                host,
                brokerPort,
                controllerPort,
                registryPort,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                timeout,
                stopOnJvmExit);
    }

    /** A copy that does, or does not, stop a stack it starts when this JVM exits. */
    public StackConfig withStopOnJvmExit(boolean stop) {
        return new StackConfig(
                host,
                brokerPort,
                controllerPort,
                registryPort,
                dataDirectory,
                runtimeDirectory,
                brokerJvmOptions,
                registryJvmOptions,
                startupTimeout,
                stop);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }

    private static void requirePort(int port, String field) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(field + " must be between 0 and " + MAX_PORT + ", was " + port);
        }
    }

    private static void requireDistinct(int port, String field, int otherPort, String otherField) {
        if (port != 0 && port == otherPort) {
            throw new IllegalArgumentException(field + " and " + otherField + " must differ, both were " + port);
        }
    }

    private static List<String> requireOptions(List<String> options, String field) {
        Objects.requireNonNull(options, field + " must not be null");
        for (String option : options) {
            if (option == null || option.isBlank()) {
                throw new IllegalArgumentException(field + " must not contain blank options, was " + options);
            }
        }
        return List.copyOf(options);
    }
}
