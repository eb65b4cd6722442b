package io.newsflow.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of a Confluent-compatible schema registry that newsflow needs: register a schema under a subject (the
 * set-up step, {@code SchemaSetup}, or a serializer allowed to), look up the id of a registered one, find a schema by
 * its global id, and set a subject's compatibility level.
 *
 * <p>Implementations are thread-safe and cache what they learn, so calling them on every record is cheap after the
 * first call. Use {@link SchemaRegistryClients#forUrl(String)} to get one.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} (or finds it if it is already registered there) and returns its
     * global id. Registering the same schema again returns the same id.
     *
     * @throws IncompatibleSchemaException if the subject's compatibility level rejects the schema
     * @throws SchemaRegistryUnavailableException if the registry could not be reached, after retries
     * @throws SchemaRegistryException for any other refusal
     */
    int register(String subject, Schema schema);

    /**
     * The global id of {@code schema} if it is registered under {@code subject}, without registering anything
     * (Confluent's {@code POST /subjects/<subject>}): what a serializer with {@code auto.register.schemas=false} asks.
     *
     * @throws UnknownSchemaException if the subject does not exist or does not hold this schema
     * @throws SchemaRegistryUnavailableException if the registry could not be reached, after retries
     * @throws SchemaRegistryException for any other failure
     */
    int lookup(String subject, Schema schema);

    /**
     * The schema with the given global id.
     *
     * @throws UnknownSchemaException if the registry has no schema with that id
     * @throws SchemaRegistryUnavailableException if the registry could not be reached, after retries
     * @throws SchemaRegistryException for any other failure
     */
    Schema schemaById(int id);

    /**
     * Sets the compatibility level of one subject, e.g. {@code "BACKWARD"}. Levels are those of Confluent's API:
     * {@code NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE}.
     *
     * @throws SchemaRegistryException if the registry refuses the level or the subject
     */
    void setCompatibility(String subject, String level);

    /** Where this client points, for messages: the REST base URL, or {@code mem://<name>} for an in-memory one. */
    String url();
}
