package io.newsflow.testsupport.assertions;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.TopicAssignment;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Domain assertions on {@link EnrichedArticle}: {@code assertThat(enriched).hasEntity("Q423").hasTopic("sanctions")}.
 * Failure messages list what the article does carry, so a failing test explains itself.
 */
public final class EnrichedArticleAssert extends AbstractAssert<EnrichedArticleAssert, EnrichedArticle> {

    private EnrichedArticleAssert(EnrichedArticle actual) {
        super(actual, EnrichedArticleAssert.class);
    }

    public static EnrichedArticleAssert assertThat(EnrichedArticle actual) {
        return new EnrichedArticleAssert(actual);
    }

    /** The article links an entity with this canonical id (e.g. a Wikidata QID). */
    public EnrichedArticleAssert hasEntity(String id) {
        isNotNull();
        if (entity(id).isEmpty()) {
            failWithMessage(
                    "Expected article <%s> to carry entity <%s> but it carries %s",
                    actual.getArticleId(), id, entitySummary());
        }
        return this;
    }

    /** The article links every one of these entity ids. */
    public EnrichedArticleAssert hasEntities(String... ids) {
        for (String id : ids) {
            hasEntity(id);
        }
        return this;
    }

    /** The article does not link this entity id. */
    public EnrichedArticleAssert doesNotHaveEntity(String id) {
        isNotNull();
        if (entity(id).isPresent()) {
            failWithMessage(
                    "Expected article <%s> not to carry entity <%s> but it does: %s",
                    actual.getArticleId(), id, entity(id).get());
        }
        return this;
    }

    /** Every mention of every entity has offsets inside its field, and its surface is the text found there. */
    public EnrichedArticleAssert hasMentionsMatchingTheirText() {
        isNotNull();
        for (Entity e : actual.getEntities()) {
            e.getMentions().forEach(m -> {
                String field = switch (m.getField()) {
                    case TITLE -> actual.getTitle();
                    case LEDE -> actual.getLede();
                    case BODY -> actual.getBody();
                    default -> null;
                };
                if (field == null) {
                    failWithMessage(
                            "Mention %s of %s names field %s, which the article does not have",
                            m, e.getId(), m.getField());
                    return;
                }
                int length = field.codePointCount(0, field.length());
                if (m.getStart() < 0 || m.getEnd() > length || m.getStart() >= m.getEnd()) {
                    failWithMessage("Mention %s of %s lies outside its field (%d code points)", m, e.getId(), length);
                    return;
                }
                String text = field.substring(
                        field.offsetByCodePoints(0, m.getStart()), field.offsetByCodePoints(0, m.getEnd()));
                if (!text.equals(m.getSurface())) {
                    failWithMessage(
                            "Mention %s of %s says <%s> but the text there is <%s>",
                            m, e.getId(), m.getSurface(), text);
                }
            });
        }
        return this;
    }

    /** The article is assigned this geopolitical topic, with at least one piece of evidence. */
    public EnrichedArticleAssert hasTopic(String topicId) {
        isNotNull();
        Optional<TopicAssignment> topic = actual.getTopics().stream()
                .filter(t -> t.getId().equals(topicId))
                .findFirst();
        if (topic.isEmpty()) {
            failWithMessage(
                    "Expected article <%s> to have topic <%s> but its topics are %s",
                    actual.getArticleId(), topicId, topicIds());
        } else if (topic.get().getEvidence().isEmpty()) {
            failWithMessage("Topic <%s> of article <%s> carries no evidence", topicId, actual.getArticleId());
        }
        return this;
    }

    public EnrichedArticleAssert hasTopics(String... topicIds) {
        for (String id : topicIds) {
            hasTopic(id);
        }
        return this;
    }

    public EnrichedArticleAssert hasLanguage(String code) {
        isNotNull();
        if (!actual.getLanguage().getCode().equals(code)) {
            failWithMessage(
                    "Expected language <%s> but was <%s> (confidence %s)",
                    code, actual.getLanguage().getCode(), actual.getLanguage().getConfidence());
        }
        return this;
    }

    private Optional<Entity> entity(String id) {
        return actual.getEntities().stream().filter(e -> e.getId().equals(id)).findFirst();
    }

    private List<String> entitySummary() {
        return actual.getEntities().stream()
                .map(e -> e.getId() + " " + e.getName())
                .toList();
    }

    private List<String> topicIds() {
        return actual.getTopics().stream().map(TopicAssignment::getId).toList();
    }
}
