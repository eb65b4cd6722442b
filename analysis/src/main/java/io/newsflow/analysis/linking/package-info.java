/**
 * Entity linking: finds knowledge-base surface forms in article text and resolves each to one entity, with
 * code point offsets that map back to the original text exactly. {@link io.newsflow.analysis.linking.EntityLinker}
 * is immutable and thread-safe; results never contain {@code null} except where a record documents it.
 * Imports the JDK and the analysis {@code text}, {@code kb} and root packages.
 */
package io.newsflow.analysis.linking;
