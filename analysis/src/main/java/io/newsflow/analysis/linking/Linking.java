package io.newsflow.analysis.linking;

import io.newsflow.analysis.LinkedEntity;
import java.util.List;

/**
 * The result of linking one article.
 *
 * @param entities one per QID, ordered by first mention
 * @param mentions every resolved mention in reading order (title, lede, body; then offset)
 * @param unknownNames capitalised names the knowledge base does not know, kind {@code UNKNOWN}, no id
 */
public record Linking(List<LinkedEntity> entities, List<ResolvedMention> mentions, List<LinkedEntity> unknownNames) {
    public Linking {
        entities = List.copyOf(entities);
        mentions = List.copyOf(mentions);
        unknownNames = List.copyOf(unknownNames);
    }
}
