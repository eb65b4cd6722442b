package io.newsflow.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an ingested item came from: a file (and for line-oriented formats the 1-based line in it), a record of the
 * drop topic, an HTTP request or a feed item. It is what the sender recognises in a report or a dead letter.
 *
 * @param location the file as it was given or found in a directory, or a description of a non-file source such as
 *                 {@code news-ingest-0@17} (topic-partition@offset), a feed item URL or {@code http POST /articles
 *                 from 127.0.0.1}; never blank
 * @param line     1-based line number within a {@code .jsonl} file, or 0 when the item is the whole file or not
 *                 from a file
 */
public record Origin(String location, int line) {

    public Origin {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("location must not be blank");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or positive, got " + line);
        }
    }

    /** The whole file. */
    public static Origin file(Path path) {
        return new Origin(Objects.requireNonNull(path, "path").toString(), 0);
    }

    /** One line of a line-oriented file. */
    public static Origin line(Path path, int line) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        return new Origin(Objects.requireNonNull(path, "path").toString(), line);
    }

    /** A source that is not a file: a Kafka record, an HTTP request, a feed item. */
    public static Origin of(String location) {
        return new Origin(location, 0);
    }

    /**
     * {@code location} or {@code location:line}: what goes into {@code RawArticle.origin} and
     * {@code DeadLetter.origin}.
     */
    @Override
    public String toString() {
        return line == 0 ? location : location + ":" + line;
    }
}
