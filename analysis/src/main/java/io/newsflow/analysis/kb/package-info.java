/**
 * The multilingual knowledge base: countries (with CLDR names), demonyms, Natural Earth places and a small curated
 * list of people and organisations, each with a nameable source (see {@code kb/SOURCES.md} in the resources).
 * Built once from classpath resources; {@link io.newsflow.analysis.kb.KnowledgeBase} is immutable and thread-safe.
 * Records reject {@code null} where the field is documented as required; nullable fields say so.
 * Imports the JDK, the text package and the root API package only.
 */
package io.newsflow.analysis.kb;
