package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record cannot be read because of the schema id written in its own bytes: the registry answered that it has no
 * schema with that id, or that the schema is not Avro. The registry itself works (it answered), so this is the
 * record's fault and the record may be dead-lettered; every other registry failure met while reading is not (see
 * {@link io.newsflow.schemas.deadletter.DeadLetters#blame}).
 */
public final class RecordSchemaException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public RecordSchemaException(String message, SchemaRegistryException cause) {
        super(message, cause);
    }
}
