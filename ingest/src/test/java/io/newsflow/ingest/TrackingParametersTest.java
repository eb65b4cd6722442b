package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingParametersTest {

    private static final String STORY = "https://www.elpais.com/internacional/2024-06-19/pacto.html";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "utm_source=twitter",
                "UTM_Campaign=verano",
                "fbclid=IwAR2xyz",
                "gclid=Cj0KCQ",
                "mc_cid=abc&mc_eid=def",
                "igshid=MzRlODBiNWFlZA==",
                "ref_src=twsrc%5Etfw",
                "msclkid=1a2b",
                "pk_campaign=news",
                "_hsenc=p2ANqtz"
            })
    void shouldDropTrackingParametersSoTheSharedLinkGetsTheStorysId(String tracking) {
        String shared = STORY + "?" + tracking;

        assertThat(ArticleIds.canonicalUrl(shared)).isEqualTo(STORY);
        assertThat(ArticleIds.articleId(null, shared, "a", "b")).isEqualTo(ArticleIds.articleId(null, STORY, "c", "d"));
    }

    @Test
    void shouldKeepParametersThatPickThePageInTheirOrder() {
        assertThat(ArticleIds.canonicalUrl("https://example.com/read?id=42&fbclid=x&page=2&ref=home&gclid=y"))
                .isEqualTo("https://example.com/read?id=42&page=2&ref=home");
    }

    @Test
    void shouldNotTakeAParameterForTrackingBecauseItsNameContainsOne() {
        assertThat(ArticleIds.isTrackingParameter("fbclid")).isTrue();
        assertThat(ArticleIds.isTrackingParameter("notfbclid")).isFalse();
        assertThat(ArticleIds.isTrackingParameter("sutm_source")).isFalse();
    }
}
