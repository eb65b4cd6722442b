package io.newsflow.ingest;

/**
 * One item read from a file: either a {@link ParsedArticle} or a {@link Rejection} saying why it was not accepted.
 * Both carry the {@link Origin} and the original bytes of the item.
 */
public sealed interface ReadResult permits ParsedArticle, Rejection {

    /** Where the item came from. */
    Origin origin();

    /** The item's bytes exactly as read (the whole file, or one line of a {@code .jsonl} file without its newline). */
    byte[] originalBytes();
}
