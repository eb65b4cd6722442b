package io.newsflow.analysis.topics;

import static io.newsflow.analysis.topics.TaxonomyDocumentTest.SAHEL_RULES;
import static io.newsflow.analysis.topics.TaxonomyDocumentTest.document;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.topics.TaxonomyLedger.Accepted;
import io.newsflow.analysis.topics.TaxonomyLedger.Rejected;
import io.newsflow.analysis.topics.TaxonomyLedger.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaxonomyLedgerTest {

    private static final Taxonomy BUNDLED = Taxonomy.bundled();
    private TaxonomyLedger ledger;

    @BeforeEach
    void startFromTheBundledTaxonomy() {
        ledger = new TaxonomyLedger(BUNDLED);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldStartFromTheBundledGeoTopicsV1() {
        assertThat(ledger.active().name()).isEqualTo("geo-topics-v1");
        assertThat(ledger.active().id()).isEqualTo("geo-topics");
    }

    @Test
    void shouldPutANewerValidVersionInForce() {
        Verdict verdict = ledger.offer("geo-topics", utf8(document("geo-topics-v2", SAHEL_RULES)));

        assertThat(verdict).isInstanceOf(Accepted.class);
        assertThat(ledger.active().name()).isEqualTo("geo-topics-v2");
        assertThat(ledger.active().topicIds()).contains("sahel-security");
    }

    @Test
    void shouldKeepTheLastGoodVersionWhenADocumentIsInvalid() {
        ledger.offer("geo-topics", utf8(document("geo-topics-v2", SAHEL_RULES)));
        Taxonomy good = ledger.active();

        Verdict verdict = ledger.offer("geo-topics", utf8(document("geo-topics-v3", "[{\"name\": \"empty\"}]")));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        r -> assertThat(r.reason()).contains("line 13").contains("neither entities nor cues"));
        assertThat(ledger.active()).isSameAs(good);
    }

    @Test
    void shouldRefuseAnOlderVersion() {
        ledger.offer("geo-topics", utf8(document("geo-topics-v3", SAHEL_RULES)));

        Verdict verdict = ledger.offer("geo-topics", utf8(document("geo-topics-v2", SAHEL_RULES)));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).contains("older than geo-topics-v3"));
        assertThat(ledger.active().name()).isEqualTo("geo-topics-v3");
    }

    @Test
    void shouldRefuseChangedRulesUnderTheVersionInForceButAcceptTheSameTextAgain() {
        String v2 = document("geo-topics-v2", SAHEL_RULES);
        ledger.offer("geo-topics", utf8(v2));

        Verdict changed = ledger.offer("geo-topics", utf8(v2.replace("junta*", "juntas")));
        Verdict again = ledger.offer("geo-topics", utf8(v2));

        assertThat(changed)
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).contains("need a new version number"));
        assertThat(again).isInstanceOf(Accepted.class);
    }

    @Test
    void shouldRefuseADocumentUnderAnotherKeyThanItsTaxonomyId() {
        Verdict verdict = ledger.offer("other", utf8(document("geo-topics-v2", SAHEL_RULES)));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        r -> assertThat(r.reason())
                                .contains("keyed by the taxonomy id 'geo-topics'")
                                .contains("'other'"));
        assertThat(ledger.active()).isSameAs(BUNDLED);
    }

    @Test
    void shouldRefuseAnotherTaxonomyIdPublishedUnderItsOwnKey() {
        Verdict verdict = ledger.offer("geo-topics", utf8(document("other-topics-v2", SAHEL_RULES)));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).contains("other-topics-v2"));
    }

    @Test
    void shouldRefuseATombstone() {
        Verdict verdict = ledger.offer("geo-topics", null);

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).contains("tombstone"));
        assertThat(ledger.active()).isSameAs(BUNDLED);
    }
}
