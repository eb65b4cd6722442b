package io.newsflow.analysis.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransliterationsTest {

    @Test
    void shouldSpellAUkrainianNameAsEnglishAndSpanishNewsDo() {
        assertThat(Transliterations.variants("Volodymyr Zelenskyy"))
                .contains("Volodymyr Zelensky", "Volodimir Zelenski")
                .doesNotContain("Volodymyr Zelenskyy");
    }

    @Test
    void shouldSpellARussianGivenNameTheWaysThePressDoes() {
        assertThat(Transliterations.variants("Sergey Lavrov")).containsExactly("Sergei Lavrov", "Serguei Lavrov");
        assertThat(Transliterations.variants("Dmitry Medvedev")).containsExactly("Dmitri Medvedev");
        assertThat(Transliterations.forms("Yevgeny")).contains("Evgeny", "Yevgeni");
        assertThat(Transliterations.forms("Aleksey")).contains("Alexey", "Aleksei", "Alexei");
    }

    @Test
    void shouldLeaveANameNoRuleConcernsAlone() {
        assertThat(Transliterations.variants("Vladimir Putin")).isEmpty();
    }

    @Test
    void shouldBoundTheVariantsOfALongName() {
        assertThat(Transliterations.variants("Aleksey Yevgeny Dmitry Sergey Zelenskyy"))
                .hasSizeLessThanOrEqualTo(Transliterations.MAX_VARIANTS);
    }
}
