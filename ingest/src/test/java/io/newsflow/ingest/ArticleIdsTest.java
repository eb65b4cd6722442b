package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleIdsTest {

    @Test
    void shouldUseSenderIdTrimmed() {
        assertThat(ArticleIds.articleId("  afp-123 ", "https://x.org/a", "T", "B"))
                .isEqualTo("afp-123");
    }

    @Test
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

    @Test
    void shouldCanonicaliseUrl() {
        assertThat(ArticleIds.canonicalUrl(
                        "HTTPS://News.Example.COM:443/World/Story?utm_source=tw&id=7&UTM_Medium=x#comments"))
                .isEqualTo("https://news.example.com/World/Story?id=7");
        assertThat(ArticleIds.canonicalUrl("http://example.com")).isEqualTo("http://example.com/");
        assertThat(ArticleIds.canonicalUrl("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
    }

    @Test
    void shouldAcceptAnInternationalisedHostAsItsPunycodeForm() {
        // expected forms computed independently with Python's "idna" codec
        assertThat(ArticleIds.canonicalUrl("https://Política.elpais.com/Política/2018/a.html"))
                .isEqualTo("https://xn--poltica-9ya.elpais.com/Política/2018/a.html");
        assertThat(ArticleIds.canonicalUrl("https://user@bücher.example:8443/x"))
                .isEqualTo("https://user@xn--bcher-kva.example:8443/x");
    }

    @Test
    void shouldRejectRelativeOrNonHttpUrl() {
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("/news/1")).isInstanceOf(InvalidArticleException.class);
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("ftp://example.com/a"))
                .isInstanceOf(InvalidArticleException.class);
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("http://exa mple.com/"))
                .isInstanceOf(InvalidArticleException.class);
    }

    @Test
    void shouldDeriveSameUrlIdForUrlsDifferingOnlyInTrackingAndCase() {
        String a = ArticleIds.articleId(null, "https://EXAMPLE.com/a?utm_campaign=x", "T1", "B1");
        String b = ArticleIds.articleId(null, "https://example.com/a#frag", "T2", "B2");

        assertThat(a).isEqualTo(b).matches("url-[0-9a-f]{16}");
    }

    @Test
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

    static LongStream seeds() {
        return RandomInputs.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameInputGivesSameId(long seed) {
        Random random = new Random(seed);
        String title = text(random);
        String body = text(random);

        String first = ArticleIds.articleId(null, null, title, body);
        String second = ArticleIds.articleId(null, null, new String(title), new String(body));

        assertThat(second).isEqualTo(first).matches("txt-[0-9a-f]{16}");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void textIdIgnoresHowWordsAreSeparated(long seed) {
        Random random = new Random(seed);
        List<String> clean = new ArrayList<>();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            String word = RandomInputs.anyString(random, 8);
            clean.add(word.isEmpty() ? "w" : word.replaceAll("[\\s\\p{Cc}\\p{Z}]", "x"));
        }
        List<String> separators = new ArrayList<>();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            separators.add(RandomInputs.oneOf(random, " ", "  ", "\t", "\r\n", "\n", " \u00a0 ", "\u2028", "\u0085"));
        }
        StringBuilder spaced = new StringBuilder(separators.get(0));
        for (int i = 0; i < clean.size(); i++) {
            spaced.append(clean.get(i)).append(separators.get((i + 1) % separators.size()));
        }

        String plain = ArticleIds.articleId(null, null, "Title", String.join(" ", clean));
        String messy = ArticleIds.articleId(null, null, " Title\t", spaced.toString());

        assertThat(messy).isEqualTo(plain);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void normalisationIsIdempotent(long seed) {
        String text = text(new Random(seed));
        String once = ArticleNormaliser.normaliseText(text);

        assertThat(ArticleNormaliser.normaliseText(once)).isEqualTo(once);
        assertThat(ArticleNormaliser.normaliseLine(ArticleNormaliser.normaliseLine(text)))
                .isEqualTo(ArticleNormaliser.normaliseLine(text));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void canonicalUrlIsIdempotentAndUrlIdStable(long seed) {
        Random random = new Random(seed);
        String path = urlPart(random);
        String param = urlPart(random);
        String url = "HTTPS://Example.ORG/" + path + "?k=" + param + "&utm_source=feed#x";
        String canonical = ArticleIds.canonicalUrl(url);

        assertThat(ArticleIds.canonicalUrl(canonical)).isEqualTo(canonical);
        assertThat(ArticleIds.articleId(null, url, "a", "b"))
                .isEqualTo(ArticleIds.articleId(null, canonical, "c", "d"));
    }

    /** Any text, with one in ten made of whitespace and line separators only. */
    private static String text(Random random) {
        return random.nextInt(10) == 0 ? " \r\n\t\u00a0\u2028" : RandomInputs.anyUtf16(random, 200);
    }

    /** 1 to 12 chars of a-z and 0-9. */
    private static String urlPart(Random random) {
        String letters = RandomInputs.stringOf(random, 'a', 'z', 1, 12);
        return random.nextBoolean() ? letters : letters + RandomInputs.stringOf(random, '0', '9', 0, 3);
    }
}
