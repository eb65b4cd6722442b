package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldCreateTheDeadLetterTopicWithoutATimeOrSizeLimitSoRejectsAreKept() {
        assertThat(Topics.creationConfig(Topics.DLQ))
                .containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1");
    }

    @Test
    void shouldLeaveTheArticleTopicsWithTheBrokersRetention() {
        assertThat(Topics.creationConfig(Topics.ARTICLES_RAW))
                .doesNotContainKeys("retention.ms", "retention.bytes")
                .containsEntry("max.message.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
    }
}
