package io.newsflow.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts the main text of an article page or an HTML fragment with jsoup.
 *
 * <p>Rules: scripts, styles, navigation, headers, footers, asides, forms and figures are dropped; the main element is
 * the {@code <article>} with the most paragraph text, else {@code <main>} or {@code [role=main]}, else {@code <body>}
 * (an {@code <h1>} is left out: it repeats the title);
 * its text is the text of its paragraphs, headings, list items and block quotes, one per line, or all its text when
 * it has none of them. No boilerplate scoring beyond that: on pages without such markup the result can include
 * menus, which is why the feed's own content wins whenever the feed carries any.
 *
 * <p>Stateless and thread-safe.
 */
public final class PageText {

    private static final String NOISE =
            "script, style, noscript, nav, header, footer, aside, form, figure, iframe, " + "svg, button, template";
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private PageText() {}

    /**
     * The main text of a whole page, lines separated by {@code \n}; empty when there is none.
     *
     * @param html    the page's bytes
     * @param charset the charset the server declared, or null to let jsoup read it from the page (default UTF-8)
     * @param baseUri the page's URL
     */
    public static String ofPage(byte[] html, String charset, String baseUri) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), charset, baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + baseUri, e); // reading a byte array does not fail
        }
        page.select(NOISE).remove();
        Element main = best(page.select("article"));
        if (main == null) {
            main = page.selectFirst("main, [role=main]");
        }
        if (main == null) {
            main = page.body();
        }
        return blocksOf(main);
    }

    /** The text of an HTML fragment (a feed's description or content), paragraphs on their own lines. */
    public static String ofFragment(String html) {
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select(NOISE).remove();
        return blocksOf(fragment.body());
    }

    private static Element best(Elements candidates) {
        Element best = null;
        int bestLength = 0;
        for (Element candidate : candidates) {
            int length = candidate.select("p").text().length();
            if (best == null || length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best;
    }

    private static String blocksOf(Element root) {
        if (root == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            // a block inside another block (p inside li, p inside blockquote) is already in its parent's text
            if (insideAnotherBlock(block, root)) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        return lines.isEmpty() ? root.text().strip() : String.join("\n", lines);
    }

    private static boolean insideAnotherBlock(Element block, Element root) {
        for (Element parent = block.parent(); parent != null && parent != root; parent = parent.parent()) {
            if (parent.is(BLOCKS)) {
                return true;
            }
        }
        return false;
    }
}
