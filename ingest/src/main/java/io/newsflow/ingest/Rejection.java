package io.newsflow.ingest;

import java.util.Objects;

/**
 * An item that ingestion did not accept, with the reason in words the sender can act on. Goes to {@code news-dlq}
 * with its original bytes.
 *
 * @param origin        where it came from
 * @param originalBytes the item's bytes exactly as read
 * @param errorClass    a fully qualified class name classifying the error (the exception's class, or
 *                      {@link InvalidArticleException} for content problems found without an exception)
 * @param reason        human-readable reason, e.g. "missing title"
 */
public record Rejection(Origin origin, byte[] originalBytes, String errorClass, String reason) implements ReadResult {

    public Rejection {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(originalBytes, "originalBytes");
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(reason, "reason");
    }

    /** A content problem (missing field, empty text, bad value). */
    public static Rejection invalid(Origin origin, byte[] originalBytes, String reason) {
        return new Rejection(origin, originalBytes, InvalidArticleException.class.getName(), reason);
    }

    /** A problem reported by an exception (malformed JSON, malformed UTF-8, ...). */
    public static Rejection of(Origin origin, byte[] originalBytes, Exception error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Rejection(origin, originalBytes, error.getClass().getName(), message);
    }

    @Override
    public String toString() {
        return "Rejection[" + origin + ": " + reason + "]";
    }
}
