package io.newsflow.app;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ParsedArticle;
import io.newsflow.ingest.ReadResult;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.json.AvroJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Enrichment without Kafka: reads article files (JSON lines with {@code id}, {@code title}, {@code text}, optional
 * {@code lang}; also {@code .json} and {@code .txt}) and prints one enriched JSON line per article, field names as in
 * the {@code EnrichedArticle} Avro schema. Runs {@link ArticleEnricher}, the very code the Streams enricher runs.
 */
@Command(
        name = "annotate",
        mixinStandardHelpOptions = true,
        description = {
            "Enrich articles without Kafka and print EnrichedArticle JSON lines.",
            "Input: JSON lines with id, title, text (optional lang, source, url), or .json / .txt files.",
            "Rejected lines are explained on standard error; the exit code is then 1."
        })
final class AnnotateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article files (.jsonl, .json, .txt).")
    private List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        ArticleFileReader reader = new ArticleFileReader();
        ArticleNormaliser normaliser = new ArticleNormaliser(clock, "unknown");
        ArticleEnricher enricher = ArticleEnricher.forOneShotCommand();
        int enriched = 0;
        int rejected = 0;
        for (Path file : files) {
            for (ReadResult result : reader.read(file)) {
                if (result instanceof Rejection rejection) {
                    rejected++;
                    err.println("rejected " + rejection.origin() + ": " + rejection.reason());
                    continue;
                }
                try {
                    RawArticle raw = normaliser.normalise((ParsedArticle) result, IngestChannel.FILE);
                    EnrichedArticle article = enricher.enrich(raw, clock.instant());
                    out.println(AvroJson.toJson(article));
                    enriched++;
                } catch (IllegalArgumentException e) {
                    rejected++;
                    err.println("rejected " + ((ParsedArticle) result).origin() + ": " + e.getMessage());
                }
            }
        }
        out.flush();
        err.println("annotate: " + enriched + " enriched, " + rejected + " rejected");
        return rejected == 0 ? 0 : 1;
    }
}
