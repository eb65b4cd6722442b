package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters an output record that cannot be serialized because of what it holds, and lets the enricher carry on;
 * says clearly why the client stops when the broker refuses an output record.
 *
 * <p>The dead letter ({@code stage = enrich-produce}) names the output topic and the reason, and where the input came
 * from (topic, partition, offset); it carries the INPUT record's key and bytes (the raw article, from which the output
 * can be made again), or, if even that would make the letter too large, no value at all (a slim dead letter that says
 * so). Kafka Streams writes it in the same transaction as the rest of the task's output.
 *
 * <p>A record the broker refuses (too large for its topic, invalid) is NOT dead-lettered here: under exactly-once the
 * refusal puts the transactional producer in an error state, the transaction must be aborted, and a dead letter sent
 * in it would be lost with it (seen against the real broker: the letter's own send fails with "Cannot execute
 * transactional method because we are in an error state"). The enricher keeps such records out before they are sent
 * ({@link OutputSizeGuard}, reading the topics' {@code max.message.bytes} through {@link OutputTopicLimit}); if one
 * still gets through (a topic's limit lowered in the last seconds), the task fails, {@link StreamThreadFailures} reads
 * the limits again and replaces the thread after a backoff, the input is read again, and the guard, now up to date,
 * dead-letters it.
 *
 * <p>Anything else (a broker or registry away, a registry the service cannot use, an unknown failure) fails the task
 * as the default handler does, and {@link StreamThreadFailures} decides what follows. A serialization failure is
 * dead-lettered only when it is the record's own ({@link DeadLetters#isRecordFault}).
 */
public final class DeadLetteringProductionHandler implements ProductionExceptionHandler {

    /** Streams config key under which {@link EnrichService} passes the configured {@code Serializer<DeadLetter>}. */
    public static final String DEAD_LETTER_SERIALIZER = "newsflow.enrich.dead.letter.serializer";

    static final String STAGE = "enrich-produce";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProductionHandler.class);

    private Serializer<DeadLetter> serializer;
    private int maxLetterBytes = Topics.MAX_MESSAGE_BYTES;
    private Clock clock = Clock.systemUTC();

    /** For Kafka Streams to create by class name; {@link #configure} supplies the serializer. */
    public DeadLetteringProductionHandler() {}

    /** For tests: a handler with this serializer, letter limit and clock. */
    DeadLetteringProductionHandler(Serializer<DeadLetter> serializer, int maxLetterBytes, Clock clock) {
        this.serializer = serializer;
        this.maxLetterBytes = maxLetterBytes;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(DEAD_LETTER_SERIALIZER);
        if (!(configured instanceof Serializer<?>)) {
            throw new IllegalStateException(
                    DEAD_LETTER_SERIALIZER + " must hold the Serializer<DeadLetter> instance," + " got " + configured);
        }
        this.serializer = (Serializer<DeadLetter>) configured;
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (StreamThreadFailures.isRefusedByBroker(exception)) {
            int size = record.value() == null ? 0 : record.value().length;
            LOG.error(
                    "The broker refused an output record for {} ({} bytes) read from {}-{}@{}: {}. Under exactly-once"
                            + " the transaction is aborted and the input read again; the size check dead-letters it"
                            + " once it knows the topic's current max.message.bytes (read every {} s)",
                    record.topic(),
                    size,
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    DeadLetters.describe(exception),
                    OutputTopicLimit.REFRESH.toSeconds());
        }
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        if (!DeadLetters.isRecordFault(exception)) {
            return Response.fail();
        }
        String reason = "the output record for " + record.topic() + " could not be serialized ("
                + origin.name().toLowerCase(java.util.Locale.ROOT) + "): " + DeadLetters.describe(exception);
        return Response.resume(List.of(letter(context, record.topic(), reason, exception)));
    }

    private ProducerRecord<byte[], byte[]> letter(
            ErrorHandlerContext context, String outputTopic, String reason, Exception exception) {
        LOG.warn("Dead-lettering an output record of the enricher: {}", reason);
        DeadLetter letter = DeadLetters.fromRecord(
                STAGE,
                context.topic(),
                context.partition(),
                context.offset(),
                context.sourceRawKey(),
                context.sourceRawValue(),
                context.headers(),
                new RefusedOutputException(reason, exception),
                clock.instant());
        byte[] bytes = serializer.serialize(Topics.DLQ, letter);
        if (bytes.length > maxLetterBytes) {
            // slim: the input bytes stay in the input topic at the offset the letter names
            letter.setValue(null);
            letter.setErrorMessage(letter.getErrorMessage() + " [the input value (" + lengthOf(context.sourceRawValue())
                    + " bytes) is left out of this dead letter to fit; it is at " + context.topic() + "-"
                    + context.partition() + "@" + context.offset() + "]");
            letter.setStackTrace(null);
            bytes = serializer.serialize(Topics.DLQ, letter);
        }
        return new ProducerRecord<>(
                Topics.DLQ, null, null, context.sourceRawKey(), bytes, DeadLetters.headersFor(letter));
    }

    private static int lengthOf(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** The reason an output record was dead-lettered, with the broker's or serializer's error as its cause. */
    static final class RefusedOutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedOutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
