package io.newsflow.enrich;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.registry.SchemaRegistryUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Builds {@link DeadLetter} values and tells transient failures (to be retried, never dead-lettered) from permanent
 * ones (dead-lettered, processing carries on).
 */
final class DeadLetters {

    /** Header names that repeat the dead letter's context, so tools that only read headers see it too. */
    static final String HEADER_STAGE = "newsflow.dlq.stage";
    static final String HEADER_ERROR_CLASS = "newsflow.dlq.error.class";
    static final String HEADER_ERROR_MESSAGE = "newsflow.dlq.error.message";
    static final String HEADER_SOURCE = "newsflow.dlq.source";

    private static final int STACK_TRACE_LIMIT = 4_000;

    private DeadLetters() {
    }

    /**
     * A dead letter for a record read from Kafka.
     *
     * @param sourceTopic topic the record came from; may be null when unknown (punctuation)
     * @param partition partition, or -1 when unknown
     * @param offset offset, or -1 when unknown
     */
    static DeadLetter fromKafka(String stage, String sourceTopic, int partition, long offset, byte[] key, byte[] value,
            Headers headers, Throwable error, Instant failedAt) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setSourceTopic(sourceTopic)
                .setSourcePartition(partition < 0 ? null : partition)
                .setSourceOffset(offset < 0 ? null : offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setHeaders(headerMap(headers))
                .setErrorClass(rootCause(error).getClass().getName())
                .setErrorMessage(message(error))
                .setStackTrace(stackTrace(error))
                .setFailedAt(failedAt)
                .build();
    }

    /**
     * True for failures that another attempt may cure (a broker or registry that is briefly away): those are rethrown
     * so Kafka Streams retries them; dead-lettering them would lose good records.
     */
    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof SchemaRegistryUnavailableException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A one-line explanation naming every cause, e.g. "Unknown magic byte 123 (caused by ...)". */
    static String message(Throwable error) {
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
}
