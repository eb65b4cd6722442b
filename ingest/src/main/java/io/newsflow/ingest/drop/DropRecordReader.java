package io.newsflow.ingest.drop;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.ingest.Origin;
import io.newsflow.ingest.ParsedArticle;
import io.newsflow.ingest.ReadResult;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.TextDecoder;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns one {@code news-ingest} record into a {@link DropOutcome}: the normalised {@link RawArticle} (channel
 * {@link IngestChannel#KAFKA}, origin {@code news-ingest-<partition>@<offset>}) or the reason it is not one.
 *
 * <h2>Value</h2>
 * The format is sniffed ({@link DropFormat#sniff}):
 * <ul>
 *   <li>{@link DropFormat#AVRO}: read as a {@code RawArticle} with the writer schema from the registry; its title,
 *       lede, body, source, URL, language, publication time and attributes are then normalised like a file's, and
 *       its {@code articleId} is the sender's id. Its channel, origin and ingestion time are replaced by this
 *       record's.</li>
 *   <li>{@link DropFormat#JSON}: {@link ArticleFileReader#parseJson}, the fields of a {@code .json} file.</li>
 *   <li>{@link DropFormat#TEXT}: {@link ArticleFileReader#parseText}, the layout of a {@code .txt} file; except that
 *       a text of a single non-blank line (what {@code kafka-console-producer} sends, one record per line) is a
 *       headline-only news flash whose line is both title and body. A value holding C0 control bytes other than tab, line feed, vertical tab, form feed and carriage return is binary,
 *       not text, and is rejected (this is where an Avro record with a wrong magic byte ends up).</li>
 * </ul>
 * A value that starts with a UTF-16 or UTF-32 byte-order mark (Notepad's "Unicode" text, PowerShell's default) is
 * decoded in that encoding first and then sniffed and read as the UTF-8 text it holds; the attribute
 * {@code encoding} records the encoding it came in. (Sniffed raw, its NUL bytes would make it look binary, and a
 * UTF-32BE mark would look like the wire format's magic byte.)
 *
 * <p>A value that is an HTML page (it starts with {@code <!doctype html} or {@code <html}) is rejected rather than
 * published as a headline of markup; the reason points to {@code newsflow ingest FILE.html}, which extracts the text.
 *
 * <p>A value that is a whole JSON array is rejected, not read as text and not split: one record is one article, so
 * that each record has exactly one outcome (ADR 0012) and its dead letter or article can be traced to its offset.
 * The reason says to send one object per record. (A headline that merely starts with {@code [}, such as
 * "[Update] ...", is not valid JSON and stays text.)
 *
 * <p>Rejected, each with its reason: a tombstone (null value), an empty value, a value with no visible character, a
 * title or body with no visible character after normalisation, and everything the parsers and the normaliser refuse
 * (malformed JSON, missing title or body, bad id, URL, language or date, an unknown schema id, a record of
 * another schema).
 *
 * <h2>Key</h2>
 * Optional. When the value carries no id (plain text, or JSON without {@code id}), a non-blank UTF-8 key is the
 * sender's id, validated like an {@code id} field; a key that is not valid UTF-8 or not a valid id rejects the
 * record. When the value has an id ({@code id} in JSON, {@code articleId} in Avro) the key is ignored. Without a
 * key or an id, the id is derived from the URL or the text ({@code io.newsflow.ingest.ArticleIds}).
 *
 * <h2>Errors</h2>
 * Never throws for bad content. Throws only what is not the record's fault ({@link DeadLetters#blame}): a schema
 * registry that cannot be reached (the caller retries) or cannot be used at all (a wrong path, refused credentials:
 * the caller stops), so that no good record is dead-lettered.
 *
 * <p>Thread-safe when the deserializer is (the project's is).
 */
public final class DropRecordReader {

    private static final Set<Integer> INVISIBLE_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    /** Only asks whether a text value is a whole JSON array; Jackson's default nesting limit (1000) applies. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ArticleFileReader files;
    private final ArticleNormaliser normaliser;
    private final Deserializer<RawArticle> avro;

    /**
     * @param files      the file parsers, for JSON and text values
     * @param normaliser cleans text and builds the record (its clock gives {@code ingestedAt})
     * @param avro       reads wire-format {@code RawArticle} values (the project's {@code AvroWireSerde})
     */
    public DropRecordReader(ArticleFileReader files, ArticleNormaliser normaliser, Deserializer<RawArticle> avro) {
        this.files = Objects.requireNonNull(files, "files");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.avro = Objects.requireNonNull(avro, "avro");
    }

    /** The origin recorded for a record: {@code <topic>-<partition>@<offset>}, e.g. {@code news-ingest-0@17}. */
    public static Origin origin(String topic, int partition, long offset) {
        return Origin.of(topic + "-" + partition + "@" + offset);
    }

    /**
     * Reads one record.
     *
     * @param key   key bytes, nullable
     * @param value value bytes, nullable (a tombstone)
     * @throws RuntimeException only when {@link DeadLetters#isRecordFault} does not hold for it
     */
    public DropOutcome read(String topic, int partition, long offset, byte[] key, byte[] value) {
        if (value == null) {
            return invalid(null, "the record has no value (a tombstone); an article was expected");
        }
        if (value.length == 0) {
            return invalid(null, "the record value is empty; an article was expected");
        }
        Origin origin = origin(topic, partition, offset);
        String wideEncoding = null;
        Charset bom = TextDecoder.bomCharset(value, 0, value.length);
        if (bom != null && !bom.equals(StandardCharsets.UTF_8)) {
            try {
                value = TextDecoder.decode(value).text().getBytes(StandardCharsets.UTF_8);
            } catch (InvalidArticleException e) {
                return rejected(null, e);
            }
            wideEncoding = bom.name();
            if (value.length == 0) {
                return invalid(null, "the record value holds only a byte-order mark; an article was expected");
            }
        }
        DropFormat format = DropFormat.sniff(value);
        ReadResult parsed;
        switch (format) {
            case AVRO -> {
                RawArticle sent;
                try {
                    sent = avro.deserialize(topic, value);
                } catch (RuntimeException e) {
                    if (!DeadLetters.isRecordFault(e)) {
                        throw e; // an outage, or a registry the service cannot use: not the record's fault
                    }
                    return rejected(format, e);
                }
                parsed = fromAvro(origin, value, sent);
            }
            case JSON -> {
                if (!hasVisibleCharacter(new String(value, StandardCharsets.UTF_8))) {
                    return invalid(format, "the record value has no visible characters");
                }
                parsed = files.parseJson(origin, value);
            }
            default -> {
                int control = firstBinaryByte(value);
                if (control >= 0) {
                    return invalid(
                            format,
                            String.format(
                                    "the record value is binary, not text (control byte 0x%02x at offset %d); send"
                                            + " plain UTF-8 text, a JSON object, or a RawArticle in the Confluent"
                                            + " wire format (magic byte 0x00, 4-byte schema id, Avro)",
                                    value[control] & 0xff, control));
                }
                if (!hasVisibleCharacter(new String(value, StandardCharsets.UTF_8))) {
                    return invalid(format, "the record value has no visible characters");
                }
                String notAnArticle = jsonArrayProblem(value);
                if (notAnArticle == null && looksLikeHtmlPage(value)) {
                    notAnArticle = "the record value is an HTML page, not an article; send its text (plain text or a"
                            + " JSON object), or save it as .html and run 'newsflow ingest FILE', which extracts"
                            + " the article from the page";
                }
                if (notAnArticle != null) {
                    return invalid(format, notAnArticle);
                }
                parsed = files.parseText(origin, value);
                if (parsed instanceof Rejection r && r.reason().startsWith("missing body")) {
                    parsed = flash(origin, value);
                }
            }
        }
        if (parsed instanceof Rejection rejection) {
            return new DropOutcome.Rejected(format, rejection.errorClass(), rejection.reason(), null);
        }
        ParsedArticle article = (ParsedArticle) parsed;
        if (wideEncoding != null) {
            article = withEncoding(article, wideEncoding);
        }
        try {
            if (article.id() == null) {
                String keyId = keyAsId(key);
                if (keyId != null) {
                    article = withId(article, keyId);
                }
            }
            RawArticle normalised = normaliser.normalise(article, IngestChannel.KAFKA);
            requireVisible("title", normalised.getTitle());
            requireVisible("body", normalised.getBody());
            return new DropOutcome.Accepted(normalised, format);
        } catch (InvalidArticleException e) {
            return rejected(format, e);
        }
    }

    /**
     * A text of one non-blank line (what {@code kafka-console-producer} sends: one record per line) is a
     * headline-only news flash: the line is both title and body. Only called for valid UTF-8.
     */
    private static ParsedArticle flash(Origin origin, byte[] value) {
        String line =
                new String(value, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return new ParsedArticle(origin, value, null, line, null, line, null, null, null, null, Map.of());
    }

    private static ParsedArticle fromAvro(Origin origin, byte[] value, RawArticle sent) {
        Map<String, String> attributes = new LinkedHashMap<>();
        sent.getAttributes().forEach((k, v) -> attributes.put(k.toString(), v.toString()));
        return new ParsedArticle(
                origin,
                value,
                sent.getArticleId(),
                sent.getTitle(),
                sent.getLede(),
                sent.getBody(),
                sent.getDeclaredLanguage(),
                sent.getSource(),
                sent.getUrl(),
                sent.getPublishedAt(),
                attributes);
    }

    /**
     * Why a value that starts with {@code [} cannot be an article: it is a whole JSON array, or JSON nested deeper
     * than Jackson's limit (1000); null when it is not JSON at all (a headline such as "[Update] ...").
     */
    private static String jsonArrayProblem(byte[] value) {
        int i = 0;
        while (i < value.length && (value[i] == ' ' || value[i] == '\t' || value[i] == '\r' || value[i] == '\n')) {
            i++;
        }
        if (i == value.length || value[i] != '[') {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isArray()
                    ? "the record value is a JSON array; send one article per record, as a JSON object (a record"
                            + " holds one article: split the array, e.g. with jq -c '.[]')"
                    : null;
        } catch (StreamConstraintsException e) {
            return "the record value is JSON nested too deeply (" + e.getOriginalMessage() + "); send one article"
                    + " per record, as a JSON object";
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the text starts, after whitespace, with {@code <!doctype html} or {@code <html} (any case). */
    private static boolean looksLikeHtmlPage(byte[] value) {
        String head = new String(value, 0, Math.min(value.length, 256), StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static ParsedArticle withEncoding(ParsedArticle a, String encoding) {
        Map<String, String> attributes = new LinkedHashMap<>(a.attributes());
        attributes.put(ArticleFileReader.ENCODING_ATTRIBUTE, encoding);
        return new ParsedArticle(
                a.origin(),
                a.originalBytes(),
                a.id(),
                a.title(),
                a.lede(),
                a.body(),
                a.language(),
                a.source(),
                a.url(),
                a.publishedAt(),
                attributes);
    }

    private static ParsedArticle withId(ParsedArticle a, String id) {
        return new ParsedArticle(
                a.origin(),
                a.originalBytes(),
                id,
                a.title(),
                a.lede(),
                a.body(),
                a.language(),
                a.source(),
                a.url(),
                a.publishedAt(),
                a.attributes());
    }

    /** The key as the sender's id, or null when there is no usable key (absent, empty or blank). */
    private static String keyAsId(byte[] key) {
        if (key == null || key.length == 0) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException(
                    "the record key is not UTF-8 text, so it cannot serve as the article id (send no key, a text key,"
                            + " or an 'id' field)");
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return ArticleIds.senderId(text);
        } catch (InvalidArticleException e) {
            throw new InvalidArticleException("the record key serves as the article id, but " + e.getMessage());
        }
    }

    private static void requireVisible(String field, String text) {
        if (text != null && !hasVisibleCharacter(text)) {
            throw new InvalidArticleException(
                    field + " has no visible characters (only spaces, control or zero-width characters)");
        }
    }

    /** Whether {@code text} has a character that shows: not whitespace, not a control or format character. */
    static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(DropRecordReader::isVisible);
    }

    private static boolean isVisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || INVISIBLE_LETTERS.contains(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED;
    }

    /** Offset of the first C0 control byte that text does not contain, or -1. */
    static int firstBinaryByte(byte[] value) {
        for (int i = 0; i < value.length; i++) {
            int b = value[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != 0x0B && b != '\f' && b != '\r') || b == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    private static DropOutcome invalid(DropFormat format, String reason) {
        return new DropOutcome.Rejected(format, InvalidArticleException.class.getName(), reason, null);
    }

    private static DropOutcome rejected(DropFormat format, Exception e) {
        return new DropOutcome.Rejected(format, e.getClass().getName(), DeadLetters.describe(e), e);
    }
}
