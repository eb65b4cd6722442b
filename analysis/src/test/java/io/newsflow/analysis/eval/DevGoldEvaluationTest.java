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
 * regressions. The floors sit far below the measured figures (entities P 0.81 / R 0.68, topics micro-F1 0.89 at
 * the time of writing) because the rules were tuned on this same set; the output is deterministic, so the test
 * cannot flake, and a drop below a floor means something broke, not that tuning drifted.
 */
class DevGoldEvaluationTest {

    @Test
    void shouldStayAboveQualityFloorsOnTheDevGoldSet() throws IOException {
        Optional<Path> corpus = DevGoldEvaluation.defaultCorpus();
        assumeTrue(corpus.isPresent(), "shared corpus not found; set -Dnewsflow.corpus=<dir with dev-gold.jsonl>");

        DevGoldEvaluation.Report report =
                DevGoldEvaluation.run(SharedAnalyzer.get(), corpus.get(), new PrintStream(System.out, true), false);

        assertThat(report.entities().precision()).isGreaterThan(0.6);
        assertThat(report.entities().recall()).isGreaterThan(0.5);
        assertThat(report.topicsMicro().f1()).isGreaterThan(0.6);
        assertThat(report.articles()).isPositive();
    }
}
