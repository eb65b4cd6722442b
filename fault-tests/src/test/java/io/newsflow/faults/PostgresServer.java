package io.newsflow.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the suite's own, so that it can be stopped without disturbing anyone else's: a cluster made
 * by {@code initdb} in a temporary directory (trust authentication, user {@code postgres}), run by {@code pg_ctl} on a
 * spare port of 127.0.0.1, from the newest {@code /usr/lib/postgresql/<version>/bin}. PostgreSQL refuses to run as
 * root, so when the tests run as root the tools run as the {@code postgres} user ({@code runuser}).
 */
final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path base;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path base, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.base = base;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed server's {@code bin} directory, if any. */
    static Optional<Path> findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(
                            b -> b.getParent().getFileName().toString(),
                            Comparator.comparingInt(PostgresServer::versionNumber)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Makes a new cluster in a temporary directory and starts it. */
    static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory("newsflow-faults-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (root) {
            UserPrincipal postgres =
                    base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(base, postgres);
        }
        PostgresServer server = new PostgresServer(bin, base, sparePort(), root);
        server.run("initdb", "-D", server.dataDir().toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8");
        server.startAgain();
        return server;
    }

    private static int sparePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Path dataDir() {
        return base.resolve("data");
    }

    /** JDBC URL of the {@code postgres} database, as the sink is given it. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** {@code pg_ctl start}, waiting until the server accepts connections. */
    void startAgain() throws IOException, InterruptedException {
        run(
                "pg_ctl",
                "-D",
                dataDir().toString(),
                "-l",
                base.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1",
                "start");
    }

    /** {@code pg_ctl stop -m fast}: ends the sessions and shuts down cleanly; returns once the server is down. */
    void stop() throws IOException, InterruptedException {
        run("pg_ctl", "-D", dataDir().toString(), "-m", "fast", "-w", "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", dataDir().toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // stopped by a failed scenario: nothing to end
        }
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void run(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed: " + output + serverLogTail());
        }
    }

    private String serverLogTail() {
        Path log = base.resolve("server.log");
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + bin.getParent().getFileName() + " on 127.0.0.1:" + port + " in " + base;
    }
}
