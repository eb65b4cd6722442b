package io.newsflow.app;

import io.newsflow.analysis.ArticleAnalyzer;
import io.newsflow.analysis.eval.Evaluation;
import io.newsflow.analysis.language.LanguageIdentifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow eval GOLD.jsonl ARTICLES.jsonl...}: entity and topic precision, recall and F1 of the analyzer against
 * gold labels, overall, per language and per topic, with the errors listed. No Kafka.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Measure entity (by Wikidata QID) and topic precision/recall/F1 against gold labels.",
            "GOLD: JSON lines with id, topics, entities[{qid,name}]. ARTICLES: JSON lines with id, title, text, lang."
        })
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GOLD", description = "Gold labels (.jsonl).")
    private Path gold;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ARTICLES", description = "Article files (.jsonl).")
    private List<Path> articles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> all = new ArrayList<>(articles);
        all.add(0, gold);
        for (Path p : all) {
            if (!Files.isRegularFile(p)) {
                err.println("eval: file not found: " + p);
                return 2;
            }
        }
        Evaluation.Report report;
        try {
            report = Evaluation.run(
                    ArticleAnalyzer.loadDefault(LanguageIdentifier.ModelLoading.ON_DEMAND), gold, articles);
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            return 2;
        }
        Evaluation.print(report, out);
        return 0;
    }
}
