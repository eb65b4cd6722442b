package io.newsflow.ingest;

/**
 * An article's content cannot be accepted (empty title or body, bad id, bad URL, bad date, ...). The message is meant
 * for the sender and names the field.
 */
public class InvalidArticleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidArticleException(String message) {
        super(message);
    }
}
