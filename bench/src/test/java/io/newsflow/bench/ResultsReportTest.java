package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code bench/RESULTS.md} says for given figures: ratios against the baselines, verdicts, the quick mark. */
class ResultsReportTest {

    private static final BenchRun.Options QUICK = new BenchRun.Options(
            true,
            100,
            10,
            Path.of("corpus"),
            Path.of("RESULTS.md"),
            Path.of("work"),
            null,
            null,
            "./newsflow bench --quick");

    @Test
    void shouldReportFullEnrichmentAsARatioOfTheBareScanAndSayByHowMuchATargetIsMissed() {
        List<MicroBench.Row> micro = List.of(
                new MicroBench.Row("fullEnrichment", "es", "ALL", 2_000, 50, 700_000, 3_000),
                new MicroBench.Row("bareScan", "es", "ALL", 100, 5, 30_000, 3_000));

        String md = report(micro, List.of(), Optional.empty()).markdown();

        assertThat(md).contains("| full enrichment ≤ 10× the bare automaton scan (es) | 20.0× | MISSED (10.0× over) |");
        assertThat(md).contains("| full enrichment ≥ 1,000 articles/s on one core (es, JMH) | 500 articles/s | MISSED");
        assertThat(md).contains("**Quick run**");
    }

    @Test
    void shouldListPipelineTargetsWithTheirVerdictAndTheColdStartFigures() {
        List<Line> pipeline = List.of(new Line(
                "ingest (`.jsonl` file → news-articles-raw), 100 articles",
                "900 articles/s",
                "1,000 articles/s bare KafkaProducer",
                "0.90×",
                "≥ 0.80×",
                Line.verdict(true, "")));
        long[] cold = {2_500, 600L * 1024 * 1024};

        String md = report(List.of(), pipeline, Optional.of(cold)).markdown();

        assertThat(md).contains("| ingest (`.jsonl` file → news-articles-raw), 100 articles ≥ 0.80× | 0.90× | met |");
        assertThat(md)
                .contains("| enricher heap ≤ 512 MiB with everything loaded (fresh JVM, after GC) | 600 MiB | MISSED");
        assertThat(md).contains("starts in ≤ 3 s (JVM start → first article enriched) | 2.5 s | met |");
    }

    private static ResultsReport report(List<MicroBench.Row> micro, List<Line> pipeline, Optional<long[]> cold) {
        EnrichmentProfile.Summary profile = new EnrichmentProfile.Summary(
                10, Map.of("language identification", 70.0), Map.of("a.B.c", 20.0), Path.of("x.jfr"));
        return new ResultsReport(
                QUICK,
                Instant.parse("2026-12-03T23:00:00Z"),
                Duration.ofSeconds(75),
                1.5,
                2.5,
                "abc",
                micro,
                cold,
                profile,
                pipeline);
    }
}
