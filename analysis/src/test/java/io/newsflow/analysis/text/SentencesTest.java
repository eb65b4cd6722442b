package io.newsflow.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> sentences(String text) {
        return Sentences.split(text).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void shouldSplitAtSentenceFinalPunctuationFollowedByCapital() {
        assertThat(sentences("Corea del Norte rechazó la carta. Trump insistió. ¿Habrá cumbre?"))
                .containsExactly("Corea del Norte rechazó la carta.", "Trump insistió.", "¿Habrá cumbre?");
    }

    @Test
    void shouldNotSplitInsideAbbreviationsOfCountries() {
        assertThat(sentences("Trump anuncia acuerdo de EE. UU. con China. Luego habló."))
                .containsExactly("Trump anuncia acuerdo de EE. UU. con China.", "Luego habló.");
    }

    @Test
    void shouldSplitAtLineBreaksAndDropBlankLines() {
        assertThat(sentences("Título\n\n  Cuerpo del texto  \n")).containsExactly("Título", "Cuerpo del texto");
    }

    @Test
    void shouldKeepClosingQuotesWithTheirSentence() {
        assertThat(sentences("Dijo: \"Hablaremos.\" Después se fue."))
                .containsExactly("Dijo: \"Hablaremos.\"", "Después se fue.");
    }
}
