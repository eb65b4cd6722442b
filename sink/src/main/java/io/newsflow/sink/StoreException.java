package io.newsflow.sink;

/** The article database failed or refused an operation; the message says which and the cause is the driver's error. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
