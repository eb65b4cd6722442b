package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final String SPANISH = "Pyongyang y Moscú firman un pacto: “cooperación” — según la agencia €";

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void shouldDecodeValidUtf8AsUtf8() {
        TextDecoder.Decoded decoded = TextDecoder.decode(SPANISH.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.text()).isEqualTo(SPANISH);
        assertThat(decoded.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void shouldDropUtf8ByteOrderMark() {
        TextDecoder.Decoded decoded =
                TextDecoder.decode(concat(bytes(0xEF, 0xBB, 0xBF), SPANISH.getBytes(StandardCharsets.UTF_8)));

        assertThat(decoded.text()).isEqualTo(SPANISH);
        assertThat(decoded.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void shouldDecodeUtf16LittleAndBigEndianByTheirByteOrderMark() {
        byte[] le = concat(bytes(0xFF, 0xFE), SPANISH.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(bytes(0xFE, 0xFF), SPANISH.getBytes(StandardCharsets.UTF_16BE));

        assertThat(TextDecoder.decode(le)).isEqualTo(new TextDecoder.Decoded(SPANISH, "UTF-16LE"));
        assertThat(TextDecoder.decode(be)).isEqualTo(new TextDecoder.Decoded(SPANISH, "UTF-16BE"));
    }

    @Test
    void shouldDecodeUtf32LittleAndBigEndianByTheirByteOrderMark() {
        byte[] le = concat(bytes(0xFF, 0xFE, 0, 0), SPANISH.getBytes(Charset.forName("UTF-32LE")));
        byte[] be = concat(bytes(0, 0, 0xFE, 0xFF), SPANISH.getBytes(Charset.forName("UTF-32BE")));

        assertThat(TextDecoder.decode(le)).isEqualTo(new TextDecoder.Decoded(SPANISH, "UTF-32LE"));
        assertThat(TextDecoder.decode(be)).isEqualTo(new TextDecoder.Decoded(SPANISH, "UTF-32BE"));
    }

    @Test
    void shouldRejectUtf16WhoseBytesBreakTheEncodingItsMarkDeclares() {
        // a lone low surrogate (DC00) after the mark
        byte[] broken = bytes(0xFF, 0xFE, 'A', 0, 0x00, 0xDC);

        assertThatThrownBy(() -> TextDecoder.decode(broken))
                .isInstanceOf(TextDecoder.MalformedTextException.class)
                .hasMessageContaining("UTF-16LE")
                .hasMessageContaining("byte offset 4");
    }

    @Test
    void shouldDecodeWindows1252AsJavasOwnDecoderDoesForEveryDefinedByte() {
        // the oracle: the JDK's windows-1252 charset, for every byte value it defines
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x20; b <= 0xFF; b++) {
            if (b == 0x7F || b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                continue;
            }
            // 0xE9 first makes the sample invalid UTF-8 whatever b is (é not followed by continuation bytes)
            byte[] sample = bytes(0xE9, 'x', b);
            TextDecoder.Decoded decoded = TextDecoder.decode(sample);
            assertThat(decoded.encoding()).isEqualTo("windows-1252");
            assertThat(decoded.text()).as("byte %02X", b).isEqualTo(new String(sample, cp1252));
        }
    }

    @Test
    void shouldReadWindows1252NewsTextWithCurlyQuotesAndEuro() {
        String text = "El BCE sube los tipos: “una decisión difícil”, dijo Lagarde — 2 000 €";
        byte[] legacy = text.getBytes(Charset.forName("windows-1252"));

        TextDecoder.Decoded decoded = TextDecoder.decode(legacy);

        assertThat(decoded.text()).isEqualTo(text);
        assertThat(decoded.encoding()).isEqualTo("windows-1252");
    }

    @Test
    void shouldReadBytesUndefinedInWindows1252AsLatin1() {
        byte[] sample = bytes('a', 0x81, 'b', 0x9D, 0xE9);

        assertThat(TextDecoder.decode(sample).text()).isEqualTo("a\u0081b\u009D\u00E9");
    }

    @Test
    void shouldRefuseGzipDataAsBinaryInsteadOfDecodingIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(SPANISH.getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> TextDecoder.decode(out.toByteArray()))
                .isInstanceOf(TextDecoder.BinaryContentException.class)
                .hasMessageStartingWith("looks binary: gzip");
    }

    @Test
    void shouldRefuseNulBytesAsBinaryNamingTheOffset() {
        byte[] utf16WithoutMark = "Title".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> TextDecoder.decode(utf16WithoutMark))
                .isInstanceOf(TextDecoder.BinaryContentException.class)
                .hasMessageContaining("NUL byte at byte offset 1")
                .hasMessageContaining("byte-order mark");
    }

    @Test
    void shouldRefuseBytesFullOfControlCharactersAsBinary() {
        byte[] noise = new byte[200];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 3 == 0 ? 0x01 : 'a' + i % 26);
        }

        assertThatThrownBy(() -> TextDecoder.decode(noise))
                .isInstanceOf(TextDecoder.BinaryContentException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void shouldAcceptTextWithARareControlCharacter() {
        String text = "A bell \u0007 in a long enough line of ordinary news text, which is still text.";

        assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo(text);
    }
}
