package io.newsflow.sink;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.testsupport.builders.EnrichedArticleBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JdbcArticleStore} database must do; subclasses provide a fresh, real database per test.
 * (Not a {@code *Test} itself, so surefire runs only the concrete subclasses.)
 */
abstract class ArticleStoreContract {

    private JdbcArticleStore store;

    /** A JDBC URL of an empty database, unique to the current test. */
    abstract String freshJdbcUrl();

    JdbcArticleStore store() {
        if (store == null) {
            store = JdbcArticleStore.open(freshJdbcUrl());
        }
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void shouldMigrateEmptyDatabaseThenFindNothingToApply() {
        String url = freshJdbcUrl();

        assertThat(JdbcArticleStore.migrate(url)).isEqualTo(1);
        assertThat(JdbcArticleStore.migrate(url)).isZero();
    }

    @Test
    void shouldKeepDataWhenOpeningAlreadyMigratedDatabase() {
        String url = freshJdbcUrl();
        try (JdbcArticleStore first = JdbcArticleStore.open(url)) {
            first.writeAll(List.of(write(anEnrichedArticle().withId("kept"), 1)));
        }

        try (JdbcArticleStore second = JdbcArticleStore.open(url)) {
            assertThat(second.find("kept")).isPresent();
            assertThat(second.countArticles()).isEqualTo(1);
        }
    }

    @Test
    void shouldReadBackEveryColumnWithEntitiesAndTopics() {
        EnrichedArticle article = anEnrichedArticle()
                .withId("full")
                .withEntity("Q423", EntityType.LOC, "North Korea", 3, 0.9)
                .withEntity("Q7747", EntityType.PERSON, "Vladimir Putin", 1, 0.8)
                .withTopic("kp-ru-rapprochement", 0.75)
                .build();

        store().writeAll(List.of(new ArticleWrite(article, "news-articles-enriched", 2, 41)));

        StoredArticle stored = store().find("full").orElseThrow();
        assertThat(stored.source()).isEqualTo("Reuters");
        assertThat(stored.url()).isEqualTo("https://example.com/a-1");
        assertThat(stored.title()).isEqualTo(article.getTitle());
        assertThat(stored.lede()).isEqualTo(article.getLede());
        assertThat(stored.body()).isEqualTo(article.getBody());
        assertThat(stored.language()).isEqualTo("en");
        assertThat(stored.languageConfidence()).isEqualTo(0.97);
        assertThat(stored.publishedAt()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(stored.ingestedAt()).isEqualTo(Instant.parse("2026-11-30T00:10:00.123Z"));
        assertThat(stored.enrichedAt()).isEqualTo(Instant.parse("2026-11-30T00:10:01.456Z"));
        assertThat(stored.fingerprintSha256()).isEqualTo("ab".repeat(32));
        assertThat(stored.simhash()).isEqualTo(-8_123_456_789L);
        assertThat(stored.enrichmentVersion()).isEqualTo("0.1.0");
        assertThat(stored.kbVersion()).isEqualTo("kb-1");
        assertThat(stored.taxonomyVersion()).isEqualTo("geo-topics-v1");
        assertThat(stored.kafkaTopic()).isEqualTo("news-articles-enriched");
        assertThat(stored.kafkaPartition()).isEqualTo(2);
        assertThat(stored.kafkaOffset()).isEqualTo(41);
        assertThat(stored.entities())
                .containsExactly(
                        new StoredArticle.Entity("Q423", "LOC", "North Korea", 3, 0.9),
                        new StoredArticle.Entity("Q7747", "PERSON", "Vladimir Putin", 1, 0.8));
        assertThat(stored.topics()).containsExactly(new StoredArticle.Topic("kp-ru-rapprochement", 0.75));
        assertThat(store().articleIdsForTopic("kp-ru-rapprochement")).containsExactly("full");
    }

    @Test
    void shouldStoreNullOptionalFieldsAsNull() {
        store().writeAll(List.of(write(anEnrichedArticle().withId("bare").withoutOptionalFields(), 0)));

        StoredArticle stored = store().find("bare").orElseThrow();
        assertThat(stored.lede()).isNull();
        assertThat(stored.url()).isNull();
        assertThat(stored.publishedAt()).isNull();
    }

    @Test
    void shouldLeaveOneRowSetWhenSameArticleIsWrittenTwice() {
        ArticleWrite write = write(
                anEnrichedArticle()
                        .withId("dup")
                        .withEntity("Q423", EntityType.LOC, "North Korea", 2, 0.9)
                        .withTopic("kp-ru-rapprochement", 0.6),
                7);

        store().writeAll(List.of(write));
        store().writeAll(List.of(write));

        assertThat(store().countArticles()).isEqualTo(1);
        StoredArticle stored = store().find("dup").orElseThrow();
        assertThat(stored.entities()).hasSize(1);
        assertThat(stored.topics()).hasSize(1);
    }

    @Test
    void shouldKeepTheNewerVersionWhenAnOlderEnrichmentIsReplayedAfterIt() {
        store().writeAll(List.of(write(
                anEnrichedArticle()
                        .withId("v")
                        .withTitle("Newer")
                        .withEnrichedAt(Instant.parse("2026-12-01T10:00:00Z"))
                        .withTopic("new-topic", 0.8),
                5)));

        store().writeAll(List.of(write(
                anEnrichedArticle()
                        .withId("v")
                        .withTitle("Older")
                        .withEnrichedAt(Instant.parse("2026-12-01T09:00:00Z"))
                        .withTopic("old-topic", 0.8),
                2)));

        StoredArticle stored = store().find("v").orElseThrow();
        assertThat(stored.title()).isEqualTo("Newer");
        assertThat(stored.kafkaOffset()).isEqualTo(5);
        assertThat(stored.topics()).extracting(StoredArticle.Topic::topicId).containsExactly("new-topic");
    }

    @Test
    void shouldWriteOnlyTheNotOlderArticlesOfAMixedBatch() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        store().writeAll(List.of(
                write(anEnrichedArticle().withId("a").withTitle("A2").withEnrichedAt(t), 1)));

        store().writeAll(List.of(
                write(anEnrichedArticle().withId("a").withTitle("A1").withEnrichedAt(t.minusSeconds(60)), 2),
                write(anEnrichedArticle().withId("b").withTitle("B1").withEnrichedAt(t.minusSeconds(60)), 3)));

        assertThat(store().find("a").orElseThrow().title()).isEqualTo("A2");
        assertThat(store().find("b").orElseThrow().title()).isEqualTo("B1");
    }

    @Test
    void shouldReplaceEntitiesAndTopicsWhenArticleChanges() {
        store().writeAll(List.of(write(
                anEnrichedArticle()
                        .withId("x")
                        .withEntity("Q423", EntityType.LOC, "North Korea", 1, 0.9)
                        .withTopic("old-topic", 0.5),
                1)));

        store().writeAll(List.of(write(
                anEnrichedArticle()
                        .withId("x")
                        .withTitle("Updated")
                        .withEntity("Q159", EntityType.LOC, "Russia", 2, 0.7)
                        .withTopic("new-topic", 0.4),
                9)));

        StoredArticle stored = store().find("x").orElseThrow();
        assertThat(stored.title()).isEqualTo("Updated");
        assertThat(stored.kafkaOffset()).isEqualTo(9);
        assertThat(stored.entities()).extracting(StoredArticle.Entity::entityId).containsExactly("Q159");
        assertThat(stored.topics()).extracting(StoredArticle.Topic::topicId).containsExactly("new-topic");
        assertThat(store().articleIdsForTopic("old-topic")).isEmpty();
    }

    @Test
    void shouldKeepLastWriteOfSameIdWithinOneBatchAndMergeDuplicateEntities() {
        store().writeAll(List.of(
                write(anEnrichedArticle().withId("y").withTitle("First"), 1),
                write(
                        anEnrichedArticle()
                                .withId("y")
                                .withTitle("Second")
                                .withEntity("Q423", EntityType.LOC, "North Korea", 1, 0.5)
                                .withEntity("Q423", EntityType.LOC, "North Korea", 2, 0.9)
                                .withTopic("t", 0.2)
                                .withTopic("t", 0.8),
                        2)));

        StoredArticle stored = store().find("y").orElseThrow();
        assertThat(stored.title()).isEqualTo("Second");
        assertThat(stored.entities()).containsExactly(new StoredArticle.Entity("Q423", "LOC", "North Korea", 3, 0.9));
        assertThat(stored.topics()).containsExactly(new StoredArticle.Topic("t", 0.8));
    }

    @Test
    void shouldStoreNothingFromBatchWhenOneArticleIsRefused() {
        EnrichedArticle valid = anEnrichedArticle().withId("good").build();
        EnrichedArticle noTitle = EnrichedArticle.newBuilder(
                        anEnrichedArticle().withId("bad").build())
                .build();
        noTitle.setTitle(null);

        assertThatThrownBy(() -> store().writeAll(List.of(
                        new ArticleWrite(valid, "news-articles-enriched", 0, 1),
                        new ArticleWrite(noTitle, "news-articles-enriched", 0, 2))))
                .isInstanceOf(StoreException.class);

        assertThat(store().countArticles()).isZero();
        assertThat(store().find("good")).isEmpty();
    }

    @Test
    void shouldFindNothingForUnknownId() {
        assertThat(store().find("missing")).isEmpty();
    }

    /** The article as the sink hands it to the store: with its Kafka position. */
    private static ArticleWrite write(EnrichedArticleBuilder article, long offset) {
        return new ArticleWrite(article.build(), "news-articles-enriched", 0, offset);
    }
}
