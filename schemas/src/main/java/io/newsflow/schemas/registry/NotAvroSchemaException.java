package io.newsflow.schemas.registry;

/** The registry has a schema with the id asked for, but of another type than Avro (JSON Schema, Protobuf). */
public class NotAvroSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public NotAvroSchemaException(String action, String url, String registryMessage) {
        super(action, url, 200, null, registryMessage, null);
    }
}
