package io.newsflow.schemas.registry;

/**
 * The registry could not be reached, timed out or kept answering with a server error (5xx), after every configured
 * attempt. Transient by nature: callers may retry later; records should not be dead-lettered for it.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(
            String action, String url, int httpStatus, Integer errorCode, String registryMessage, Throwable cause) {
        super(action, url, httpStatus, errorCode, registryMessage, cause);
    }
}
