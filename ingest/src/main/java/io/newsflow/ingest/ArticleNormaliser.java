package io.newsflow.ingest;

import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Cleans the text of a {@link ParsedArticle} and builds the {@link RawArticle} that goes to
 * {@code news-articles-raw}.
 *
 * <p>Text rules ({@link #normaliseText}), applied in this order:
 * <ol>
 *   <li>Unicode NFC;</li>
 *   <li>line endings {@code \r\n}, {@code \r}, U+0085, U+2028 and U+2029 become {@code \n};</li>
 *   <li>control characters (Unicode category Cc) other than {@code \n} and {@code \t} are removed;</li>
 *   <li>every run of other whitespace (spaces, tabs, no-break spaces, ...) becomes one space, and each line is
 *       trimmed;</li>
 *   <li>each line is composed to NFC again (removing a control character can bring a letter and a combining mark
 *       together);</li>
 *   <li>blank lines are dropped, so paragraphs (lines) are separated by exactly one {@code \n} and the text has
 *       no leading or trailing whitespace.</li>
 * </ol>
 * Line structure is kept as written: a hard-wrapped paragraph stays on several lines (joining them would guess
 * wrongly for lists and verse). Titles and attribute values go through {@link #normaliseLine}, which joins the lines
 * with one space.
 * Both functions are idempotent: normalising normalised text changes nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArticleNormaliser {

    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\u0085\u2028\u2029]");

    private final Clock clock;
    private final String defaultSource;

    /**
     * @param clock         gives {@code ingestedAt}
     * @param defaultSource the source used when an article declares none (normally {@code ingest.source})
     */
    public ArticleNormaliser(Clock clock, String defaultSource) {
        this.clock = Objects.requireNonNull(clock, "clock");
        String source = normaliseLine(Objects.requireNonNull(defaultSource, "defaultSource"));
        if (source.isEmpty()) {
            throw new IllegalArgumentException("defaultSource must not be blank");
        }
        this.defaultSource = source;
    }

    /**
     * Builds the normalised record.
     *
     * @throws InvalidArticleException when the title or body is empty after normalisation, or the id, URL or
     *                                 language tag is invalid (see {@link ArticleIds})
     */
    public RawArticle normalise(ParsedArticle article, IngestChannel channel) {
        String title = normaliseLine(article.title());
        String body = normaliseText(article.body());
        if (title.isEmpty()) {
            throw new InvalidArticleException("title is empty after removing control characters and whitespace");
        }
        if (body.isEmpty()) {
            throw new InvalidArticleException("body is empty after removing control characters and whitespace");
        }
        String lede = emptyToNull(article.lede() == null ? null : normaliseText(article.lede()));
        String url = article.url() == null ? null : ArticleIds.canonicalUrl(article.url());
        String language = article.language() == null ? null : languageTag(article.language());
        String source = article.source() == null ? null : emptyToNull(normaliseLine(article.source()));
        Map<String, String> attributes = new LinkedHashMap<>();
        article.attributes().forEach((k, v) -> attributes.put(k, normaliseLine(v)));
        return RawArticle.newBuilder()
                .setArticleId(ArticleIds.articleId(article.id(), url, title, body))
                .setSource(source == null ? defaultSource : source)
                .setChannel(channel)
                .setOrigin(article.origin().toString())
                .setUrl(url)
                .setTitle(title)
                .setLede(lede)
                .setBody(body)
                .setDeclaredLanguage(language)
                .setPublishedAt(article.publishedAt())
                .setIngestedAt(clock.instant())
                .setAttributes(attributes)
                .build();
    }

    /** Normalises multi-paragraph text; see the class comment. Never returns null. */
    public static String normaliseText(String text) {
        return String.join("\n", cleanLines(text));
    }

    /** Normalises text that must be a single line (titles, names, attribute values). Never returns null. */
    public static String normaliseLine(String text) {
        return String.join(" ", cleanLines(text));
    }

    private static List<String> cleanLines(String text) {
        String unified = LINE_BREAKS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFC))
                .replaceAll("\n");
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = unified.length();
        for (int i = 0; i <= n; ) {
            int cp = i < n ? unified.codePointAt(i) : '\n';
            i += i < n ? Character.charCount(cp) : 1;
            if (cp == '\n') {
                // composed again: removing a control character can bring a letter and a combining mark together
                String cleaned = Normalizer.normalize(line.toString().strip(), Normalizer.Form.NFC);
                line.setLength(0);
                if (!cleaned.isEmpty()) {
                    lines.add(cleaned);
                }
            } else if (isWhitespace(cp)) {
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
            } else if (Character.getType(cp) != Character.CONTROL) {
                line.appendCodePoint(cp);
            }
        }
        return lines;
    }

    private static boolean isWhitespace(int cp) {
        return cp == '\t' || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private static String languageTag(String declared) {
        String tag = normaliseLine(declared).replace('_', '-');
        if (tag.isEmpty()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            throw new InvalidArticleException(
                    "lang '" + tag + "' is not a BCP 47 language tag such as 'en' or 'pt-BR'");
        }
        return tag;
    }
}
