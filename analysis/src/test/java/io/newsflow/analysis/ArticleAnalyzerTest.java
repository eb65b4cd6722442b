package io.newsflow.analysis;

import static io.newsflow.analysis.ArticleTextBuilder.anArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ArticleAnalyzerTest {

    @Test
    void shouldRejectAnArticleWithoutTitle() {
        assertThatNullPointerException().isThrownBy(() -> new ArticleText(null, null, "body", null));
    }

    @Test
    void shouldExposeTheDetectedLanguageEvenWhenTheSenderDeclaredAnother() {
        Analysis analysis = SharedAnalyzer.get()
                .analyze(anArticle()
                        .withTitle("Russia and North Korea sign a treaty")
                        .withBody(
                                "The two governments signed a mutual defence treaty in Pyongyang on Wednesday, officials said.")
                        .declaredAs("es")
                        .build());

        assertThat(analysis.language().code()).isEqualTo("en");
    }

    @Test
    void shouldTagTheIssuesFlagshipEnglishCaseAndLinkRussiaThroughItsDemonym() {
        // the case of issue 9: one sentence that is the whole article, with no headline to carry the topic
        Analysis analysis = SharedAnalyzer.get()
                .analyze(anArticle()
                        .withTitle("")
                        .withBody("North Korean leader Kim Jong Un met Russian President Vladimir Putin in Moscow on"
                                + " Wednesday, where the two discussed military cooperation and signed a strategic"
                                + " partnership treaty.")
                        .build());

        assertThat(analysis.topics()).extracting(TopicMatch::id).contains("kp-ru-rapprochement");
        assertThat(analysis.entities())
                .filteredOn(e -> e.id().equals("Q159"))
                .singleElement()
                .satisfies(russia -> assertThat(russia.mentions())
                        .extracting(EntityMention::surface, EntityMention::matchedBy)
                        .containsExactly(org.assertj.core.api.Assertions.tuple("Russian", "demonym")));
    }

    @Test
    void shouldAnalyseABodyLongerThanTheLimitOnItsFirstCharactersOnly() {
        // a name just inside the limit is read, the same name just past it is not: the time an article takes stays
        // bounded whatever its length (it is analysed inside a transaction with a timeout)
        String body =
                bodyOf(ArticleAnalyzer.MAX_ANALYSED_CHARS - "Sevilla.".length()) + "Sevilla. Córdoba acoge la cumbre.";

        Analysis analysis = SharedAnalyzer.get()
                .analyze(anArticle().withTitle("Una cumbre").withBody(body).build());

        assertThat(mentionSurfaces(analysis)).contains("Madrid", "Sevilla").doesNotContain("Córdoba");
        EntityMention sevilla = analysis.entities().stream()
                .flatMap(e -> e.mentions().stream())
                .filter(m -> m.surface().equals("Sevilla"))
                .findFirst()
                .orElseThrow();
        // the text holds no character outside the BMP, so code-point offsets are char offsets here
        assertThat(body.substring(sevilla.start(), sevilla.end())).isEqualTo("Sevilla");
    }

    @Test
    void shouldAnalyseABodyOfExactlyTheLimitWhole() {
        String body = bodyOf(ArticleAnalyzer.MAX_ANALYSED_CHARS - "Córdoba.".length()) + "Córdoba.";
        assertThat(body).hasSize(ArticleAnalyzer.MAX_ANALYSED_CHARS);

        Analysis analysis = SharedAnalyzer.get()
                .analyze(anArticle().withTitle("Una cumbre").withBody(body).build());

        assertThat(mentionSurfaces(analysis)).contains("Madrid", "Córdoba");
    }

    /** "Madrid" in its first sentence, then sentences without names, {@code length} characters ending in a space. */
    private static String bodyOf(int length) {
        StringBuilder body = new StringBuilder("Madrid acoge una reunión. ");
        String filler = "Una frase sin nombres que se repite. ";
        while (body.length() + filler.length() <= length) {
            body.append(filler);
        }
        body.append(" ".repeat(length - body.length()));
        return body.toString();
    }

    private static List<String> mentionSurfaces(Analysis analysis) {
        return analysis.entities().stream()
                .flatMap(e -> e.mentions().stream())
                .map(EntityMention::surface)
                .toList();
    }

    @Test
    void shouldReturnUndeterminedLanguageForAnEmptyArticle() {
        Analysis analysis = SharedAnalyzer.get()
                .analyze(anArticle().withTitle("").withBody("").build());

        assertThat(analysis.language()).isEqualTo(LanguageGuess.undetermined());
        assertThat(analysis.entities()).isEmpty();
        assertThat(analysis.topics()).isEmpty();
    }

    @Test
    void shouldGiveTheSameFingerprintWhenOnlyWhitespaceAndCaseDiffer() {
        Analysis a = SharedAnalyzer.get()
                .analyze(anArticle()
                        .withTitle("Kim meets Putin")
                        .withBody("Talks in  Vladivostok.")
                        .build());
        Analysis b = SharedAnalyzer.get()
                .analyze(anArticle()
                        .withTitle("KIM MEETS PUTIN")
                        .withBody("Talks in\nVladivostok")
                        .build());

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    @Test
    void shouldBeUsableFromManyThreadsAtOnce() throws Exception {
        ArticleText text = SeedArticleTest.seed();
        Analysis expected = SharedAnalyzer.get().analyze(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Analysis>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> SharedAnalyzer.get().analyze(text)));
            }
            for (Future<Analysis> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
