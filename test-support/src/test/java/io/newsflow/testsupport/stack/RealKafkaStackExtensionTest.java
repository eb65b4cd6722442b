package io.newsflow.testsupport.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.newsflow.stack.StackStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs two sample test classes under {@link WithRealKafkaStack} in an engine execution of their own, standing for
 * one test JVM, and checks what they were given and that the stack is gone when that execution ends.
 */
class RealKafkaStackExtensionTest {

    private static final List<StackStatus> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void shouldShareOneStackAcrossTestClassesAndStopItWhenTheirTestsEnd() {
        SEEN.clear();

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(CreatesTopics.class), selectClass(CreatesTheSameTopicAgain.class))
                .execute();

        results.testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN)
                .extracting(StackStatus::brokerPid)
                .containsOnly(SEEN.get(0).brokerPid());
        assertThat(SEEN)
                .extracting(StackStatus::registryPid)
                .containsOnly(SEEN.get(0).registryPid());
        assertThat(SEEN).allSatisfy(status -> assertThat(status.running()).isTrue());
        assertThat(ProcessHandle.of(SEEN.get(0).brokerPid()).filter(ProcessHandle::isAlive))
                .isEmpty();
        assertThat(ProcessHandle.of(SEEN.get(0).registryPid()).filter(ProcessHandle::isAlive))
                .isEmpty();
    }

    private static void assertSingleReplicaSinglePartitionTopic(RealKafkaStack stack, String topic) throws Exception {
        try (Admin admin = stack.newAdmin()) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(1);
            assertThat(description.partitions().get(0).replicas()).hasSize(1);
        }
    }

    /** Sample: not run by surefire (a nested class), only by the engine execution above. */
    @WithRealKafkaStack
    static class CreatesTopics {
        @Test
        void createsTopics(RealKafkaStack stack) throws Exception {
            stack.createTopics("extension-sample-a", "extension-sample-b");

            assertSingleReplicaSinglePartitionTopic(stack, "extension-sample-a");
            assertSingleReplicaSinglePartitionTopic(stack, "extension-sample-b");
            SEEN.add(stack.status());
        }
    }

    /** Sample: declares a topic the other sample already created, as test classes sharing a stack do. */
    @WithRealKafkaStack
    static class CreatesTheSameTopicAgain {
        @Test
        void createsTheSameTopicAgain(RealKafkaStack stack) throws Exception {
            stack.createTopics("extension-sample-a");

            assertSingleReplicaSinglePartitionTopic(stack, "extension-sample-a");
            SEEN.add(stack.status());
        }
    }
}
