/**
 * How every newsflow stage writes a dead letter: the {@code DeadLetter} value with its context, the headers that repeat
 * that context, and the one rule for what is dead-lettered at all (permanent failures) and what is retried (transient
 * ones). Stateless and thread-safe.
 */
package io.newsflow.schemas.deadletter;
