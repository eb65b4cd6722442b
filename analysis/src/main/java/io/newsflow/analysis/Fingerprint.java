package io.newsflow.analysis;

/**
 * Content fingerprints of the normalised title and body.
 *
 * @param sha256  lower-case hex SHA-256: equal only for the same normalised text
 * @param simhash 64-bit SimHash of word 3-shingles: near-duplicates differ in few bits
 */
public record Fingerprint(String sha256, long simhash) {}
