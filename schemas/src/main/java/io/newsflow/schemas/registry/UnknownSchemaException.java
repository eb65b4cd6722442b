package io.newsflow.schemas.registry;

/** The registry has no such schema id or subject (HTTP 404; Confluent error codes 40401, 40403). */
public class UnknownSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public UnknownSchemaException(
            String action, String url, int httpStatus, Integer errorCode, String registryMessage) {
        super(action, url, httpStatus, errorCode, registryMessage, null);
    }
}
