package io.newsflow.analysis;

import java.util.List;

/**
 * One knowledge-base entity found in an article, with every mention of it.
 *
 * @param id          Wikidata QID; {@code null} for an {@link EntityKind#UNKNOWN} name
 * @param subtype     e.g. {@code country}, {@code capital}, {@code city}, {@code person}, {@code organisation}; nullable
 * @param name        canonical English name
 * @param countryCode ISO 3166 alpha-2 of the country the entity belongs to (a country's own code); nullable
 * @param confidence  0..1, the best of its mentions
 * @param mentions    in text order (title, lede, body), never empty
 */
public record LinkedEntity(
        String id,
        EntityKind kind,
        String subtype,
        String name,
        String countryCode,
        double confidence,
        List<EntityMention> mentions) {
    public LinkedEntity {
        mentions = List.copyOf(mentions);
    }
}
