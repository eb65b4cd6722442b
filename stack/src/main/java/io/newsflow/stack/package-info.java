/**
 * The local stack: a real single-node KRaft Kafka broker and a real Apicurio schema registry, started as child JVMs
 * from the jars that the {@code stack-runtime} module lays out, for development, the CLI and integration tests.
 *
 * <p>Entry points: {@link io.newsflow.stack.StackConfig} (what to start, where from) and
 * {@link io.newsflow.stack.LocalStack} (start, reuse, status, stop).
 *
 * <p>Contract:
 * <ul>
 *   <li>Imports only the JDK, {@code kafka-clients} (the readiness probe) and {@code slf4j-api}; never the broker's
 *       or the registry's classes, which stay in the child JVMs.
 *   <li>Nullness: no parameter or return value is {@code null}; absence is an {@link java.util.Optional}.
 *   <li>Thread-safety: {@code StackConfig} and {@code StackStatus} are immutable; {@code LocalStack} is thread-safe.
 *   <li>Failures are {@link io.newsflow.stack.StackException}s naming the process, its exit code and its log;
 *       invalid configuration is an {@link java.lang.IllegalArgumentException} naming the field.
 * </ul>
 */
package io.newsflow.stack;
