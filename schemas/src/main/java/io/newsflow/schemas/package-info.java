/**
 * newsflow's public contract, the one module every other depends on: the Avro contracts (generated into
 * {@code io.newsflow.schemas.avro} from {@code src/main/avro}), the topic names ({@link io.newsflow.schemas.Topics}),
 * the Confluent wire-format serde ({@code serde}, {@code registry}), JSON rendering of Avro records ({@code json}) and
 * the settings every service configuration is built from ({@code config}).
 *
 * <p>May import Avro, kafka-clients, Jackson and SLF4J; nothing of the services. Everything here is immutable or
 * documented as thread-safe unless its class comment says otherwise. Nullness: non-null unless documented.
 */
package io.newsflow.schemas;
