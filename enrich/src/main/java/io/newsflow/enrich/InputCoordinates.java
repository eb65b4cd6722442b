package io.newsflow.enrich;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where in {@code news-articles-raw} an enriched article came from, carried in internal headers through the
 * de-duplication repartition topics to the step that publishes it, which takes them off again: published records
 * carry the headers they came with and nothing of ours. The publishing step needs them to name the input of an article
 * it dead-letters ({@link OutputSizeCheck}).
 *
 * @param topic     the raw topic
 * @param partition its partition
 * @param offset    the raw record's offset
 */
record InputCoordinates(String topic, int partition, long offset) {

    static final String TOPIC = "newsflow.internal.input.topic";
    static final String PARTITION = "newsflow.internal.input.partition";
    static final String OFFSET = "newsflow.internal.input.offset";

    /** Adds the coordinates of the record being processed to {@code headers}. */
    static void addTo(Headers headers, RecordMetadata metadata) {
        headers.remove(TOPIC).remove(PARTITION).remove(OFFSET);
        headers.add(TOPIC, utf8(metadata.topic()));
        headers.add(PARTITION, utf8(Integer.toString(metadata.partition())));
        headers.add(OFFSET, utf8(Long.toString(metadata.offset())));
    }

    /** Removes the coordinates from {@code headers}; returns them when all three were there and readable. */
    static Optional<InputCoordinates> takeFrom(Headers headers) {
        String topic = text(headers.lastHeader(TOPIC));
        String partition = text(headers.lastHeader(PARTITION));
        String offset = text(headers.lastHeader(OFFSET));
        headers.remove(TOPIC).remove(PARTITION).remove(OFFSET);
        if (topic == null || partition == null || offset == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InputCoordinates(topic, Integer.parseInt(partition), Long.parseLong(offset)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
