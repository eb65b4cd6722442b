package io.newsflow.stack;

/**
 * The local stack could not be started, reused or stopped. The message names the process concerned and, when a
 * process failed, its exit code and the end of its log.
 */
public final class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public StackException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
