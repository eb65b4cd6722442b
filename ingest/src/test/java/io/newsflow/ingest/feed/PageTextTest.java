package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageTextTest {

    private static String page(String html) {
        return PageText.ofPage(html.getBytes(StandardCharsets.UTF_8), "UTF-8", "http://example.test/a");
    }

    @Test
    void shouldTakeTheArticleParagraphsAndDropNavigationScriptsAndFooter() {
        String text = page("<html><head><script>track()</script></head><body><nav><p>Menu</p></nav>"
                + "<article><h1>Title</h1><p>One.</p><h2>Part</h2><p>Two.</p></article>"
                + "<footer><p>Copyright</p></footer></body></html>");

        assertThat(text).isEqualTo("One.\nPart\nTwo.");
    }

    @Test
    void shouldChooseTheArticleWithTheMostParagraphText() {
        String text = page("<body><article><p>Teaser.</p></article>"
                + "<article><p>The real story, which is much longer.</p><p>More.</p></article></body>");

        assertThat(text).isEqualTo("The real story, which is much longer.\nMore.");
    }

    @Test
    void shouldFallBackToMainThenBody() {
        assertThat(page("<body><div>Menu</div><main><p>Main text.</p></main></body>"))
                .isEqualTo("Main text.");
        assertThat(page("<body><div>Only a div.</div></body>")).isEqualTo("Only a div.");
    }

    @Test
    void shouldNotRepeatAParagraphNestedInAListItem() {
        assertThat(page("<main><ul><li><p>Point.</p></li></ul></main>")).isEqualTo("Point.");
    }

    @Test
    void shouldReadFragmentsParagraphByParagraph() {
        assertThat(PageText.ofFragment("<p>First &amp; foremost.</p><p>Second.</p>"))
                .isEqualTo("First & foremost.\nSecond.");
        assertThat(PageText.ofFragment("Plain summary")).isEqualTo("Plain summary");
    }
}
