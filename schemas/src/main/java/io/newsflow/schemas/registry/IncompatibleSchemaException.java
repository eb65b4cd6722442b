package io.newsflow.schemas.registry;

/**
 * The subject's compatibility level rejected the schema (HTTP 409; Confluent says error_code 40901, Apicurio's
 * ccompat API says 409). The schema must be changed compatibly, or the subject's level relaxed on purpose.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaException(
            String action, String url, int httpStatus, Integer errorCode, String registryMessage) {
        super(action, url, httpStatus, errorCode, registryMessage, null);
    }
}
