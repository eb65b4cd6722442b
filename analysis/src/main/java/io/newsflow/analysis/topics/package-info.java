/**
 * Geopolitical topic tagging from a declarative rules file checked against the taxonomy TSV. Rules are evaluated per
 * sentence over resolved entity mentions and folded cue words. {@link io.newsflow.analysis.topics.TopicRules} and
 * {@link io.newsflow.analysis.topics.TopicTagger} are immutable and thread-safe; no method accepts or returns
 * {@code null}.
 *
 * <p>A taxonomy can also arrive at run time as a self-contained rules document ({@link
 * io.newsflow.analysis.topics.TaxonomyDocument}: the rules plus the topic definitions, versioned as
 * {@code <id>-v<n>}); {@link io.newsflow.analysis.topics.TaxonomyLedger} decides which document is in force and
 * {@link io.newsflow.analysis.topics.Taxonomy} is the immutable compiled result a running enricher swaps in. Invalid
 * documents are reported as {@link io.newsflow.analysis.topics.InvalidTaxonomyException} with line numbers; no Kafka
 * here: what refusing means (an exit code, a dead letter) is the caller's business. Imports the JDK, Jackson (to read the rules), hankcs Aho–Corasick, and the analysis {@code text},
 * {@code kb}, {@code linking} and root packages.
 */
package io.newsflow.analysis.topics;
