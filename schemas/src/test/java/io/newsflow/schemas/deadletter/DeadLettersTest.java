package io.newsflow.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.SchemaRegistryUnavailableException;
import io.newsflow.schemas.registry.UnknownSchemaException;
import io.newsflow.schemas.serde.RecordSchemaException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldTreatAnUnreachableRegistryAsTransientEvenWhenWrappedBySerde() {
        var down = new SchemaRegistryUnavailableException("fetch schema 7", "http://127.0.0.1:1", -1, null, null, null);

        assertThat(DeadLetters.isTransient(new SerializationException("cannot read", down)))
                .isTrue();
    }

    @Test
    void shouldTreatKafkaRetriableErrorsAsTransient() {
        assertThat(DeadLetters.isTransient(new TimeoutException("broker away"))).isTrue();
    }

    @Test
    void shouldTreatARegistryCallInterruptedInsideTheSerdeAsTransient() {
        var interrupted = new SchemaRegistryException(
                "Fetching schema id 7 (interrupted)",
                "http://r",
                SchemaRegistryException.NO_STATUS,
                null,
                null,
                new InterruptedException());

        assertThat(DeadLetters.isTransient(new SerializationException("cannot read", interrupted)))
                .isTrue();
    }

    @Test
    void shouldBlameTheRecordWhenTheDeserializerSaysItsSchemaIdIsUnknown() {
        var unknown = new UnknownSchemaException("fetch schema 7", "http://r", 404, 40403, "Schema not found");
        var thrown = new SerializationException("wrapped", new RecordSchemaException("id 7 unknown", unknown));

        assertThat(DeadLetters.blame(thrown)).isEqualTo(DeadLetters.Blame.RECORD);
        assertThat(DeadLetters.isRecordFault(thrown)).isTrue();
        assertThat(DeadLetters.isTransient(thrown)).isFalse();
    }

    @Test
    void shouldBlameTheServiceForARegistryThatAnswersButCannotBeUsed() {
        var wrongPath = new SchemaRegistryException("fetch schema 7", "http://r/wrong", 404, 0, "no API here", null);
        var refused = new SchemaRegistryException("register", "http://r", 401, null, "Unauthorized", null);
        var ownSubjectMissing = new UnknownSchemaException("look up", "http://r", 404, 40401, "no subject");

        assertThat(List.of(wrongPath, refused, ownSubjectMissing))
                .allSatisfy(e -> assertThat(DeadLetters.blame(new SerializationException("cannot", e)))
                        .isEqualTo(DeadLetters.Blame.SERVICE));
        assertThat(DeadLetters.isRecordFault(new SerializationException("cannot", wrongPath)))
                .isFalse();
    }

    @Test
    void shouldBlameTheServiceEvenForAnUnknownIdTheDeserializerDidNotVouchFor() {
        // an UnknownSchemaException alone (a serializer's lookup, a setCompatibility) is not about a record's bytes
        var unknown = new UnknownSchemaException("fetch schema 7", "http://r", 404, 40403, "Schema not found");

        assertThat(DeadLetters.blame(new SerializationException("cannot read", unknown)))
                .isEqualTo(DeadLetters.Blame.SERVICE);
    }

    @Test
    void shouldTreatBadInputAsPermanent() {
        assertThat(DeadLetters.isTransient(new IllegalArgumentException("no title")))
                .isFalse();
    }

    @Test
    void shouldKeepTheOriginalBytesAndWhereTheyCameFrom() {
        byte[] key = {1, 2};
        byte[] value = {3, 4, 5};
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders()
                .add("trace", "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var letter = DeadLetters.fromRecord(
                "enrich",
                "news-articles-raw",
                2,
                41L,
                key,
                value,
                headers,
                new SerializationException("bad", new IllegalStateException("root")),
                java.time.Instant.EPOCH);

        assertThat(letter.getKey().array()).containsExactly(1, 2);
        assertThat(letter.getValue().array()).containsExactly(3, 4, 5);
        assertThat(letter.getSourceTopic()).isEqualTo("news-articles-raw");
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(41L);
        assertThat(letter.getHeaders()).containsEntry("trace", "abc");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.getStackTrace()).contains("SerializationException");
    }

    @Test
    void shouldRepeatTheContextInHeaders() {
        var letter = DeadLetters.fromRecord(
                "sink",
                "news-articles-enriched",
                0,
                7L,
                null,
                null,
                null,
                new IllegalArgumentException("x".repeat(5_000)),
                java.time.Instant.EPOCH);

        var headers = DeadLetters.headersFor(letter);

        assertThat(new String(headers.lastHeader(DeadLetters.HEADER_SOURCE).value()))
                .isEqualTo("news-articles-enriched-0@7");
        assertThat(new String(headers.lastHeader(DeadLetters.HEADER_STAGE).value()))
                .isEqualTo("sink");
        assertThat(headers.lastHeader(DeadLetters.HEADER_ERROR_MESSAGE).value())
                .hasSize(DeadLetters.HEADER_MESSAGE_LIMIT);
        assertThat(headers.lastHeader(DeadLetters.HEADER_ORIGIN)).isNull();
    }

    @Test
    void shouldNameTheOriginOfAnItemThatDidNotComeThroughKafka() {
        var letter = DeadLetters.fromOrigin(
                "ingest-file",
                "/drop/a.jsonl:3",
                new byte[] {9},
                "x.InvalidJson",
                "invalid JSON at column 2",
                java.time.Instant.EPOCH);

        assertThat(letter.getSourceTopic()).isNull();
        assertThat(new String(DeadLetters.headersFor(letter)
                        .lastHeader(DeadLetters.HEADER_ORIGIN)
                        .value()))
                .isEqualTo("/drop/a.jsonl:3");
    }

    @Test
    void shouldNameEveryCauseInTheMessage() {
        String message = DeadLetters.describe(new SerializationException("outer", new IllegalStateException("inner")));

        assertThat(message).contains("SerializationException: outer").contains("IllegalStateException: inner");
    }
}
