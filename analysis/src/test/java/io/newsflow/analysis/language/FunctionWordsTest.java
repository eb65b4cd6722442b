package io.newsflow.analysis.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionWordsTest {
    private static final FunctionWords WORDS = FunctionWords.forLanguages(LanguageIdentifier.DEFAULT_LANGUAGES);

    @Test
    void shouldListEachWordUnderOneLanguageOnly() {
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, List<String>> e : FunctionWords.lists().entrySet()) {
            for (String word : e.getValue()) {
                assertThat(seen.put(word, e.getKey()))
                        .as("'%s' is listed under %s and %s", word, seen.get(word), e.getKey())
                        .isNull();
            }
        }
        assertThat(FunctionWords.lists()).containsOnlyKeys("en", "es", "fr", "de", "pt", "it", "nl");
    }

    @Test
    void shouldDecideAParagraphThatIsPlainlyInOneLanguage() {
        // es-news fnc-train-403 and en-news wn2019-89, first sentences
        assertThat(WORDS.decisive("Las autoridades italianas negaron el domingo la entrada a sus puertos del barco"
                        + " Aquarius, que transporta a más de 600 migrantes rescatados en el Mediterráneo, y el"
                        + " Gobierno de España se ofreció a recibirlo en el puerto de Valencia, según dijo el"
                        + " presidente."))
                .contains("es");
        assertThat(WORDS.decisive("The call was quickly seconded by German Chancellor Angela Merkel and British Prime"
                        + " Minister Boris Johnson, who said that the fires in the Amazon would be on the agenda of"
                        + " the summit of the Group of Seven, which is held this weekend in France."))
                .contains("en");
    }

    @Test
    void shouldLeaveATextWithFewOrMixedFunctionWordsToTheModels() {
        assertThat(WORDS.decisive("Trump, Putin, Kim Jong Un: Hanoi, Moscow, Pyongyang, Washington."))
                .isEmpty();
        assertThat(WORDS.decisive("The minister said that el presidente dijo que the talks were over, según the"
                        + " agency, y también that los ministros had left."))
                .isEmpty();
    }
}
