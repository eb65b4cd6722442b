package io.newsflow.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class FoldingProperties {

    @Property
    void foldingNeverChangesLength(@ForAll @StringLength(max = 200) String text) {
        assertThat(Folding.fold(text)).hasSameSizeAs(text);
    }

    @Property
    void foldingNeverChangesLengthOfAccentedAndCyrillicText(
            @ForAll
                    @StringLength(max = 200)
                    @CharRange(from = '\u00C0', to = '\u024F')
                    @CharRange(from = '\u0400', to = '\u04FF')
                    @Chars({' ', '-', '\u2019', '\u00A0'})
                    String text) {
        assertThat(Folding.fold(text)).hasSameSizeAs(text);
    }

    @Property
    void foldingIsIdempotent(@ForAll @StringLength(max = 200) String text) {
        String once = Folding.fold(text);
        assertThat(Folding.fold(once)).isEqualTo(once);
    }

    @Property
    void foldingKeepsSurrogatesInPlace(@ForAll @StringLength(max = 50) String text) {
        String folded = Folding.fold(text);
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                assertThat(folded.charAt(i)).isEqualTo(text.charAt(i));
            }
        }
    }

    @Example
    void shouldLowerCaseAndStripDiacritics() {
        assertThat(Folding.fold("Moscú, Pekín, ERDOĞAN, Łódź, Ørsted"))
                .isEqualTo("moscu, pekin, erdogan, lodz, orsted");
    }

    @Example
    void shouldTurnHyphensAndTypographicApostrophesIntoMatchableForms() {
        assertThat(Folding.fold("Kim Jong‑un’s")).isEqualTo("kim jong un's");
    }
}
