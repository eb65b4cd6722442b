package io.newsflow.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An item that ingestion did not accept, with the reason in words the sender can act on. Goes to {@code news-dlq}
 * with its original bytes.
 *
 * <p>A rejection of an item too large to carry whole ({@link ArticleTooLargeException}, or any item over
 * {@link #MAX_WHOLE_ORIGINAL_BYTES}) is <em>slim</em>: it keeps only the first {@value #SLIM_KEPT_BYTES} bytes of the
 * original, and {@link #truncated()} gives the original size and SHA-256 hash, which the reason repeats, so the
 * sender can still identify the item.
 *
 * @param origin        where it came from
 * @param originalBytes the item's bytes exactly as read, or their first {@value #SLIM_KEPT_BYTES} bytes when slim
 * @param errorClass    a fully qualified class name classifying the error (the exception's class, or
 *                      {@link InvalidArticleException} for content problems found without an exception)
 * @param reason        human-readable reason, e.g. "missing title"
 * @param truncated     the whole original's size and hash when {@code originalBytes} holds only its beginning;
 *                      null when it holds all of it
 */
public record Rejection(Origin origin, byte[] originalBytes, String errorClass, String reason, Truncated truncated)
        implements ReadResult {

    /** Bytes of the original a slim rejection keeps. */
    public static final int SLIM_KEPT_BYTES = 8 * 1024;

    /**
     * Originals larger than this are never carried whole, whatever the reason (the topics carry at most
     * {@link io.newsflow.schemas.Topics#MAX_MESSAGE_BYTES}).
     */
    public static final int MAX_WHOLE_ORIGINAL_BYTES = 8 * 1024 * 1024;

    /**
     * What a slim rejection left out.
     *
     * @param originalSize size of the whole original in bytes
     * @param sha256       SHA-256 of the whole original, lower-case hex
     */
    public record Truncated(long originalSize, String sha256) {
        public Truncated {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public Rejection {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(originalBytes, "originalBytes");
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(reason, "reason");
    }

    /** A rejection holding the whole original. */
    public Rejection(Origin origin, byte[] originalBytes, String errorClass, String reason) {
        this(origin, originalBytes, errorClass, reason, null);
    }

    /** A content problem (missing field, empty text, bad value). */
    public static Rejection invalid(Origin origin, byte[] originalBytes, String reason) {
        return new Rejection(origin, originalBytes, InvalidArticleException.class.getName(), reason);
    }

    /**
     * A problem reported by an exception (malformed JSON, binary content, ...). An {@link ArticleTooLargeException}
     * gives a slim rejection.
     */
    public static Rejection of(Origin origin, byte[] originalBytes, Exception error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Rejection rejection =
                new Rejection(origin, originalBytes, error.getClass().getName(), message);
        return error instanceof ArticleTooLargeException ? rejection.slim() : rejection;
    }

    /**
     * This rejection carrying only the first {@value #SLIM_KEPT_BYTES} bytes of the original, with the original's
     * size and SHA-256 in {@link #truncated()} and at the end of the reason. Already slim, or small enough to be
     * whole: returned as it is.
     */
    public Rejection slim() {
        if (truncated != null || originalBytes.length <= SLIM_KEPT_BYTES) {
            return this;
        }
        Truncated cut = new Truncated(originalBytes.length, sha256(originalBytes));
        return new Rejection(
                origin,
                Arrays.copyOf(originalBytes, SLIM_KEPT_BYTES),
                errorClass,
                reason + " [original: " + cut.originalSize() + " bytes, SHA-256 " + cut.sha256()
                        + "; this dead letter keeps its first " + SLIM_KEPT_BYTES + " bytes]",
                cut);
    }

    /** Slim when the original is over {@link #MAX_WHOLE_ORIGINAL_BYTES}, else this. */
    public Rejection slimIfHuge() {
        return originalBytes.length > MAX_WHOLE_ORIGINAL_BYTES ? slim() : this;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Rejection[" + origin + ": " + reason + "]";
    }
}
