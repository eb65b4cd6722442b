package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends refused taxonomy documents to {@code news-dlq} with an idempotent producer ({@code acks=all}), waiting for
 * each acknowledgement. Not transactional: the global store is not part of the stream threads' transactions, so a
 * crash between the send and the store's dead-letter mark can send one letter twice (at least once, never lost).
 *
 * <p>Thread-safe (the Kafka producer is).
 */
public final class ProducerTaxonomyDeadLetters implements TaxonomyDeadLetters, AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final KafkaProducer<String, DeadLetter> producer;

    public ProducerTaxonomyDeadLetters(String bootstrapServers, String clientId, Serializer<DeadLetter> serializer) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        clientId,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                serializer);
    }

    @Override
    public void send(String key, DeadLetter letter) {
        try {
            producer.send(new ProducerRecord<>(Topics.DLQ, null, key, letter, DeadLetters.headersFor(letter)))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while dead-lettering a taxonomy document", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not dead-letter a taxonomy document to " + Topics.DLQ, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
