/**
 * Geopolitical topic tagging from a declarative rules file checked against the taxonomy TSV. Rules are evaluated per
 * sentence over resolved entity mentions and folded cue words. {@link io.newsflow.analysis.topics.TopicRules} and
 * {@link io.newsflow.analysis.topics.TopicTagger} are immutable and thread-safe; no method accepts or returns
 * {@code null}. Imports the JDK, Jackson (to read the rules), hankcs Aho–Corasick, and the analysis {@code text},
 * {@code kb}, {@code linking} and root packages.
 */
package io.newsflow.analysis.topics;
