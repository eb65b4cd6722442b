package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path dir;

    private final StackState state =
            new StackState("127.0.0.1", 9092, 9093, 8081, 11, 12, Instant.parse("2026-11-30T00:00:00Z"));

    @Test
    void shouldReadBackWhatItWrote() {
        state.write(dir);

        assertThat(StackState.read(dir)).contains(state);
    }

    @Test
    void shouldDescribeNothingWhenTheFileLacksTheHost() throws IOException {
        state.write(dir);
        Path file = StackState.file(dir);
        Files.write(
                file,
                Files.readAllLines(file).stream()
                        .filter(line -> !line.startsWith("host="))
                        .toList());

        assertThat(StackState.read(dir)).isEmpty();
    }
}
