/**
 * The Kafka serde for newsflow's Avro records, in the Confluent wire format.
 *
 * <p>Why it exists: Confluent's {@code KafkaAvroSerializer} is not available from Maven Central, so newsflow writes
 * the same format itself on plain Apache Avro: one magic byte {@code 0}, the writer schema's registry id as a 4-byte
 * big-endian integer, then the Avro binary encoding of the record. The bytes are exactly Confluent's, so Kafka UI,
 * kcat ({@code -s value=avro}) and Confluent's own deserializer read newsflow's topics, and newsflow reads theirs.
 *
 * <p>Contract:
 * <ul>
 *   <li>Imports: {@code org.apache.avro}, {@code org.apache.kafka.common.serialization} / {@code .errors},
 *       {@code io.newsflow.schemas.registry}. Nothing from Kafka Streams or the other newsflow modules.</li>
 *   <li>Thread-safety: serializers, deserializers and serdes are safe to share between threads once configured.</li>
 *   <li>Nullness: a {@code null} value (a tombstone) serializes to {@code null} and {@code null} bytes deserialize to
 *       {@code null}; every other failure is a Kafka {@code SerializationException} naming the topic.</li>
 *   <li>Trust: Avro 1.12 only instantiates classes it trusts. Loading {@link io.newsflow.schemas.serde.AvroWireSerde}
 *       (or calling {@link io.newsflow.schemas.serde.TrustedAvroClasses#install()}) trusts the generated package
 *       {@code io.newsflow.schemas.avro}; the system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} is then
 *       not needed.</li>
 * </ul>
 */
package io.newsflow.schemas.serde;
