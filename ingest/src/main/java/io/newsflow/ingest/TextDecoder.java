package io.newsflow.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Turns the bytes of an article into text, recording which encoding was used, and refuses bytes that are not text.
 *
 * <p>Order of decisions for {@code bytes[from, to)}:
 * <ol>
 *   <li>A byte-order mark decides: UTF-8 ({@code EF BB BF}), UTF-32LE ({@code FF FE 00 00}, tested before UTF-16LE),
 *       UTF-32BE ({@code 00 00 FE FF}), UTF-16LE ({@code FF FE}), UTF-16BE ({@code FE FF}). The text is decoded
 *       strictly in that encoding without the mark; malformed input is a {@link MalformedTextException} naming the
 *       encoding and the byte offset.</li>
 *   <li>Without a mark, bytes that look binary are refused with a {@link BinaryContentException}: a known file
 *       signature (gzip, zip, PDF, PNG, JPEG, GIF, xz, 7z, zstd, ELF, Java class, OLE2), any NUL byte (binary data,
 *       or UTF-16/UTF-32 text without a mark), or more than 2% of bytes being C0 control characters other than tab,
 *       line feed, vertical tab, form feed, carriage return and escape. Binary input is never decoded as
 *       Windows-1252.</li>
 *   <li>Bytes that are valid UTF-8 are UTF-8 (plain ASCII included).</li>
 *   <li>Otherwise the bytes are read as Windows-1252 (the usual legacy encoding of Western web pages and Office
 *       exports; a superset of the printable range of ISO-8859-1). The five byte values Windows-1252 leaves
 *       undefined ({@code 81 8D 8F 90 9D}) are read as in ISO-8859-1, i.e. as C1 control characters, which the
 *       normaliser then removes. Callers that know better (an HTML {@code <meta charset>}) pass a fallback
 *       charset instead.</li>
 * </ol>
 * The encoding name recorded ({@link Decoded#encoding()}) is {@code UTF-8}, {@code UTF-16LE}, {@code UTF-16BE},
 * {@code UTF-32LE}, {@code UTF-32BE}, {@code windows-1252} or the fallback charset's name.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextDecoder {

    /** Name recorded for the Windows-1252 fallback. */
    public static final String WINDOWS_1252 = "windows-1252";

    private static final double MAX_CONTROL_RATIO = 0.02;

    private TextDecoder() {}

    /**
     * Decoded text and the encoding it was read in.
     *
     * @param text     the text, without a byte-order mark
     * @param encoding the encoding's name, see the class comment
     */
    public record Decoded(String text, String encoding) {
        public Decoded {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(encoding, "encoding");
        }
    }

    /** Decodes all of {@code bytes}; see the class comment. */
    public static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length, null);
    }

    /**
     * Decodes {@code bytes[from, to)}; see the class comment.
     *
     * @param fallback charset for bytes that are neither marked nor valid UTF-8; null for Windows-1252
     * @throws BinaryContentException when the bytes look binary
     * @throws MalformedTextException when the bytes do not follow the encoding their byte-order mark declares; the
     *                                offset is counted from the start of {@code bytes}, so it points into the file
     */
    public static Decoded decode(byte[] bytes, int from, int to, Charset fallback) {
        Bom bom = Bom.of(bytes, from, to);
        if (bom != null) {
            int start = from + bom.length;
            return new Decoded(strict(bom.charset, bytes, start, to), bom.charset.name());
        }
        refuseBinary(bytes, from, to);
        if (isUtf8(bytes, from, to)) {
            return new Decoded(new String(bytes, from, to - from, StandardCharsets.UTF_8), "UTF-8");
        }
        if (fallback != null && !fallback.equals(StandardCharsets.UTF_8)) {
            return new Decoded(new String(bytes, from, to - from, fallback), fallback.name());
        }
        return new Decoded(windows1252(bytes, from, to), WINDOWS_1252);
    }

    /** The byte-order mark at {@code bytes[from]}, if any, and the charset it declares; null without one. */
    public static Charset bomCharset(byte[] bytes, int from, int to) {
        Bom bom = Bom.of(bytes, from, to);
        return bom == null ? null : bom.charset;
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b, int from, int to) {
            int n = to - from;
            if (n >= 3 && u(b[from]) == 0xEF && u(b[from + 1]) == 0xBB && u(b[from + 2]) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (n >= 4 && u(b[from]) == 0xFF && u(b[from + 1]) == 0xFE && b[from + 2] == 0 && b[from + 3] == 0) {
                return new Bom(Charset.forName("UTF-32LE"), 4);
            }
            if (n >= 4 && b[from] == 0 && b[from + 1] == 0 && u(b[from + 2]) == 0xFE && u(b[from + 3]) == 0xFF) {
                return new Bom(Charset.forName("UTF-32BE"), 4);
            }
            if (n >= 2 && u(b[from]) == 0xFF && u(b[from + 1]) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            if (n >= 2 && u(b[from]) == 0xFE && u(b[from + 1]) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            return null;
        }
    }

    private static int u(byte b) {
        return b & 0xFF;
    }

    private static String strict(Charset charset, byte[] bytes, int from, int to) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((to - from) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedTextException(charset.name(), in.position());
        }
        out.flip();
        return out.toString();
    }

    /** Whether {@code bytes[from, to)} is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF). */
    static boolean isUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = u(bytes[i]);
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            int cp;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min = 0x80;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                min = 0x800;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                min = 0x10000;
                cp = b & 0x07;
            } else {
                return false;
            }
            if (i + need >= to) {
                return false;
            }
            for (int k = 1; k <= need; k++) {
                int c = u(bytes[i + k]);
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }

    /** Windows-1252 code points of bytes 0x80..0x9F; 0 where Windows-1252 defines none (read as ISO-8859-1). */
    private static final char[] CP1252_HIGH = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039',
        '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC',
        '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'
    };

    private static String windows1252(byte[] bytes, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            int b = u(bytes[i]);
            char c = (char) b;
            if (b >= 0x80 && b <= 0x9F && CP1252_HIGH[b - 0x80] != 0) {
                c = CP1252_HIGH[b - 0x80];
            }
            chars[i - from] = c;
        }
        return new String(chars);
    }

    private record Signature(String name, byte[] magic) {}

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("gzip-compressed data", HEX.parseHex("1F 8B")),
            new Signature("a zip archive (or .docx, .xlsx, .odt, .epub)", HEX.parseHex("50 4B 03 04")),
            new Signature("a PDF document", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
            new Signature("a PNG image", HEX.parseHex("89 50 4E 47 0D 0A 1A 0A")),
            new Signature("a JPEG image", HEX.parseHex("FF D8 FF")),
            new Signature("a GIF image", "GIF8".getBytes(StandardCharsets.US_ASCII)),
            new Signature("xz-compressed data", HEX.parseHex("FD 37 7A 58 5A 00")),
            new Signature("a 7z archive", HEX.parseHex("37 7A BC AF 27 1C")),
            new Signature("zstd-compressed data", HEX.parseHex("28 B5 2F FD")),
            new Signature("an ELF executable", HEX.parseHex("7F 45 4C 46")),
            new Signature("a Java class file", HEX.parseHex("CA FE BA BE")),
            new Signature("an OLE2 document (old .doc or .xls)", HEX.parseHex("D0 CF 11 E0 A1 B1 1A E1")));

    static void refuseBinary(byte[] bytes, int from, int to) {
        for (Signature s : SIGNATURES) {
            if (to - from >= s.magic.length
                    && Arrays.equals(bytes, from, from + s.magic.length, s.magic, 0, s.magic.length)) {
                throw new BinaryContentException("looks binary: " + s.name + " (starts with "
                        + HEX.formatHex(s.magic, 0, Math.min(4, s.magic.length)) + "), not text");
            }
        }
        int controls = 0;
        for (int i = from; i < to; i++) {
            int b = u(bytes[i]);
            if (b == 0) {
                throw new BinaryContentException("looks binary: NUL byte at byte offset " + i
                        + " (binary data, or UTF-16/UTF-32 text without a byte-order mark)");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != 0x0B && b != '\f' && b != '\r' && b != 0x1B) {
                controls++;
            }
        }
        if (controls > 0 && controls > MAX_CONTROL_RATIO * (to - from)) {
            throw new BinaryContentException(
                    "looks binary: " + controls + " of " + (to - from) + " bytes are control characters, not text");
        }
    }

    /** The bytes are not text (see {@link TextDecoder}); the message says why, starting with "looks binary". */
    public static final class BinaryContentException extends InvalidArticleException {
        private static final long serialVersionUID = 1L;

        BinaryContentException(String message) {
            super(message);
        }
    }

    /** The bytes do not follow the encoding their byte-order mark declares; the message names it and the offset. */
    public static final class MalformedTextException extends InvalidArticleException {
        private static final long serialVersionUID = 1L;

        MalformedTextException(String encoding, long offset) {
            super("malformed " + encoding + " (declared by the byte-order mark) at byte offset " + offset);
        }
    }
}
