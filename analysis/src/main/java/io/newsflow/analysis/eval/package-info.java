/**
 * Quality measurement against hand-labelled gold files: entity (by Wikidata QID) and topic precision, recall and F1,
 * overall, per language and per topic, with the errors listed. Plain Java over {@link
 * io.newsflow.analysis.ArticleAnalyzer}; imports the JDK, Jackson and the root analysis package. Results are
 * immutable records; nothing here is thread-safe or needs to be.
 */
package io.newsflow.analysis.eval;
