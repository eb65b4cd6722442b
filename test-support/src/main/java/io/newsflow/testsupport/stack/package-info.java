/**
 * The real local stack for tests: {@link io.newsflow.testsupport.stack.RealKafkaStackExtension} starts one real
 * Kafka broker and schema registry per test JVM (see {@code io.newsflow.stack.LocalStack}) and injects it as a
 * {@link io.newsflow.testsupport.stack.RealKafkaStack} parameter.
 *
 * <pre>{@code
 * @WithRealKafkaStack
 * class SinkIT {
 *     @Test
 *     void shouldStoreWhatIsPublished(RealKafkaStack stack) {
 *         stack.createTopics("news-articles-enriched");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Contract: imports only JUnit Jupiter's API, {@code kafka-clients} and {@code io.newsflow.stack}. The stack is
 * shared by every test class in the JVM, so tests use their own topic names and consumer group ids. Nothing here
 * accepts or returns {@code null}. {@code RealKafkaStack} is thread-safe; tests may run in parallel.
 */
package io.newsflow.testsupport.stack;
