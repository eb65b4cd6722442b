package io.newsflow.ingest.drop;

/**
 * The drop-topic service cannot go on and has stopped: another instance took over its transactional id (fenced),
 * the broker refused it permission, or the schema registry refuses newsflow's own schemas. Retrying would not help;
 * the message says what to do.
 */
public class DropTopicStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DropTopicStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
