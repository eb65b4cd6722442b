/**
 * Test-data builders for the Avro contracts. Builders are mutable and single-threaded; what they build is a fresh
 * value each time.
 */
package io.newsflow.testsupport.builders;
