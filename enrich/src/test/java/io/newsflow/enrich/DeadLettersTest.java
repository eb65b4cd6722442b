package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.registry.SchemaRegistryUnavailableException;
import io.newsflow.schemas.registry.UnknownSchemaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldTreatAnUnreachableRegistryAsTransientEvenWhenWrappedBySerde() {
        var down = new SchemaRegistryUnavailableException("fetch schema 7", "http://127.0.0.1:1", -1, null, null, null);

        assertThat(DeadLetters.isTransient(new SerializationException("cannot read", down))).isTrue();
    }

    @Test
    void shouldTreatKafkaRetriableErrorsAsTransient() {
        assertThat(DeadLetters.isTransient(new TimeoutException("broker away"))).isTrue();
    }

    @Test
    void shouldTreatAnUnknownSchemaIdAsPermanent() {
        var unknown = new UnknownSchemaException("fetch schema 7", "http://r", 404, 40403, "Schema not found");

        assertThat(DeadLetters.isTransient(new SerializationException("cannot read", unknown))).isFalse();
    }

    @Test
    void shouldTreatBadInputAsPermanent() {
        assertThat(DeadLetters.isTransient(new IllegalArgumentException("no title"))).isFalse();
    }

    @Test
    void shouldNameEveryCauseInTheMessage() {
        String message = DeadLetters.message(new SerializationException("outer", new IllegalStateException("inner")));

        assertThat(message).contains("SerializationException: outer").contains("IllegalStateException: inner");
    }
}
