package io.newsflow.schemas.registry;

/**
 * The registry answered that it has no such schema id, subject or version: HTTP 404 with one of the registry error
 * codes 40401 (subject not found), 40402 (version not found) or 40403 (schema not found). A 404 without such a code
 * comes from a URL that is not a registry API (a wrong path) and is a plain {@link SchemaRegistryException}.
 */
public class UnknownSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public UnknownSchemaException(
            String action, String url, int httpStatus, Integer errorCode, String registryMessage) {
        super(action, url, httpStatus, errorCode, registryMessage, null);
    }

    protected UnknownSchemaException(
            String action, String url, int httpStatus, Integer errorCode, String registryMessage, Throwable cause) {
        super(action, url, httpStatus, errorCode, registryMessage, cause);
    }

    /** Confluent's error code for "schema not found", also sent by Apicurio's ccompat API. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    /** Whether the registry said that no schema has the id asked for (not a subject or version that is missing). */
    public boolean isSchemaIdUnknown() {
        return errorCode().orElse(0) == SCHEMA_NOT_FOUND;
    }
}
