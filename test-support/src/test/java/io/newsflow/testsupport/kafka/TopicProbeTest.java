package io.newsflow.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.testsupport.stack.RealKafkaStack;
import io.newsflow.testsupport.stack.WithRealKafkaStack;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** {@link TopicProbe} against the real local stack. */
@WithRealKafkaStack
class TopicProbeTest {

    @Test
    void shouldNameTheTopicWhenAskedToProbeOneThatDoesNotExist(RealKafkaStack stack) {
        assertThatThrownBy(() -> TopicProbe.fromBeginning(
                        stack.bootstrapServers(),
                        "topic-probe-no-such-topic",
                        new StringDeserializer(),
                        new StringDeserializer()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic-probe-no-such-topic")
                .hasMessageContaining("does not exist");
    }
}
