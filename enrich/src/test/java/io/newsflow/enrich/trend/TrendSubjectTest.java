package io.newsflow.enrich.trend;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.TrendSubjectKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which subjects an article counts for, and at which event time. */
class TrendSubjectTest {

    private static final Instant PUBLISHED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant INGESTED = Instant.parse("2026-12-01T09:30:00Z");

    @Test
    void shouldCountEachTopicAndEachEntityOfAnArticleOnce() {
        var article = anEnrichedArticle()
                .withTopic("kp-ru-rapprochement", 0.9)
                .withTopic("kp-ru-rapprochement", 0.4)
                .withEntity("Q423", EntityType.LOC, "North Korea", 3, 0.9)
                .withEntity("Q159", EntityType.LOC, "Russia", 1, 0.9)
                .withEntity("Q423", EntityType.LOC, "North Korea", 1, 0.8)
                .build();

        assertThat(TrendSubject.of(article))
                .containsExactly(
                        new TrendSubject(TrendSubjectKind.TOPIC, "kp-ru-rapprochement", "kp-ru-rapprochement"),
                        new TrendSubject(TrendSubjectKind.ENTITY, "Q423", "North Korea"),
                        new TrendSubject(TrendSubjectKind.ENTITY, "Q159", "Russia"));
    }

    @Test
    void shouldLeaveNamesTheKnowledgeBaseDoesNotKnowOutOfTrends() {
        var article = anEnrichedArticle()
                .withEntity("Q423", EntityType.LOC, "North Korea", 3, 0.9)
                .withEntity("unknown:NK News", EntityType.UNKNOWN, "NK News", 4, 0.3)
                .build();

        assertThat(TrendSubject.of(article))
                .containsExactly(new TrendSubject(TrendSubjectKind.ENTITY, "Q423", "North Korea"));
    }

    @Test
    void shouldKeySubjectsByKindAndId() {
        assertThat(new TrendSubject(TrendSubjectKind.TOPIC, "sanctions", "sanctions").key())
                .isEqualTo("topic:sanctions");
        assertThat(new TrendSubject(TrendSubjectKind.ENTITY, "Q423", "North Korea").key())
                .isEqualTo("entity:Q423");
        assertThat(TrendSubject.kindOf("entity:Q423")).isEqualTo(TrendSubjectKind.ENTITY);
        assertThat(TrendSubject.idOf("topic:kp-ru-rapprochement")).isEqualTo("kp-ru-rapprochement");
    }

    @Test
    void shouldCountAnArticleWhenItWasPublished() {
        var article = anEnrichedArticle()
                .withPublishedAt(PUBLISHED)
                .withIngestedAt(INGESTED)
                .build();

        assertThat(TrendSubject.eventTime(article)).isEqualTo(PUBLISHED);
    }

    @Test
    void shouldCountAnArticleWithoutPublicationTimeWhenItWasIngested() {
        var article = anEnrichedArticle()
                .withPublishedAt(null)
                .withIngestedAt(INGESTED)
                .build();

        assertThat(TrendSubject.eventTime(article)).isEqualTo(INGESTED);
    }

    @Test
    void shouldCountAnArticlePublishedAfterItsIngestionWhenItWasIngested() {
        var article = anEnrichedArticle()
                .withPublishedAt(INGESTED.plusSeconds(3600))
                .withIngestedAt(INGESTED)
                .build();

        assertThat(TrendSubject.eventTime(article)).isEqualTo(INGESTED);
    }
}
