package io.newsflow.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an ingested item came from: a file, and for line-oriented formats the 1-based line in it.
 *
 * @param path the file as it was given or found in a directory
 * @param line 1-based line number within a {@code .jsonl} file, or 0 when the item is the whole file
 */
public record Origin(Path path, int line) {

    public Origin {
        Objects.requireNonNull(path, "path");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or positive, got " + line);
        }
    }

    /** The whole file. */
    public static Origin file(Path path) {
        return new Origin(path, 0);
    }

    /** One line of a line-oriented file. */
    public static Origin line(Path path, int line) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        return new Origin(path, line);
    }

    /** {@code path} or {@code path:line}: what goes into {@code RawArticle.origin} and {@code DeadLetter.origin}. */
    @Override
    public String toString() {
        return line == 0 ? path.toString() : path + ":" + line;
    }
}
