package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one article file into {@link ReadResult}s. The format follows the extension (case-insensitive):
 *
 * <h2>{@code .txt}: one article</h2>
 * The first non-blank line is the title. Then, after any blank lines, the next paragraph (lines up to the next blank
 * line) is the lede; when the text after the title has no blank line at all (blank lines at the end of the file,
 * such as its final line break, do not count), only its first line is the lede. A paragraph line starting with
 * {@code "- "} or {@code "• "} (a related-links bullet) ends the lede early: bullets and
 * everything after the lede form the body. When nothing is left for the body, the lede paragraph becomes the body
 * and there is no lede. No other structure is guessed.
 *
 * <h2>{@code .json}: one object; {@code .jsonl}: one object per line</h2>
 * Fields: {@code id} (optional), {@code title} (optional: see {@link ArticleNormaliser} for a missing headline),
 * {@code body} or {@code text} ({@code body} wins when both are given), optional {@code lede}, {@code lang},
 * {@code source}, {@code url}, {@code published} (ISO-8601 date, date-time with offset or {@code Z}, or local
 * date-time read as UTC). Other string fields become attributes; other non-string fields are ignored. Duplicate
 * field names are an error. In {@code .jsonl} every non-blank line is accepted or rejected on its own, with its
 * 1-based line number in the origin and its own bytes as the original.
 *
 * <h2>{@code .html}, {@code .htm}: one article page</h2>
 * See {@link HtmlArticleParser}: the main text without navigation, headers, footers, asides, scripts, styles, forms
 * and comments (from {@code <article>} or {@code <main>} when the page has one), and the title, publication time,
 * author, canonical URL, site name and language from the usual meta tags.
 *
 * <h2>{@code .md}, {@code .markdown}: one article</h2>
 * See {@link MarkdownArticleParser}: optional YAML-style front matter, the first level-1 heading is the title, the
 * rest rendered to plain text is the body.
 *
 * <h2>Encoding</h2>
 * Decided by {@link TextDecoder}: a byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8 when the bytes are valid
 * UTF-8, else (for HTML) the charset the page declares, else Windows-1252. The encoding used is recorded as the
 * attribute {@value #ENCODING_ATTRIBUTE}. Bytes that look binary (a NUL byte, a compressed or image file signature,
 * many control characters) are rejected with a reason starting "looks binary", never decoded. In {@code .jsonl}
 * each line is decoded on its own (a file with a UTF-16 or UTF-32 byte-order mark is decoded whole, and each line's
 * original bytes are its text in that encoding); a binary {@code .jsonl} file is one rejection for the whole file.
 *
 * <p>A blank body rejects the item with the reason. The file is read into memory whole.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleFileReader {

    /** Extensions this reader understands, lower-case, without the dot. */
    public static final Set<String> EXTENSIONS = Set.of("txt", "json", "jsonl", "html", "htm", "md", "markdown");

    /** Attribute recording the encoding the item was decoded from, e.g. {@code UTF-8} or {@code windows-1252}. */
    public static final String ENCODING_ATTRIBUTE = "encoding";

    /**
     * Base names (case-insensitive, before the first dot) of files that are project or folder documentation, not
     * articles: in a folder they are skipped with a note.
     */
    public static final Set<String> NOT_ARTICLE_NAMES = Set.of(
            "readme",
            "changelog",
            "changes",
            "history",
            "license",
            "licence",
            "copying",
            "notice",
            "authors",
            "contributors",
            "contributing",
            "code_of_conduct",
            "security",
            "todo",
            "install");

    private static final Set<String> KNOWN_FIELDS =
            Set.of("id", "title", "body", "text", "lede", "lang", "source", "url", "published");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The lower-case extension of a file name, or empty when it has none. */
    public static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether this reader understands the file's extension. */
    public static boolean isSupported(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /**
     * Why a file found in a folder is not an article, or empty when it may be one: hidden files (name starting with
     * a dot), documentation such as {@code README.md}, {@code CHANGELOG}, {@code LICENSE.txt} (see
     * {@link #NOT_ARTICLE_NAMES}), and extensions this reader does not understand.
     */
    public static Optional<String> notAnArticle(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.startsWith(".")) {
            return Optional.of("not an article: hidden file");
        }
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (NOT_ARTICLE_NAMES.contains(base)) {
            return Optional.of("not an article: " + name + " is documentation of the folder");
        }
        if (!isSupported(file)) {
            return Optional.of("not an article: unsupported file type; expected one of ."
                    + String.join(", .", EXTENSIONS.stream().sorted().toList()));
        }
        return Optional.empty();
    }

    /**
     * Reads the file.
     *
     * @return the items in file order; empty for an empty {@code .jsonl} file
     * @throws IllegalArgumentException when the extension is not one of {@link #EXTENSIONS}
     * @throws IOException              when the file cannot be read
     */
    public List<ReadResult> read(Path file) throws IOException {
        String extension = extension(file);
        if (!EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException("Unsupported file type '" + file + "': expected one of " + EXTENSIONS);
        }
        byte[] bytes = Files.readAllBytes(file);
        return switch (extension) {
            case "txt" -> List.of(parseText(Origin.file(file), bytes));
            case "json" -> List.of(parseJson(Origin.file(file), bytes));
            case "html", "htm" -> List.of(parseHtml(Origin.file(file), bytes));
            case "md", "markdown" -> List.of(parseMarkdown(Origin.file(file), bytes));
            default -> readJsonLines(file, bytes);
        };
    }

    /**
     * Parses one article in the {@code .txt} layout (title line, lede paragraph, body) from bytes that came from
     * anywhere: a file, a record of the drop topic, an HTTP request body.
     */
    public ReadResult parseText(Origin origin, byte[] bytes) {
        TextDecoder.Decoded decoded;
        try {
            decoded = TextDecoder.decode(bytes);
        } catch (InvalidArticleException e) {
            return Rejection.of(origin, bytes, e);
        }
        String text = decoded.text();
        List<String> lines = Arrays.asList(text.split("\r\n|[\r\n\u0085\u2028\u2029]", -1));
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i == lines.size()) {
            return Rejection.invalid(origin, bytes, "missing body: the file has no non-blank line");
        }
        String title = lines.get(i++);
        List<String> rest = lines.subList(i, lines.size());
        // trailing blank lines (the file's final line break among them) separate nothing
        int contentEnd = rest.size();
        while (contentEnd > 0 && rest.get(contentEnd - 1).isBlank()) {
            contentEnd--;
        }
        boolean hasBlankLine = rest.subList(0, contentEnd).stream().anyMatch(String::isBlank);
        int start = 0;
        while (start < rest.size() && rest.get(start).isBlank()) {
            start++;
        }
        int end = start;
        while (end < rest.size()
                && !rest.get(end).isBlank()
                && !isBullet(rest.get(end))
                && (hasBlankLine || end == start)) {
            end++;
        }
        String lede = String.join("\n", rest.subList(start, end));
        int bodyStart = end;
        while (bodyStart < rest.size() && rest.get(bodyStart).isBlank()) {
            bodyStart++;
        }
        String body = String.join("\n", rest.subList(bodyStart, rest.size()));
        if (body.isBlank()) {
            body = lede;
            lede = null;
        }
        if (body.isBlank()) {
            return Rejection.invalid(origin, bytes, "missing body: the file has a title line and nothing else");
        }
        return new ParsedArticle(
                origin,
                bytes,
                null,
                title,
                lede == null || lede.isBlank() ? null : lede,
                body,
                null,
                null,
                null,
                null,
                Map.of(ENCODING_ATTRIBUTE, decoded.encoding()));
    }

    private static boolean isBullet(String line) {
        String s = line.stripLeading();
        return s.startsWith("- ") || s.startsWith("• ");
    }

    /** Parses one article given as a JSON object ({@code .json} fields) from bytes that came from anywhere. */
    public ReadResult parseJson(Origin origin, byte[] bytes) {
        try {
            TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
            return readJsonObject(origin, bytes, decoded.text(), decoded.encoding());
        } catch (InvalidArticleException e) {
            return Rejection.of(origin, bytes, e);
        }
    }

    /** Parses one HTML article page from bytes that came from anywhere; see {@link HtmlArticleParser}. */
    public ReadResult parseHtml(Origin origin, byte[] bytes) {
        return HtmlArticleParser.parse(origin, bytes);
    }

    /** Parses one Markdown article from bytes that came from anywhere; see {@link MarkdownArticleParser}. */
    public ReadResult parseMarkdown(Origin origin, byte[] bytes) {
        return MarkdownArticleParser.parse(origin, bytes);
    }

    private List<ReadResult> readJsonLines(Path file, byte[] bytes) {
        Charset bom = TextDecoder.bomCharset(bytes, 0, bytes.length);
        if (bom != null && !bom.equals(StandardCharsets.UTF_8)) {
            return readWideJsonLines(file, bytes, bom);
        }
        try {
            TextDecoder.refuseBinary(bytes, 0, bytes.length);
        } catch (InvalidArticleException e) {
            return List.of(Rejection.of(Origin.file(file), bytes, e));
        }
        List<ReadResult> results = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 1;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            int lineEnd = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i;
            byte[] lineBytes = Arrays.copyOfRange(bytes, lineStart, lineEnd);
            Origin origin = Origin.line(file, lineNumber);
            try {
                TextDecoder.Decoded line = TextDecoder.decode(bytes, lineStart, lineEnd, null);
                if (!line.text().isBlank()) {
                    results.add(readJsonObject(origin, lineBytes, line.text(), line.encoding()));
                }
            } catch (InvalidArticleException e) {
                results.add(Rejection.of(origin, lineBytes, e));
            }
            lineStart = i + 1;
            lineNumber++;
        }
        return results;
    }

    /** A JSON-lines file in UTF-16 or UTF-32 (it has a byte-order mark): decoded whole, then split into lines. */
    private List<ReadResult> readWideJsonLines(Path file, byte[] bytes, Charset charset) {
        String text;
        try {
            text = TextDecoder.decode(bytes).text();
        } catch (InvalidArticleException e) {
            return List.of(Rejection.of(Origin.file(file), bytes, e));
        }
        List<ReadResult> results = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            if (!line.isBlank()) {
                results.add(readJsonObject(Origin.line(file, n + 1), line.getBytes(charset), line, charset.name()));
            }
        }
        return results;
    }

    private ReadResult readJsonObject(Origin origin, byte[] bytes, String text, String encoding) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            // a JSON-lines item is one line already named by its origin: only the column then says more
            String where = e.getLocation() == null
                    ? ""
                    : " at column " + e.getLocation().getColumnNr()
                            + (origin.line() > 0
                                    ? ""
                                    : " of line " + e.getLocation().getLineNr());
            return Rejection.of(origin, bytes, new InvalidJsonException(where + ": " + e.getOriginalMessage(), e));
        }
        if (node == null || !node.isObject()) {
            return Rejection.invalid(
                    origin,
                    bytes,
                    "expected a JSON object, got "
                            + (node == null
                                    ? "nothing"
                                    : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        try {
            String title = optionalText(node, "title");
            String body = optionalText(node, "body");
            if (body == null || body.isBlank()) {
                body = optionalText(node, "text");
            }
            if (body == null || body.isBlank()) {
                return Rejection.invalid(
                        origin, bytes, "missing body: the fields 'body' and 'text' are absent or blank");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!KNOWN_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
                    attributes.put(field.getKey(), field.getValue().textValue());
                }
            }
            attributes.put(ENCODING_ATTRIBUTE, encoding);
            return new ParsedArticle(
                    origin,
                    bytes,
                    optionalText(node, "id"),
                    title,
                    blankToNull(optionalText(node, "lede")),
                    body,
                    blankToNull(optionalText(node, "lang")),
                    blankToNull(optionalText(node, "source")),
                    blankToNull(optionalText(node, "url")),
                    published(optionalText(node, "published")),
                    attributes);
        } catch (InvalidArticleException e) {
            return Rejection.of(origin, bytes, e);
        }
    }

    private static String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (field.equals("id") && value.isIntegralNumber()) {
            return value.asText();
        }
        throw new InvalidArticleException("field '" + field + "' must be a string, got "
                + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Parses {@code published}: an ISO-8601 date (midnight UTC), date-time with offset, or local date-time (UTC). */
    static Instant published(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        for (Parser parser : PARSERS) {
            Optional<Instant> parsed = parser.parse(s);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw new InvalidArticleException(
                "published '" + s + "' is not an ISO-8601 date (2026-11-30) or date-time (2026-11-30T08:15:00Z)");
    }

    private interface Parser {
        Instant parseOrThrow(String s);

        default Optional<Instant> parse(String s) {
            try {
                return Optional.of(parseOrThrow(s));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    private static final List<Parser> PARSERS = List.of(
            s -> OffsetDateTime.parse(s).toInstant(),
            s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
            s -> LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());

    /** The text is not valid JSON; the message says where. */
    public static final class InvalidJsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidJsonException(String message, Throwable cause) {
            super("invalid JSON" + message, cause);
        }
    }
}
