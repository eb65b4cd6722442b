package io.newsflow.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Reads one article written in Markdown, with commonmark-java.
 *
 * <ul>
 *   <li>Optional front matter: when the file starts with a line {@code ---}, the lines up to the next {@code ---}
 *       line are {@code key: value} pairs (quotes around the value are removed). {@code title}, {@code id},
 *       {@code lang}, {@code source}, {@code url}, {@code published} (or {@code date}) and {@code lede} (or
 *       {@code description}) fill those fields; other keys become attributes. Only this flat form is read, not
 *       full YAML; a line that is not {@code key: value} is ignored.</li>
 *   <li>The first level-1 heading ({@code # Title} or a {@code ===}-underlined line) is the title unless the front
 *       matter gave one; it is removed from the body either way. Without either, the title is absent (see
 *       {@link ArticleNormaliser} for a missing headline).</li>
 *   <li>The rest, rendered to plain text (markup removed, link texts kept, one block per line), is the body.</li>
 * </ul>
 * Markdown nested more than {@value #MAX_DEPTH} levels deep (block quotes in block quotes, lists in lists, ...) is
 * rejected: commonmark-java renders recursively, and a few thousand levels (a few kilobytes of {@code >}) would
 * overflow the thread's stack. Its inline parser recurses too (tens of thousands of {@code *} in a row), before any
 * depth can be counted; a stack overflow while parsing is therefore caught and is a rejection as well. Both found by
 * {@code ArticleParsersFuzzTest}.
 *
 * <p>Encoding as in {@link TextDecoder}. Stateless and thread-safe.
 */
final class MarkdownArticleParser {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer RENDERER =
            TextContentRenderer.builder().build();

    /** Deepest nesting of Markdown nodes read; no prose needs more than a handful. */
    static final int MAX_DEPTH = 200;

    private MarkdownArticleParser() {}

    static ReadResult parse(Origin origin, byte[] bytes) {
        TextDecoder.Decoded decoded;
        try {
            decoded = TextDecoder.decode(bytes);
        } catch (InvalidArticleException e) {
            return Rejection.of(origin, bytes, e);
        }
        String text = decoded.text();
        Map<String, String> front = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        int bodyStart = 0;
        if (lines.length > 1 && lines[0].strip().equals("---")) {
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    for (int k = 1; k < i; k++) {
                        int colon = lines[k].indexOf(':');
                        if (colon > 0) {
                            front.put(
                                    lines[k].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                    unquote(lines[k].substring(colon + 1).strip()));
                        }
                    }
                    bodyStart = i + 1;
                    break;
                }
            }
        }
        String markdown = String.join("\n", java.util.Arrays.asList(lines).subList(bodyStart, lines.length));
        Node document;
        try {
            document = PARSER.parse(markdown);
        } catch (StackOverflowError e) {
            // commonmark-java's inline parser recurses over nested emphasis and has no depth limit to set, so tens of
            // thousands of '*' in a row overflow the stack while parsing (found by ArticleParsersFuzzTest). The parse
            // is a pure computation on objects of this call only, so nothing is left half-changed: refuse the input.
            return Rejection.invalid(
                    origin,
                    bytes,
                    "the Markdown is nested too deeply to read (thousands of emphasis markers, quotes or lists inside"
                            + " each other)");
        }
        int depth = depth(document);
        if (depth > MAX_DEPTH) {
            return Rejection.invalid(
                    origin,
                    bytes,
                    "the Markdown is nested " + depth + " levels deep (block quotes or lists inside each other); at"
                            + " most " + MAX_DEPTH + " are read");
        }
        String title = ArticleFileReader.blankToNull(front.remove("title"));
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                String headingText = RENDERER.render(heading).strip();
                if (title == null) {
                    title = headingText;
                }
                heading.unlink();
                break;
            }
        }
        unwrapLinksAndDropImages(document);
        String body = RENDERER.render(document);
        if (body.isBlank()) {
            return Rejection.invalid(origin, bytes, "missing body: the Markdown file has no text besides its title");
        }
        try {
            String id = ArticleFileReader.blankToNull(front.remove("id"));
            String lang = ArticleFileReader.blankToNull(front.remove("lang"));
            String source = ArticleFileReader.blankToNull(front.remove("source"));
            String url = ArticleFileReader.blankToNull(front.remove("url"));
            String publishedText = front.remove("published");
            String dateText = front.remove("date");
            Instant published = ArticleFileReader.published(publishedText != null ? publishedText : dateText);
            String lede = front.remove("lede");
            String description = front.remove("description");
            Map<String, String> attributes = new LinkedHashMap<>(front);
            attributes.put(ArticleFileReader.ENCODING_ATTRIBUTE, decoded.encoding());
            return new ParsedArticle(
                    origin,
                    bytes,
                    id,
                    title,
                    ArticleFileReader.blankToNull(lede != null ? lede : description),
                    body,
                    lang,
                    source,
                    url,
                    published,
                    attributes);
        } catch (InvalidArticleException e) {
            return Rejection.of(origin, bytes, e);
        }
    }

    /** The deepest nesting below {@code root}, counted without recursion (the point is not to overflow the stack). */
    private static int depth(Node root) {
        int deepest = 0;
        int depth = 0;
        Node node = root;
        while (node != null) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                deepest = Math.max(deepest, depth);
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
        return deepest;
    }

    /** Links become their text (the renderer would add the URL in brackets); images, whose alt text is no prose, go. */
    private static void unwrapLinksAndDropImages(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Image) {
                child.unlink();
            } else if (child instanceof Link) {
                Node inner = child.getFirstChild();
                while (inner != null) {
                    Node following = inner.getNext();
                    child.insertBefore(inner);
                    inner = following;
                }
                Node first = child.getPrevious();
                child.unlink();
                // the moved children may hold links or images themselves
                if (first != null) {
                    unwrapLinksAndDropImages(node);
                    return;
                }
            } else {
                unwrapLinksAndDropImages(child);
            }
            child = next;
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
