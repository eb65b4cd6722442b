package io.newsflow.analysis.topics;

import java.util.List;
import java.util.Objects;

/**
 * One declarative rule, evaluated per sentence. It fires when every entity group has a member in the sentence,
 * every cue group has a cue in the sentence, and every context group has a member anywhere in the article.
 *
 * @param name     unique within its topic; shown in evidence
 * @param entities groups of entity tokens (see {@link EntityToken}); empty means no entity requirement
 * @param cues     groups of folded cue forms ({@code word}, {@code stem*}, multi-word); each group needs its own
 *                 occurrence (one word cannot serve two groups); empty means none required
 * @param context  groups of entity tokens required somewhere in the article
 * @param contextMinMentions how many mentions each context group needs (1 = mentioned at all; 3 = a main subject)
 * @param unless   folded cue forms that veto the rule in a sentence ("sanciones" next to "FIFA" is not a policy)
 * @param unlessEntities entity tokens whose mention in a sentence vetoes the rule there (a weapons treaty in a
 *                 sentence naming Iran belongs to Iran's nuclear programme, not to arms control in general)
 * @param weight   strength of one firing sentence (before the field weight)
 */
public record TopicRule(
        String name,
        List<List<EntityToken>> entities,
        List<List<String>> cues,
        List<List<EntityToken>> context,
        int contextMinMentions,
        List<String> unless,
        List<EntityToken> unlessEntities,
        double weight) {
    public TopicRule {
        unless = List.copyOf(unless);
        unlessEntities = List.copyOf(unlessEntities);
        Objects.requireNonNull(name, "name");
        entities = entities.stream().map(List::copyOf).toList();
        cues = cues.stream().map(List::copyOf).toList();
        context = context.stream().map(List::copyOf).toList();
        if (entities.isEmpty() && cues.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " requires neither entities nor cues");
        }
        if (contextMinMentions < 1) {
            throw new IllegalArgumentException("rule " + name + ": contextMinMentions must be at least 1");
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("rule " + name + " needs a positive weight");
        }
    }
}
