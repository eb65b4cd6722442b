package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetteringProductionHandlerTest {

    private static final byte[] RAW_KEY = "a-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW_VALUE = new byte[2_000];
    private static final ProducerRecord<byte[], byte[]> TOO_LARGE =
            new ProducerRecord<>(Topics.ARTICLES_ENRICHED, RAW_KEY, new byte[50_000]);

    private final Serde<DeadLetter> letters =
            AvroWireSerde.forValues(new InMemorySchemaRegistryClient("production-handler-test"), DeadLetter.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldDeadLetterAnOutputThatCannotBeSerializedBecauseOfWhatItHoldsAndCarryOn() {
        var handler = new DeadLetteringProductionHandler(letters.serializer(), 1_000_000, clock);

        Response response = handler.handleSerializationError(
                context(),
                TOO_LARGE,
                new SerializationException("a field the schema does not allow"),
                SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.DLQ);
            assertThat(record.key()).isEqualTo(RAW_KEY);
            DeadLetter letter = letters.deserializer().deserialize(Topics.DLQ, record.value());
            assertThat(letter.getStage()).isEqualTo("enrich-produce");
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
            assertThat(letter.getSourceOffset()).isEqualTo(42L);
            assertThat(letter.getErrorMessage())
                    .contains(Topics.ARTICLES_ENRICHED)
                    .contains("a field the schema does not allow");
            assertThat(letter.getValue().remaining()).isEqualTo(RAW_VALUE.length);
        });
    }

    @Test
    void shouldLeaveTheInputBytesOutOfADeadLetterThatWouldNotFit() {
        var handler = new DeadLetteringProductionHandler(letters.serializer(), 1_500, clock);

        Response response = handler.handleSerializationError(
                context(), TOO_LARGE, new SerializationException("bad field"), SerializationExceptionOrigin.VALUE);

        byte[] bytes = response.deadLetterQueueRecords().get(0).value();
        DeadLetter letter = letters.deserializer().deserialize(Topics.DLQ, bytes);
        assertThat(bytes.length).isLessThanOrEqualTo(1_500);
        assertThat(letter.getValue()).isNull();
        assertThat(letter.getErrorMessage()).contains("left out").contains(Topics.ARTICLES_RAW + "-0@42");
    }

    @Test
    void shouldFailTheTaskWhenTheBrokerRefusesAnOutputBecauseExactlyOnceCannotCommitAfterIt() {
        var handler = new DeadLetteringProductionHandler(letters.serializer(), 1_000_000, clock);

        Response response =
                handler.handleError(context(), TOO_LARGE, new RecordTooLargeException("over max.message.bytes"));

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldFailOnWhatIsNotTheRecordsFault() {
        var handler = new DeadLetteringProductionHandler(letters.serializer(), 1_000_000, clock);
        var registryRefuses = new SerializationException(
                "cannot register", new SchemaRegistryException("register", "http://r", 401, null, "no", null));

        assertThat(handler.handleError(context(), TOO_LARGE, new TimeoutException("broker away"))
                        .result())
                .isEqualTo(Result.FAIL);
        assertThat(handler.handleSerializationError(
                                context(), TOO_LARGE, registryRefuses, SerializationExceptionOrigin.VALUE)
                        .result())
                .isEqualTo(Result.FAIL);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return Topics.ARTICLES_RAW;
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "sink";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return RAW_KEY;
            }

            @Override
            public byte[] sourceRawValue() {
                return RAW_VALUE;
            }
        };
    }
}
