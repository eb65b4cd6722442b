package io.newsflow.schemas.registry;

/**
 * A serializer that may not register schemas ({@code auto.register.schemas=false}) found its schema missing from its
 * subject. This is a fault of the deployment, not of a record: the set-up step ({@code newsflow topics --create}, see
 * {@code io.newsflow.schemas.SchemaSetup}) was not run against this registry, or registered another version. Being a
 * {@link SchemaRegistryException} that is not an outage, it stops the service instead of dead-lettering records
 * ({@code DeadLetters.blame} answers {@code SERVICE}).
 */
public class SchemaNotRegisteredException extends UnknownSchemaException {

    private static final long serialVersionUID = 1L;

    private final String subject;

    public SchemaNotRegisteredException(String subject, String schemaName, UnknownSchemaException cause) {
        super(
                "Looking up schema " + schemaName + " under subject '" + subject + "'",
                cause.url(),
                cause.httpStatus(),
                cause.errorCode().isPresent() ? cause.errorCode().getAsInt() : null,
                "the schema is not registered under subject '" + subject + "' and this service does not register"
                        + " schemas (auto.register.schemas=false). Run `newsflow topics --create` against this"
                        + " registry (it registers newsflow's schemas and sets each subject's compatibility), or"
                        + " set auto.register.schemas=true. Registry said: " + cause.registryMessage(),
                cause);
        this.subject = subject;
    }

    /** The subject that lacks the schema, e.g. {@code news-articles-enriched-value}. */
    public String subject() {
        return subject;
    }
}
