/**
 * The multilingual knowledge base: countries (with CLDR names), demonyms, Natural Earth places, a small curated list
 * of people and organisations, and the people, organisations and regions of the {@code built/} tables, each with a
 * nameable source (see {@code kb/SOURCES.md} and {@code kb/built/SOURCES.md} in the resources). Loaded once from
 * classpath resources; {@link io.newsflow.analysis.kb.KnowledgeBase} is immutable and thread-safe.
 * {@link io.newsflow.analysis.kb.KnowledgeBaseBuilder} writes the built tables from the source tables and
 * {@link io.newsflow.analysis.kb.WikidataDumpReader} adds a table from a Wikidata JSON dump; both are deterministic
 * and single-threaded. Records reject {@code null} where the field is documented as required; nullable fields say so.
 * Imports the JDK, Jackson (to stream a dump), the text package and the root API package only.
 */
package io.newsflow.analysis.kb;
