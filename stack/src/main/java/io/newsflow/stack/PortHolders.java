package io.newsflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Names the process listening on a TCP port, for the error a person sees when a port really is taken. Reads Linux's
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (listening sockets and their inodes) and each process's
 * {@code /proc/<pid>/fd} links; elsewhere, or without permission, it says it could not tell. No JDK or library API
 * answers "who holds this port", and starting {@code ss} or {@code lsof} would depend on tools that may be absent.
 */
final class PortHolders {

    private static final String LISTEN = "0A";

    private PortHolders() {}

    /** E.g. {@code held by pid 1234 (java -cp … kafka.Kafka …)}, or why it cannot be told. */
    static String describe(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return "no listening process found for it (it may be in use by a connection, or /proc is not readable)";
        }
        List<String> holders = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        if (holdsAny(p, inodes)) {
                            holders.add("pid " + p.getFileName() + " (" + commandLine(p) + ")");
                        }
                    });
        } catch (IOException | RuntimeException e) {
            return "its holder could not be found: " + e.getMessage();
        }
        return holders.isEmpty() ? "a process of another user holds it" : "held by " + String.join(", ", holders);
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals(LISTEN)) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: nothing to report from this table
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return inodes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String commandLine(Path process) {
        try {
            String cmd = new String(
                            Files.readAllBytes(process.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .strip();
            return cmd.length() > 160 ? cmd.substring(0, 157) + "..." : cmd;
        } catch (IOException | RuntimeException e) {
            return "command line unknown";
        }
    }
}
