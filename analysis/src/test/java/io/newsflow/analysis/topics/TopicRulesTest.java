package io.newsflow.analysis.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicRulesTest {
    static final String TAXONOMY = "id\tlabel_en\nkp-ru-rapprochement\tx\nterrorism\ty\n";

    static String rules(String topics) {
        return """
        {"taxonomy": "test-v1", "threshold": 0.5, "saturation": 2.0,
         "fieldWeights": {"TITLE": 2.0, "LEDE": 1.5, "BODY": 1.0},
         "cueSets": {"alignment": ["acercamiento*", "treaty"]},
         "topics": %s}""".formatted(topics);
    }

    @Test
    void shouldShipRulesForEveryTopicOfTheTaxonomy() {
        TopicRules shipped = TopicRules.fromClasspath();

        assertThat(shipped.taxonomy()).isEqualTo("geo-topics-v1");
        assertThat(shipped.topics()).hasSize(18);
        assertThat(shipped.topics()).allSatisfy(t -> assertThat(t.rules()).isNotEmpty());
    }

    @Test
    void shouldRejectARulesFileThatLeavesATaxonomyTopicOut() {
        String json = rules("""
        {"kp-ru-rapprochement": [{"name": "r", "entities": [["KP"], ["RU"]], "cues": [["@alignment"]]}]}""");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TopicRules.parse(json, TAXONOMY))
                .withMessageContaining("terrorism");
    }

    @Test
    void shouldRejectAnUnknownCueSet() {
        String json = rules("""
        {"kp-ru-rapprochement": [{"name": "r", "cues": [["@nope"]]}], "terrorism": [{"name": "t", "cues": [["terror*"]]}]}""");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TopicRules.parse(json, TAXONOMY))
                .withMessageContaining("@nope");
    }

    @Test
    void shouldRejectAMalformedEntityToken() {
        String json = rules("""
        {"kp-ru-rapprochement": [{"name": "r", "entities": [["North Korea"]]}], "terrorism": [{"name": "t", "cues": [["terror*"]]}]}""");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TopicRules.parse(json, TAXONOMY))
                .withMessageContaining("North Korea");
    }

    @Test
    void shouldExpandCueSetsAndFoldCues() {
        String json = rules("""
        {"kp-ru-rapprochement": [{"name": "r", "entities": [["KP"], ["RU"]], "cues": [["@alignment", "Cooperación militar"]]}],
         "terrorism": [{"name": "t", "cues": [["terror*"]]}]}""");

        TopicRule rule =
                TopicRules.parse(json, TAXONOMY).topics().get(0).rules().get(0);
        assertThat(rule.cues()).containsExactly(List.of("acercamiento*", "treaty", "cooperacion militar"));
    }

    @Test
    void shouldGiveADifferentRulesVersionWhenTheRulesOrTheTaxonomyChange() {
        String version = TopicRules.rulesVersion("{\"a\":1}", "id\nx\n");

        assertThat(version).matches("rules-[0-9a-f]{8}");
        assertThat(TopicRules.rulesVersion("{\"a\":1}", "id\nx\n")).isEqualTo(version);
        assertThat(TopicRules.rulesVersion("{\"a\":2}", "id\nx\n")).isNotEqualTo(version);
        assertThat(TopicRules.rulesVersion("{\"a\":1}", "id\ny\n")).isNotEqualTo(version);
    }
}
