package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlArticleParserTest {

    private final ArticleFileReader reader = new ArticleFileReader();
    private final Origin origin = Origin.of("test page");

    /** A news page as sites publish them: head metadata, site chrome around one article, scripts, a comment. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="es">
            <head>
              <meta charset="utf-8">
              <title>Corea del Norte y Rusia firman un pacto de defensa | Diario Ejemplo</title>
              <meta name="description" content="Kim Jong-un y Vladímir Putin sellan una alianza militar.">
              <meta property="og:title" content="Corea del Norte y Rusia firman un pacto de defensa mutua">
              <meta property="og:site_name" content="Diario Ejemplo">
              <meta property="og:url" content="https://www.diarioejemplo.es/internacional/2024/06/19/pacto.html?utm_source=rss">
              <link rel="canonical" href="https://www.diarioejemplo.es/internacional/2024/06/19/pacto.html">
              <meta property="article:published_time" content="2024-06-19T08:30:00+02:00">
              <meta name="author" content="María López">
              <style>.ad { display: none }</style>
              <script>window.dataLayer = [{"section": "internacional"}];</script>
            </head>
            <body>
              <header class="site-header">
                <a href="/">Diario Ejemplo</a>
                <nav><ul><li><a href="/espana">España</a></li><li><a href="/internacional">Internacional</a></li></ul></nav>
              </header>
              <form action="/buscar"><input name="q"><button>Buscar</button></form>
              <main>
                <article>
                  <header>
                    <h1>Corea del Norte y Rusia firman un pacto de defensa mutua</h1>
                    <p class="byline">Por <a rel="author" href="/autores/mlopez">María López</a>,
                       <time datetime="2024-06-19T08:30:00+02:00">19 de junio de 2024</time></p>
                  </header>
                  <p>Kim Jong-un y Vladímir Putin firmaron el miércoles en Pionyang un acuerdo de
                     asociación estratégica integral.</p>
                  <!-- publicidad: no es texto del artículo -->
                  <div class="ad"><script>loadAd("mid")</script></div>
                  <p>El pacto incluye una cláusula de <strong>asistencia mutua</strong> en caso de agresión.<br>
                     Washington y Seúl expresaron su preocupación.</p>
                  <aside class="related"><h2>Te puede interesar</h2><ul><li>Otra noticia</li></ul></aside>
                  <h2>Reacciones</h2>
                  <p>La OTAN pidió explicaciones a Moscú.</p>
                </article>
              </main>
              <aside>Lo más leído: ...</aside>
              <footer><p>© 2024 Diario Ejemplo. Aviso legal.</p></footer>
            </body>
            </html>
            """;

    @Test
    void shouldTakeTheArticleTextWithoutSiteChromeScriptsAdsAndComments() {
        ParsedArticle article = (ParsedArticle) reader.parseHtml(origin, PAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(ArticleNormaliser.normaliseText(article.body()))
                .isEqualTo("Kim Jong-un y Vladímir Putin firmaron el miércoles en Pionyang un acuerdo de asociación"
                        + " estratégica integral.\n"
                        + "El pacto incluye una cláusula de asistencia mutua en caso de agresión.\n"
                        + "Washington y Seúl expresaron su preocupación.\n"
                        + "Reacciones\n"
                        + "La OTAN pidió explicaciones a Moscú.");
    }

    @Test
    void shouldReadTitlePublishedAuthorUrlSourceAndLanguageFromTheHead() {
        ParsedArticle article = (ParsedArticle) reader.parseHtml(origin, PAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(article.title()).isEqualTo("Corea del Norte y Rusia firman un pacto de defensa mutua");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-06-19T06:30:00Z"));
        assertThat(article.attributes())
                .containsEntry("author", "María López")
                .containsEntry("description", "Kim Jong-un y Vladímir Putin sellan una alianza militar.")
                .containsEntry("encoding", "UTF-8");
        assertThat(article.url())
                .isEqualTo("https://www.diarioejemplo.es/internacional/2024/06/19/pacto.html?utm_source=rss");
        assertThat(article.source()).isEqualTo("Diario Ejemplo");
        assertThat(article.language()).isEqualTo("es");
    }

    @Test
    void shouldFallBackToTitleElementCanonicalLinkAndBodyOnABarePage() {
        String page = """
                <html><head><title>Floods close schools in Valencia</title>
                <link rel="canonical" href="https://news.example.org/valencia-floods"></head>
                <body><p>Schools in Valencia stayed shut on Tuesday.</p><p>Rain is expected to ease.</p></body></html>
                """;

        ParsedArticle article = (ParsedArticle) reader.parseHtml(origin, page.getBytes(StandardCharsets.UTF_8));

        assertThat(article.title()).isEqualTo("Floods close schools in Valencia");
        assertThat(article.url()).isEqualTo("https://news.example.org/valencia-floods");
        assertThat(ArticleNormaliser.normaliseText(article.body()))
                .isEqualTo("Schools in Valencia stayed shut on Tuesday.\nRain is expected to ease.");
        assertThat(article.language()).isNull();
        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void shouldKeepADateThatIsNotIso8601AsAnAttributeInsteadOfRejectingThePage() {
        String page = "<html><head><meta property=\"article:published_time\" content=\"19/06/2024\"></head>"
                + "<body><article><h1>T</h1><p>Text.</p></article></body></html>";

        ParsedArticle article = (ParsedArticle) reader.parseHtml(origin, page.getBytes(StandardCharsets.UTF_8));

        assertThat(article.publishedAt()).isNull();
        assertThat(article.attributes()).containsEntry("published", "19/06/2024");
    }

    @Test
    void shouldDecodeALegacyPageByTheCharsetItDeclares() {
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "<title>Año récord</title></head><body><p>“Éxito” en la campaña.</p></body></html>";

        ParsedArticle article =
                (ParsedArticle) reader.parseHtml(origin, page.getBytes(Charset.forName("windows-1252")));

        assertThat(article.title()).isEqualTo("Año récord");
        assertThat(ArticleNormaliser.normaliseText(article.body())).isEqualTo("“Éxito” en la campaña.");
        assertThat(article.attributes()).containsEntry("encoding", "windows-1252");
    }

    @Test
    void shouldRejectAPageWithNoTextOutsideItsChrome() {
        String page = "<html><head><title>Home</title></head><body><nav><a href=/>Home</a></nav>"
                + "<footer>© Example</footer></body></html>";

        ReadResult result = reader.parseHtml(origin, page.getBytes(StandardCharsets.UTF_8));

        assertThat(result)
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.reason()).startsWith("missing body"));
    }
}
