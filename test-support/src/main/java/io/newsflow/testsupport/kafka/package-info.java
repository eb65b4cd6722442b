/** Kafka helpers for tests against the real broker: probes that wait for records without sleeping. */
package io.newsflow.testsupport.kafka;
