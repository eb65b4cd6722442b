package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class ArticleIdsTest {

    @Example
    void shouldUseSenderIdTrimmed() {
        assertThat(ArticleIds.articleId("  afp-123 ", "https://x.org/a", "T", "B"))
                .isEqualTo("afp-123");
    }

    @Example
    void shouldRejectBlankLongOrControlCharacterSenderIds() {
        assertThatThrownBy(() -> ArticleIds.senderId("  "))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> ArticleIds.senderId("x".repeat(201)))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("201");
        assertThatThrownBy(() -> ArticleIds.senderId("a\u0000b"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("control");
        assertThat(ArticleIds.senderId("x".repeat(200))).hasSize(200);
    }

    @Example
    void shouldCanonicaliseUrl() {
        assertThat(ArticleIds.canonicalUrl(
                        "HTTPS://News.Example.COM:443/World/Story?utm_source=tw&id=7&UTM_Medium=x#comments"))
                .isEqualTo("https://news.example.com/World/Story?id=7");
        assertThat(ArticleIds.canonicalUrl("http://example.com")).isEqualTo("http://example.com/");
        assertThat(ArticleIds.canonicalUrl("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
    }

    @Example
    void shouldAcceptAnInternationalisedHostAsItsPunycodeForm() {
        // expected forms computed independently with Python's "idna" codec
        assertThat(ArticleIds.canonicalUrl("https://Política.elpais.com/Política/2018/a.html"))
                .isEqualTo("https://xn--poltica-9ya.elpais.com/Política/2018/a.html");
        assertThat(ArticleIds.canonicalUrl("https://user@bücher.example:8443/x"))
                .isEqualTo("https://user@xn--bcher-kva.example:8443/x");
    }

    @Example
    void shouldRejectRelativeOrNonHttpUrl() {
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("/news/1")).isInstanceOf(InvalidArticleException.class);
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("ftp://example.com/a"))
                .isInstanceOf(InvalidArticleException.class);
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("http://exa mple.com/"))
                .isInstanceOf(InvalidArticleException.class);
    }

    @Example
    void shouldDeriveSameUrlIdForUrlsDifferingOnlyInTrackingAndCase() {
        String a = ArticleIds.articleId(null, "https://EXAMPLE.com/a?utm_campaign=x", "T1", "B1");
        String b = ArticleIds.articleId(null, "https://example.com/a#frag", "T2", "B2");

        assertThat(a).isEqualTo(b).matches("url-[0-9a-f]{16}");
    }

    @Example
    void shouldDeriveKnownTextId() {
        // the rule spelled out independently: "txt-" + 16 hex of SHA-256 of title, newline, body
        assertThat(ArticleIds.articleId(null, null, "Title", "Body")).isEqualTo("txt-" + sha256Prefix("Title\nBody"));
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Property
    void sameInputGivesSameId(@ForAll("texts") String title, @ForAll("texts") String body) {
        String first = ArticleIds.articleId(null, null, title, body);
        String second = ArticleIds.articleId(null, null, new String(title), new String(body));

        assertThat(second).isEqualTo(first).matches("txt-[0-9a-f]{16}");
    }

    @Property
    void textIdIgnoresHowWordsAreSeparated(
            @ForAll @Size(min = 1, max = 12) List<@StringLength(min = 1, max = 8) String> words,
            @ForAll("separators") List<String> separators) {
        List<String> clean =
                words.stream().map(w -> w.replaceAll("[\\s\\p{Cc}\\p{Z}]", "x")).toList();
        StringBuilder spaced = new StringBuilder(separators.get(0));
        for (int i = 0; i < clean.size(); i++) {
            spaced.append(clean.get(i)).append(separators.get((i + 1) % separators.size()));
        }

        String plain = ArticleIds.articleId(null, null, "Title", String.join(" ", clean));
        String messy = ArticleIds.articleId(null, null, " Title\t", spaced.toString());

        assertThat(messy).isEqualTo(plain);
    }

    @Property
    void normalisationIsIdempotent(@ForAll("texts") String text) {
        String once = ArticleNormaliser.normaliseText(text);

        assertThat(ArticleNormaliser.normaliseText(once)).isEqualTo(once);
        assertThat(ArticleNormaliser.normaliseLine(ArticleNormaliser.normaliseLine(text)))
                .isEqualTo(ArticleNormaliser.normaliseLine(text));
    }

    @Property
    void canonicalUrlIsIdempotentAndUrlIdStable(@ForAll("paths") String path, @ForAll("paths") String param) {
        String url = "HTTPS://Example.ORG/" + path + "?k=" + param + "&utm_source=feed#x";
        String canonical = ArticleIds.canonicalUrl(url);

        assertThat(ArticleIds.canonicalUrl(canonical)).isEqualTo(canonical);
        assertThat(ArticleIds.articleId(null, url, "a", "b"))
                .isEqualTo(ArticleIds.articleId(null, canonical, "c", "d"));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings()
                .all()
                .ofMaxLength(200)
                .injectDuplicates(0.05)
                .edgeCases(c -> c.add(" \r\n\t\u00a0\u2028"));
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of(" ", "  ", "\t", "\r\n", "\n", " \u00a0 ", "\u2028", "\u0085")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12);
    }
}
