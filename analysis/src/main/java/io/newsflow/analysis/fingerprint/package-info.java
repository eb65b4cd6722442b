/**
 * Content fingerprints (SHA-256 of normalised text, 64-bit SimHash of word 3-shingles). Pure static functions,
 * thread-safe; arguments must not be {@code null}. Imports the JDK and the root API package only.
 */
package io.newsflow.analysis.fingerprint;
