/**
 * Text utilities shared by the analysis packages: length-preserving folding for matching, code point offsets,
 * sentence splitting. Pure functions and immutable values only; thread-safe; no argument may be {@code null}.
 * Imports nothing outside the JDK.
 */
package io.newsflow.analysis.text;
