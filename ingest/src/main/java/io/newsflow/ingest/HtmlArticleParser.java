package io.newsflow.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads one news article page written in HTML, with jsoup.
 *
 * <h2>Text</h2>
 * The text comes from the page's {@code <article>} (the one with the most text when there are several), else its
 * {@code <main>} or {@code [role=main]}, else its {@code <body>}. Boilerplate is removed first: {@code script},
 * {@code style}, {@code noscript}, {@code template}, {@code nav}, {@code header}, {@code footer}, {@code aside},
 * {@code form}, {@code button}, {@code iframe}, {@code svg}, elements with the roles navigation, banner,
 * contentinfo, complementary or search, elements marked {@code hidden} or {@code aria-hidden="true"}, and comments.
 * Block elements (paragraphs, headings, list items, ...) and {@code <br>} end a line; whitespace inside a block is
 * collapsed, except in {@code <pre>}. An {@code <h1>} whose text is the title is not repeated in the body.
 *
 * <h2>Fields from the {@code <head>}</h2>
 * <ul>
 *   <li>title: {@code og:title}, else {@code twitter:title}, else the first {@code <h1>} of the text, else
 *       {@code <title>}; absent when none has text;</li>
 *   <li>publication time: {@code article:published_time}, else {@code itemprop=datePublished}, else
 *       {@code name=date}, else the first {@code <time datetime>} of the text; a value that is not ISO-8601 is kept
 *       as the attribute {@code published} instead of rejecting the page;</li>
 *   <li>author (attribute {@code author}): {@code name=author}, else {@code article:author}, else
 *       {@code rel=author} link text;</li>
 *   <li>URL: {@code og:url}, else {@code <link rel=canonical>}, only when absolute http(s);</li>
 *   <li>language: {@code <html lang>}, else {@code og:locale}, only when it looks like a language tag;</li>
 *   <li>source: {@code og:site_name};</li>
 *   <li>attribute {@code description}: {@code description} or {@code og:description}.</li>
 * </ul>
 *
 * <h2>Encoding</h2>
 * {@link TextDecoder}, with the charset the page declares ({@code <meta charset>} or
 * {@code http-equiv=Content-Type}) as the fallback when the bytes are not valid UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlArticleParser {

    private static final String BOILERPLATE = "script, style, noscript, template, nav, header, footer, aside, form,"
            + " button, iframe, svg, [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
            + " [role=search], [hidden], [aria-hidden=true]";

    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*");

    private HtmlArticleParser() {}

    static ReadResult parse(Origin origin, byte[] bytes) {
        TextDecoder.Decoded decoded;
        try {
            decoded = TextDecoder.decode(bytes, 0, bytes.length, declaredCharset(bytes));
        } catch (InvalidArticleException e) {
            return Rejection.of(origin, bytes, e);
        }
        Document page = Jsoup.parse(decoded.text());
        Map<String, String> attributes = new LinkedHashMap<>();

        String title = first(
                meta(page, "og:title"),
                meta(page, "twitter:title"),
                text(page.selectFirst("article h1, main h1, [role=main] h1, h1")),
                page.title());
        String published = first(
                meta(page, "article:published_time"),
                attr(page, "[itemprop=datePublished]", "content"),
                attr(page, "[itemprop=datePublished]", "datetime"),
                meta(page, "date"),
                attr(page, "time[datetime]", "datetime"));
        Instant publishedAt = null;
        if (published != null) {
            try {
                publishedAt = ArticleFileReader.published(published);
            } catch (InvalidArticleException e) {
                attributes.put("published", published);
            }
        }
        String author =
                first(meta(page, "author"), meta(page, "article:author"), text(page.selectFirst("a[rel=author]")));
        if (author != null) {
            attributes.put("author", author);
        }
        String description = first(meta(page, "description"), meta(page, "og:description"));
        if (description != null) {
            attributes.put("description", description);
        }
        String url = absoluteHttp(first(meta(page, "og:url"), attr(page, "link[rel=canonical]", "href")));
        String language = languageTag(first(
                page.selectFirst("html") == null
                        ? null
                        : page.selectFirst("html").attr("lang"),
                meta(page, "og:locale")));
        String source = meta(page, "og:site_name");

        String body = mainText(page, title);
        if (body.isBlank()) {
            return Rejection.invalid(
                    origin,
                    bytes,
                    "missing body: the page has no text outside navigation, headers, footers, asides, scripts and"
                            + " forms");
        }
        attributes.put(ArticleFileReader.ENCODING_ATTRIBUTE, decoded.encoding());
        return new ParsedArticle(
                origin, bytes, null, title, null, body, language, source, url, publishedAt, attributes);
    }

    /** The article's text, one block per line. */
    static String mainText(Document page, String title) {
        page.select(BOILERPLATE).remove();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        return node instanceof Comment ? FilterResult.REMOVE : FilterResult.CONTINUE;
                    }
                },
                page);
        Element root = root(page);
        if (title != null) {
            for (Element h1 : root.select("h1")) {
                if (ArticleNormaliser.normaliseLine(h1.text()).equals(ArticleNormaliser.normaliseLine(title))) {
                    h1.remove();
                }
            }
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            Element parent = text.parent();
                            boolean pre = parent != null && parent.closest("pre") != null;
                            out.append(pre ? text.getWholeText() : text.text());
                        } else if (node instanceof Element element
                                && (element.isBlock() || element.normalName().equals("br"))) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && element.isBlock()) {
                            out.append('\n');
                        }
                    }
                },
                root);
        return out.toString();
    }

    private static Element root(Document page) {
        Elements articles = page.select("article");
        if (!articles.isEmpty()) {
            Element best = articles.first();
            for (Element a : articles) {
                if (a.text().length() > best.text().length()) {
                    best = a;
                }
            }
            return best;
        }
        Element main = page.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        return page.body() == null ? page : page.body();
    }

    private static String meta(Document page, String name) {
        for (Element meta : page.select("meta[property=" + name + "], meta[name=" + name + "]")) {
            String content = meta.attr("content");
            if (!content.isBlank()) {
                return content.strip();
            }
        }
        return null;
    }

    private static String attr(Document page, String selector, String attribute) {
        Element element = page.selectFirst(selector);
        return element == null || element.attr(attribute).isBlank()
                ? null
                : element.attr(attribute).strip();
    }

    private static String text(Element element) {
        return element == null ? null : element.text();
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.strip();
            }
        }
        return null;
    }

    private static String absoluteHttp(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
    }

    private static String languageTag(String tag) {
        return tag != null && LANGUAGE_TAG.matcher(tag).matches() ? tag : null;
    }

    /** The charset a page declares in its first 4 KiB, when Java knows it; null otherwise. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            Charset declared = Charset.forName(m.group(1));
            // as browsers do (WHATWG Encoding): a page labelled Latin-1 or ASCII is read as Windows-1252
            return declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII)
                    ? null
                    : declared;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
