package io.newsflow.ingest;

import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 *       no leading or trailing whitespace. {@linkplain #isInvisible Invisible characters} are kept where they are
 *       (the zero-width joiner and non-joiner spell words in Persian, Hindi and emoji sequences); they only count
 *       when deciding whether a headline, lede or body is empty (below).</li>
 * </ol>
 * Line structure is kept as written: a hard-wrapped paragraph stays on several lines (joining them would guess
 * wrongly for lists and verse). Titles and attribute values go through {@link #normaliseLine}, which joins the lines
 * with one space.
 * Both functions are idempotent: normalising normalised text changes nothing.
 *
 * <p>Article rules ({@link #normalise}):
 * <ul>
 *   <li>A body that is empty after the text rules (nothing but whitespace, control and invisible characters) is
 *       rejected.</li>
 *   <li>A headline that is missing, blank or invisible-only is not a rejection: the first sentence of the body
 *       ({@link #firstSentence}) stands in, and the attribute {@value #TITLE_SOURCE_ATTRIBUTE} =
 *       {@value #TITLE_FROM_FIRST_SENTENCE} says so.</li>
 *   <li>A headline longer than {@value #MAX_TITLE_CHARS} characters (after joining its lines) is rejected: it is
 *       not a headline but text in the wrong place (a file whose first "line" is the whole article, a feed that
 *       puts the story in its title), and stored as a title it would break every list that shows titles.</li>
 *   <li>An article whose text (title, lede, body, URL, source, attribute names and values, in UTF-8) is larger than
 *       the limit ({@code ingest.max.article.bytes}) is rejected with an {@link ArticleTooLargeException}, before
 *       anything reaches Kafka.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ArticleNormaliser {

    /** Attribute saying where the title came from when it is not the sender's headline. */
    public static final String TITLE_SOURCE_ATTRIBUTE = "titleSource";
    /** Value of {@value #TITLE_SOURCE_ATTRIBUTE} when the body's first sentence stands in for a missing headline. */
    public static final String TITLE_FROM_FIRST_SENTENCE = "first-sentence";
    /** Longest stand-in title, in characters; a longer first sentence is cut at a word and ends with "…". */
    public static final int MAX_STAND_IN_TITLE_CHARS = 200;
    /** Longest headline accepted, in characters (UTF-16 units); real headlines stay far below a few hundred. */
    public static final int MAX_TITLE_CHARS = 2_000;
    /** Default of the article size limit: 4 MiB of text. */
    public static final int DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024;

    private final Clock clock;
    private final String defaultSource;
    private final long maxArticleBytes;

    /**
     * A normaliser with the default size limit ({@value #DEFAULT_MAX_ARTICLE_BYTES} bytes).
     *
     * @param clock         gives {@code ingestedAt}
     * @param defaultSource the source used when an article declares none (normally {@code ingest.source})
     */
    public ArticleNormaliser(Clock clock, String defaultSource) {
        this(clock, defaultSource, DEFAULT_MAX_ARTICLE_BYTES);
    }

    /** A normaliser with the settings of {@code config}: default source and size limit. */
    public ArticleNormaliser(Clock clock, IngestConfig config) {
        this(clock, config.source(), config.maxArticleBytes());
    }

    /**
     * @param clock           gives {@code ingestedAt}
     * @param defaultSource   the source used when an article declares none (normally {@code ingest.source})
     * @param maxArticleBytes the largest article text accepted, in UTF-8 bytes (normally
     *                        {@code ingest.max.article.bytes}); positive
     */
    public ArticleNormaliser(Clock clock, String defaultSource, long maxArticleBytes) {
        if (maxArticleBytes <= 0) {
            throw new IllegalArgumentException("maxArticleBytes must be positive, got " + maxArticleBytes);
        }
        this.maxArticleBytes = maxArticleBytes;
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
     * @throws InvalidArticleException when the body is empty after normalisation, or the id, URL or language tag is
     *                                 invalid (see {@link ArticleIds})
     * @throws ArticleTooLargeException when the article's text is over the size limit
     */
    public RawArticle normalise(ParsedArticle article, IngestChannel channel) {
        String body = normaliseText(article.body());
        if (isBlankOrInvisible(body)) {
            throw new InvalidArticleException(
                    "body is empty after removing control characters, invisible characters and whitespace");
        }
        String title = article.title() == null ? "" : normaliseLine(article.title());
        boolean standIn = isBlankOrInvisible(title);
        if (title.length() > MAX_TITLE_CHARS) {
            throw new InvalidArticleException("title is " + title.length() + " characters long; a headline has at most "
                    + MAX_TITLE_CHARS + " (send long text as the body, after a short first line)");
        }
        if (standIn) {
            title = firstSentence(body, article.language());
        }
        String lede =
                article.lede() == null || isBlankOrInvisible(article.lede()) ? null : normaliseText(article.lede());
        String url = article.url() == null ? null : ArticleIds.canonicalUrl(article.url());
        String language = article.language() == null ? null : languageTag(article.language());
        String source = article.source() == null ? null : emptyToNull(normaliseLine(article.source()));
        Map<String, String> attributes = new LinkedHashMap<>();
        article.attributes().forEach((k, v) -> attributes.put(k, normaliseLine(v)));
        if (standIn) {
            attributes.put(TITLE_SOURCE_ATTRIBUTE, TITLE_FROM_FIRST_SENTENCE);
        }
        long size = utf8Length(title) + utf8Length(lede) + utf8Length(body) + utf8Length(url) + utf8Length(source);
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            size += utf8Length(e.getKey()) + utf8Length(e.getValue());
        }
        if (size > maxArticleBytes) {
            throw new ArticleTooLargeException(size, maxArticleBytes);
        }
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

    /**
     * The first sentence of the first line of normalised {@code body}, to stand in for a missing headline: sentence
     * boundaries of {@link BreakIterator} for the declared language (root rules when none), at most
     * {@value #MAX_STAND_IN_TITLE_CHARS} characters (cut at the last space and ended with "…" when longer).
     *
     * @param language declared language tag, nullable
     */
    public static String firstSentence(String body, String language) {
        String paragraph = normaliseText(body)
                .lines()
                .filter(line -> !isBlankOrInvisible(line))
                .findFirst()
                .orElse("");
        Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language.replace('_', '-'));
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        sentences.setText(paragraph);
        int end = sentences.next();
        String sentence = (end == BreakIterator.DONE ? paragraph : paragraph.substring(0, end)).strip();
        if (sentence.length() > MAX_STAND_IN_TITLE_CHARS) {
            int cut = sentence.lastIndexOf(' ', MAX_STAND_IN_TITLE_CHARS - 1);
            if (cut <= 0) {
                cut = MAX_STAND_IN_TITLE_CHARS - 1;
                if (Character.isHighSurrogate(sentence.charAt(cut - 1))) {
                    cut--;
                }
            }
            sentence = sentence.substring(0, cut).strip() + "\u2026";
        }
        return sentence;
    }

    /**
     * Whether the code point is invisible: it draws nothing and carries no text. The soft hyphen U+00AD, the
     * combining grapheme joiner U+034F, the Mongolian vowel separator U+180E, zero-width space, non-joiner and joiner
     * U+200B–U+200D, the marks U+200E and U+200F, the bidi embeddings and overrides U+202A–U+202E, the word joiner
     * and invisible operators U+2060–U+2064, the bidi isolates U+2066–U+2069 and the byte-order mark U+FEFF.
     */
    public static boolean isInvisible(int cp) {
        return cp == 0x00AD
                || cp == 0x034F
                || cp == 0x180E
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF;
    }

    /**
     * Whether the text has nothing to read: only whitespace, control characters and {@linkplain #isInvisible invisible
     * characters}.
     */
    public static boolean isBlankOrInvisible(String text) {
        return text.codePoints()
                .allMatch(cp -> isWhitespace(cp) || isInvisible(cp) || Character.getType(cp) == Character.CONTROL);
    }

    private static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * One pass over the composed text: CR LF, CR, NEL, U+2028 and U+2029 end a line like LF; whitespace runs become
     * one space; control characters go. ASCII, nearly all of the text, takes a branch of plain comparisons: this loop
     * is most of what ingest costs per article (a regex for the line breaks and three character-class lookups per
     * character made it the top of the profile, 2026-12-04).
     */
    private static List<String> cleanLines(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = composed.length();
        for (int i = 0; i <= n; ) {
            int cp;
            if (i == n) {
                cp = '\n';
                i++;
            } else {
                char c = composed.charAt(i);
                if (c < 0x80) {
                    cp = c;
                    i++;
                    if (c == '\r') {
                        cp = '\n';
                        if (i < n && composed.charAt(i) == '\n') {
                            i++;
                        }
                    }
                } else {
                    cp = composed.codePointAt(i);
                    i += Character.charCount(cp);
                    if (cp == 0x0085 || cp == 0x2028 || cp == 0x2029) {
                        cp = '\n';
                    }
                }
            }
            if (cp == '\n') {
                // composed again: removing a control character can bring a letter and a combining mark together
                String cleaned = Normalizer.normalize(line.toString().strip(), Normalizer.Form.NFC);
                line.setLength(0);
                if (!cleaned.isEmpty()) {
                    lines.add(cleaned);
                }
            } else if (cp < 0x80) {
                if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F)) {
                    appendSpace(line);
                } else if (cp >= 0x20 && cp != 0x7F) {
                    line.append((char) cp);
                } // else an ASCII control character: dropped
            } else if (isWhitespace(cp)) {
                appendSpace(line);
            } else if (Character.getType(cp) != Character.CONTROL) {
                line.appendCodePoint(cp);
            }
        }
        return lines;
    }

    private static void appendSpace(StringBuilder line) {
        if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
            line.append(' ');
        }
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
