package io.newsflow.analysis.linking;

import io.newsflow.analysis.TextField;
import io.newsflow.analysis.kb.AliasKind;
import io.newsflow.analysis.kb.KbEntity;

/**
 * A mention after disambiguation, in {@code char} offsets of its field: the form the topic rules consume.
 *
 * @param start char index, inclusive
 * @param end   char index, exclusive
 */
public record ResolvedMention(TextField field, int start, int end, KbEntity entity, AliasKind kind, double confidence) {

    /** Whether this mention counts for its entity's country in country-level rules (demonyms do). */
    public boolean standsForCountry() {
        return entity.standsForCountry() || (kind == AliasKind.DEMONYM && entity.countryCode() != null);
    }
}
