package io.newsflow.ingest.drop;

import io.newsflow.schemas.serde.WireFormat;

/**
 * The format of a {@code news-ingest} record value, told from its first bytes (there is no content-type header to
 * trust: the console producer, kcat and Kafka UIs send none).
 *
 * <ol>
 *   <li>First byte {@code 0x00}: {@link #AVRO}, a {@code RawArticle} in the Confluent wire format (magic byte 0,
 *       4-byte schema id, Avro binary). No text starts with a NUL byte.</li>
 *   <li>Else, after an optional UTF-8 byte-order mark and any whitespace (space, tab, CR, LF, FF, VT), first byte
 *       {@code '{'}: {@link #JSON}, one object with the fields of a {@code .json} article file.</li>
 *   <li>Else {@link #TEXT}: the layout of a {@code .txt} article file (first line the headline, then lede and
 *       body).</li>
 * </ol>
 * A headline that really starts with {@code '{'} must therefore be sent as JSON. Pure and thread-safe.
 */
public enum DropFormat {
    /** A {@code RawArticle} in the Confluent wire format. */
    AVRO,
    /** A JSON object with the fields of a {@code .json} article file. */
    JSON,
    /** Plain UTF-8 text: headline line, then lede and body. */
    TEXT;

    /**
     * The format of a record value.
     *
     * @param value the value bytes; not null and not empty (a tombstone or an empty value has no format)
     */
    public static DropFormat sniff(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("an empty value has no format");
        }
        if (value[0] == WireFormat.MAGIC_BYTE) {
            return AVRO;
        }
        int i = startsWithBom(value) ? 3 : 0;
        while (i < value.length && isAsciiWhitespace(value[i])) {
            i++;
        }
        return i < value.length && value[i] == '{' ? JSON : TEXT;
    }

    private static boolean startsWithBom(byte[] value) {
        return value.length >= 3 && (value[0] & 0xff) == 0xEF && (value[1] & 0xff) == 0xBB && (value[2] & 0xff) == 0xBF;
    }

    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B;
    }
}
