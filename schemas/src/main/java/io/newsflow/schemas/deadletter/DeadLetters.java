package io.newsflow.schemas.deadletter;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.registry.SchemaRegistryUnavailableException;
import io.newsflow.schemas.serde.RecordSchemaException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the {@link DeadLetter} values and headers of {@code news-dlq}, the same way for every stage (ingest, enrich,
 * sink), so whoever reads the topic finds the same context everywhere: the original key and value bytes, where they
 * came from (topic, partition and offset, or an origin such as {@code file.jsonl:3}), the error class and a readable
 * reason naming every cause, and when it failed.
 *
 * <p>Only failures of the record itself are dead-lettered ({@link #blame}, {@link #isRecordFault}). What another
 * attempt may cure (a broker or registry that is briefly away, an interrupted call) is rethrown and retried, and a
 * fault of the service's configuration (a registry URL with a wrong path, missing credentials) stops the service:
 * dead-lettering either would lose good records.
 */
public final class DeadLetters {

    /** Header: the stage that rejected the record ({@code ingest-file}, {@code enrich}, {@code sink}, ...). */
    public static final String HEADER_STAGE = "newsflow.dlq.stage";
    /** Header: fully qualified class of the root cause. */
    public static final String HEADER_ERROR_CLASS = "newsflow.dlq.error.class";
    /** Header: the reason, cut to {@value #HEADER_MESSAGE_LIMIT} characters. */
    public static final String HEADER_ERROR_MESSAGE = "newsflow.dlq.error.message";
    /** Header: {@code topic-partition@offset} of the original record, when it came through Kafka. */
    public static final String HEADER_SOURCE = "newsflow.dlq.source";
    /** Header: where the item came from when not through Kafka (file path and line, URL, client). */
    public static final String HEADER_ORIGIN = "newsflow.dlq.origin";

    static final int HEADER_MESSAGE_LIMIT = 1_000;
    private static final int STACK_TRACE_LIMIT = 4_000;

    private DeadLetters() {}

    /**
     * A dead letter for a record read from Kafka.
     *
     * @param partition the record's partition, or -1 when unknown
     * @param offset the record's offset, or -1 when unknown
     * @param key original key bytes, may be null
     * @param value original value bytes, may be null (a tombstone)
     * @param headers original headers, may be null
     */
    public static DeadLetter fromRecord(
            String stage,
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            Headers headers,
            Throwable error,
            Instant failedAt) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setSourceTopic(topic)
                .setSourcePartition(partition < 0 ? null : partition)
                .setSourceOffset(offset < 0 ? null : offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setHeaders(headerMap(headers))
                .setErrorClass(rootCause(error).getClass().getName())
                .setErrorMessage(describe(error))
                .setStackTrace(stackTrace(error))
                .setFailedAt(failedAt)
                .build();
    }

    /**
     * A dead letter for an item that did not come through Kafka: a file, a line of one, an HTTP request.
     *
     * @param origin where it came from, e.g. {@code /drop/articles.jsonl:3}
     * @param value the item's original bytes
     * @param errorClass the class of the error that rejected it
     * @param reason why, in words the sender understands
     */
    public static DeadLetter fromOrigin(
            String stage, String origin, byte[] value, String errorClass, String reason, Instant failedAt) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setOrigin(origin)
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setErrorClass(errorClass)
                .setErrorMessage(reason)
                .setFailedAt(failedAt)
                .build();
    }

    /** The headers a dead-letter record carries: the letter's context, for tools that show headers only. */
    public static Headers headersFor(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_STAGE, utf8(letter.getStage()));
        headers.add(HEADER_ERROR_CLASS, utf8(letter.getErrorClass()));
        String message = letter.getErrorMessage();
        headers.add(
                HEADER_ERROR_MESSAGE,
                utf8(message.length() <= HEADER_MESSAGE_LIMIT ? message : message.substring(0, HEADER_MESSAGE_LIMIT)));
        if (letter.getSourceTopic() != null) {
            headers.add(
                    HEADER_SOURCE,
                    utf8(letter.getSourceTopic() + "-" + letter.getSourcePartition() + "@" + letter.getSourceOffset()));
        }
        if (letter.getOrigin() != null) {
            headers.add(HEADER_ORIGIN, utf8(letter.getOrigin()));
        }
        return headers;
    }

    /**
     * Who is to blame for a failure met while handling one record, which decides what the stage does with it.
     *
     * <ul>
     *   <li>{@link #RECORD}: the record's own bytes (wrong magic byte, a schema id the registry does not know, a corrupt
     *       or invalid body). Dead-letter it with the reason and go on.</li>
     *   <li>{@link #OUTAGE}: something another attempt may cure (a broker or registry briefly away, an interrupted
     *       call). Retry without committing; never dead-letter, the record is good.</li>
     *   <li>{@link #SERVICE}: the service's own configuration or environment: the schema registry answers, but
     *       refuses or does not know what every record needs (401/403, a wrong path, our own subject or schema
     *       refused). Stop with the reason and commit nothing: dead-lettering would empty the topic into
     *       {@code news-dlq}.</li>
     * </ul>
     */
    public enum Blame {
        RECORD,
        OUTAGE,
        SERVICE
    }

    /**
     * Who is to blame for {@code error}, looking at its whole cause chain (serdes and Kafka wrap the real cause).
     * A registry failure is the record's fault only when the deserializer says so ({@link RecordSchemaException}: the
     * registry answered that the id written in the record does not exist, or is not an Avro schema); any other
     * registry failure is the service's, or an outage when the registry could not be reached.
     */
    public static Blame blame(Throwable error) {
        Blame blame = Blame.RECORD;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordSchemaException) {
                return Blame.RECORD;
            }
            if (t instanceof InterruptedException || t instanceof InterruptException) {
                return Blame.OUTAGE; // says nothing about the record nor the registry: the call was cut short
            }
            if (blame == Blame.RECORD) {
                if (t instanceof SchemaRegistryUnavailableException || t instanceof RetriableException) {
                    blame = Blame.OUTAGE;
                } else if (t instanceof SchemaRegistryException) {
                    blame = Blame.SERVICE;
                }
            }
        }
        return blame;
    }

    /**
     * True for failures that another attempt may cure: Kafka's retriable errors, an unreachable schema registry and an
     * interrupted attempt (which says nothing about the record), anywhere in the cause chain (serdes wrap them).
     */
    public static boolean isTransient(Throwable error) {
        return blame(error) == Blame.OUTAGE;
    }

    /**
     * True only when the record itself is bad and may be dead-lettered ({@link Blame#RECORD}); false for an outage or
     * a fault of the service's configuration, which must be retried or stop the service instead.
     */
    public static boolean isRecordFault(Throwable error) {
        return blame(error) == Blame.RECORD;
    }

    /** A one-line reason naming every cause: {@code SerializationException: ... <- UnknownSchemaException: ...}. */
    public static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        return s.length() <= STACK_TRACE_LIMIT ? s : s.substring(0, STACK_TRACE_LIMIT);
    }

    private static Map<String, String> headerMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        if (headers != null) {
            for (Header h : headers) {
                map.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
