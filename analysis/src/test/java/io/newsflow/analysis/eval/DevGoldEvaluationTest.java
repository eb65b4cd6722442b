package io.newsflow.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.analysis.SharedAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link DevGoldEvaluation} when the shared corpus is present (skipped otherwise) and guards against gross
 * regressions. The floors sit just below the measured figures (entities P 0.700 / R 0.792 by QID against
 * deliberately incomplete gold lists, topics micro P 0.903 / R 0.903 on 2026-12-04); the output is
 * deterministic, so the test cannot flake, and a drop below a floor means something broke.
 */
class DevGoldEvaluationTest {

    @Test
    void shouldStayAboveQualityFloorsOnTheDevGoldSet() throws IOException {
        Optional<Path> corpus = DevGoldEvaluation.defaultCorpus();
        assumeTrue(corpus.isPresent(), "shared corpus not found; set -Dnewsflow.corpus=<dir with dev-gold.jsonl>");

        DevGoldEvaluation.Report report =
                DevGoldEvaluation.run(SharedAnalyzer.get(), corpus.get(), new PrintStream(System.out, true), false);

        assertThat(report.entities().precision()).isGreaterThan(0.69);
        assertThat(report.entities().recall()).isGreaterThan(0.79);
        assertThat(report.topicsMicro().precision()).isGreaterThan(0.89);
        assertThat(report.topicsMicro().recall()).isGreaterThan(0.89);
        assertThat(report.articles()).isPositive();
    }
}
