/**
 * Avro records as plain JSON for people and scripts: what {@code newsflow demo --json} and {@code newsflow annotate}
 * print.
 *
 * <p>Contract: imports {@code org.apache.avro} and Jackson only. Stateless and thread-safe. Input records are never
 * {@code null}; {@code null} field values become JSON {@code null}.
 */
package io.newsflow.schemas.json;
