/**
 * A small client for a Confluent-compatible schema registry, and an in-process stand-in for it.
 *
 * <p>Why this package exists: Confluent's registry client jars are not on Maven Central, so newsflow talks the
 * registry's REST API itself ({@link io.newsflow.schemas.registry.RestSchemaRegistryClient}). The same API is served
 * by Confluent Schema Registry and by Apicurio Registry's {@code /apis/ccompat/v7} endpoint; the client tolerates the
 * differences between the two. {@link io.newsflow.schemas.registry.InMemorySchemaRegistryClient} plays the role of
 * Confluent's {@code mock://} scope for tests and registry-less tools.
 *
 * <p>Contract:
 * <ul>
 *   <li>Imports: the JDK ({@code java.net.http}), {@code org.apache.avro}, Jackson, SLF4J. No Kafka types, so the
 *       client can be used by tools that never touch a broker.</li>
 *   <li>Thread-safety: every {@link io.newsflow.schemas.registry.SchemaRegistryClient} implementation here is safe to
 *       share between threads; share one per registry URL so that its caches are shared too.</li>
 *   <li>Nullness: parameters and return values are never {@code null}; absence is an exception
 *       ({@link io.newsflow.schemas.registry.UnknownSchemaException}), never a {@code null}.</li>
 *   <li>Errors: every failure is an unchecked {@link io.newsflow.schemas.registry.SchemaRegistryException} (or one of
 *       its subclasses) whose message says what was attempted, against which URL, the HTTP status and the registry's
 *       own error code and message.</li>
 * </ul>
 */
package io.newsflow.schemas.registry;
