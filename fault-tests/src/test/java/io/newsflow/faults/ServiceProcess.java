package io.newsflow.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One newsflow service ({@code ingest --from-topic}, {@code enrich}, {@code sink}) as its own OS process, launched
 * exactly as {@code ./newsflow} launches it: {@code java -cp app/target/newsflow-app-*.jar:app/target/newsflow/lib/*
 * io.newsflow.app.Newsflow ...}, nothing from the test's classpath. Its standard output and error go to one log file
 * per launch, logging at INFO ({@code NEWSFLOW_LOG_LEVEL}) so the health lines can be checked.
 */
final class ServiceProcess {

    private static final Path PROJECT = Path.of(System.getProperty("newsflow.project.dir", ".."))
            .toAbsolutePath()
            .normalize();

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code newsflow <arguments>} in {@code workDir}; returns at once (see {@link #awaitLog}).
     *
     * @param name names the log file, {@code <name>-<n>.log} for the n-th launch of that name
     */
    static ServiceProcess launch(String name, Path workDir, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                distributionClasspath(),
                "io.newsflow.app.Newsflow"));
        command.addAll(arguments);
        try {
            Path log = nextLog(workDir, name);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("NEWSFLOW_LOG_LEVEL", "INFO"));
            return new ServiceProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + name, e);
        }
    }

    private static Path nextLog(Path workDir, String name) {
        for (int n = 1; ; n++) {
            Path log = workDir.resolve(name + "-" + n + ".log");
            if (!Files.exists(log)) {
                return log;
            }
        }
    }

    private static String distributionClasspath() {
        Path appTarget = PROJECT.resolve("app/target");
        try (Stream<Path> files = Files.list(appTarget)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("newsflow-app-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no app jar in " + appTarget + "; package app first"));
            return jar + File.pathSeparator + appTarget.resolve("newsflow/lib") + File.separator + "*";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + appTarget, e);
        }
    }

    /** Waits until the log contains {@code text}; fails at once, with the log, if the process exits first. */
    ServiceProcess awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!logText().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        name + " exited with " + process.exitValue() + " before logging '" + text + "':\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log '" + text + "' within " + timeout + ":\n" + tail());
            }
            Thread.sleep(200);
        }
        return this;
    }

    /** Whether the log contains {@code text}. */
    boolean logged(String text) {
        return logText().contains(text);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** SIGKILL: no shutdown hook, no leave-group, no transaction abort. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
        }
    }

    /**
     * SIGTERM, then waits up to {@code limit} for the process to exit.
     *
     * @return how long it took to exit
     * @throws AssertionError if it was still running after {@code limit} (it is then killed)
     */
    Duration terminate(Duration limit) throws InterruptedException {
        long begin = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " was still running " + limit + " after SIGTERM:\n" + tail());
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The last 60 lines of this launch's log. */
    String tail() {
        List<String> lines = logText().lines().toList();
        return "--- " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
