package io.newsflow.ingest.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropFormatTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldTakeALeadingZeroByteForTheConfluentWireFormat() {
        assertThat(DropFormat.sniff(new byte[] {0, 0, 0, 0, 7, 2, 'a'})).isEqualTo(DropFormat.AVRO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":\"t\"}", "  \n\t{}", "\r\n{", "{"})
    void shouldTakeAnOpeningBraceAfterWhitespaceForJson(String value) {
        assertThat(DropFormat.sniff(utf8(value))).isEqualTo(DropFormat.JSON);
    }

    @Test
    void shouldSkipAByteOrderMarkBeforeTheBrace() {
        assertThat(DropFormat.sniff(utf8("\uFEFF {\"title\":\"t\"}"))).isEqualTo(DropFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Headline\nBody", "[VIDEO] Headline\nBody", "  Headline {not json}", "\u00a0{", "x"})
    void shouldTakeAnythingElseForText(String value) {
        assertThat(DropFormat.sniff(utf8(value))).isEqualTo(DropFormat.TEXT);
    }

    @Test
    void shouldTakeAWrongMagicByteForText() {
        assertThat(DropFormat.sniff(new byte[] {1, 0, 0, 0, 7, 2, 'a'})).isEqualTo(DropFormat.TEXT);
    }

    @Test
    void shouldRefuseAnEmptyValue() {
        assertThatThrownBy(() -> DropFormat.sniff(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
