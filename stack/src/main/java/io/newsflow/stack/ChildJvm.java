package io.newsflow.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starting, recognising and ending the child JVMs of a stack.
 *
 * <p>Every child gets the system property {@code -Dnewsflow.stack.dir=<data directory>} on its command line. It does
 * nothing inside the child; it lets a later JVM tell, from a process id in the state file, that the process is still
 * the one this stack started and not an unrelated process that was given the same id.
 */
final class ChildJvm {

    private static final String MARKER_PROPERTY = "newsflow.stack.dir";
    private static final int TAIL_LINES = 20;
    private static final int TAIL_BYTES = 16 * 1024;

    private ChildJvm() {}

    /** The {@code java} executable of the running JVM, so the children run on the same Java. */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String marker(Path dataDirectory) {
        return "-D" + MARKER_PROPERTY + "=" + dataDirectory;
    }

    /**
     * Starts {@code java jvmOptions marker arguments} in {@code workingDirectory}, stdout and stderr appended to
     * {@code consoleLog}.
     */
    static Process launch(
            Path dataDirectory,
            List<String> jvmOptions,
            List<String> arguments,
            Path workingDirectory,
            Path consoleLog) {
        return launch(dataDirectory, jvmOptions, arguments, Map.of(), workingDirectory, consoleLog);
    }

    /** As {@link #launch(Path, List, List, Path, Path)}, with {@code environment} added to this JVM's. */
    static Process launch(
            Path dataDirectory,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            Path workingDirectory,
            Path consoleLog) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add(marker(dataDirectory));
        command.addAll(arguments);
        try {
            Files.createDirectories(consoleLog.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            return builder.directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new StackException("Cannot start " + command, e);
        }
    }

    /** The process {@code pid} if it is alive and was started for the stack in {@code dataDirectory}. */
    static Optional<ProcessHandle> findOurs(long pid, Path dataDirectory) {
        String marker = marker(dataDirectory);
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .arguments()
                        .map(args -> Arrays.asList(args).contains(marker))
                        .orElse(false));
    }

    /**
     * Ends {@code processes}: asks each to terminate (SIGTERM, so Kafka shuts down cleanly), waits up to
     * {@code grace} for all of them, then kills the ones still running.
     */
    static void terminate(List<ProcessHandle> processes, Duration grace) {
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!awaitExit(process, Duration.ofNanos(left))) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
            }
        }
    }

    /** Waits up to {@code timeout} for {@code process} to exit; {@code true} if it has. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last lines of each existing, non-empty log, each headed by its path; for error messages. */
    static String tail(List<Path> logs) {
        StringBuilder out = new StringBuilder();
        for (Path log : logs) {
            List<String> lines = lastLines(log);
            if (!lines.isEmpty()) {
                out.append(System.lineSeparator())
                        .append("--- last lines of ")
                        .append(log)
                        .append(" ---");
                lines.forEach(line -> out.append(System.lineSeparator()).append(line));
            }
        }
        return out.length() == 0 ? " (its logs " + logs + " are empty)" : out.toString();
    }

    private static List<String> lastLines(Path log) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines =
                    new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
