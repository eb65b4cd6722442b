package io.newsflow.app;

import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import io.newsflow.stack.StackStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the local stack the way the command needs it: reuse a running one, or start from empty storage. The
 * registry keeps schemas in memory, so topic data left from an earlier stack refers to schema ids the new registry
 * never issued; a fresh stack therefore starts with a fresh broker too (docs/adr/0004).
 */
final class LocalStacks {

    private LocalStacks() {}

    static LocalStack startEphemeral(StackConfig config) {
        Path dir = config.dataDirectory();
        if (LocalStack.inspect(dir).filter(StackStatus::running).isEmpty()) {
            deleteRecursively(dir);
        }
        return LocalStack.start(config);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot clear the old stack data in " + dir, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the old stack data in " + dir, e);
        }
    }
}
