package io.newsflow.analysis;

/**
 * One occurrence of an entity.
 *
 * @param start     Unicode code point offset into the field, inclusive
 * @param end       Unicode code point offset into the field, exclusive
 * @param surface   the original text between start and end
 * @param matchedBy {@code name}, {@code alias}, {@code demonym} or {@code short-name}
 */
public record EntityMention(TextField field, int start, int end, String surface, String matchedBy) {}
