package io.newsflow.app;

import io.newsflow.analysis.topics.InvalidTaxonomyException;
import io.newsflow.analysis.topics.Taxonomy;
import io.newsflow.analysis.topics.TaxonomyDocument;
import io.newsflow.enrich.EnrichConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow taxonomy publish FILE} and {@code newsflow taxonomy show}: the taxonomy a running enricher uses. */
@Command(
        name = "taxonomy",
        mixinStandardHelpOptions = true,
        description = "Change or show the topic taxonomy the enricher tags with (topic news-taxonomy), at run time.",
        subcommands = {TaxonomyCommand.Publish.class, TaxonomyCommand.Show.class})
final class TaxonomyCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Exit code of a document that was refused. */
    static final int REFUSED = 1;

    /** Validates a rules document and publishes it to {@code news-taxonomy}. */
    @Command(
            name = "publish",
            mixinStandardHelpOptions = true,
            description = "Validate a rules document (e.g. samples/taxonomy/geo-topics-v2.json) and publish it to "
                    + "news-taxonomy, keyed by its taxonomy id; running enrichers switch to it between two articles. "
                    + "A document the enricher would refuse is not published (exit 1, problems with line numbers).")
    static final class Publish implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ServiceOptions options;

        @Parameters(paramLabel = "FILE", description = "the rules document (UTF-8 JSON)")
        private Path file;

        @Option(
                names = "--check",
                description = "only validate the document itself; contact no broker and publish nothing")
        private boolean checkOnly;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] document;
            try {
                document = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                return REFUSED;
            }
            try {
                if (checkOnly) {
                    Taxonomy t = TaxonomyDocument.parse(document);
                    out.println(file + ": valid " + t.name() + " (" + t.rulesVersion() + "), "
                            + t.topicIds().size() + " topics");
                    return 0;
                }
                EnrichConfig config = EnrichConfig.from(options.settings());
                TaxonomyTopic.Published p =
                        TaxonomyTopic.publish(config.bootstrapServers(), document, config.replicationFactor());
                out.println(
                        "published " + p.taxonomy().name() + " (" + p.taxonomy().rulesVersion() + ", "
                                + p.taxonomy().topicIds().size() + " topics) to "
                                + p.metadata().topic() + "-"
                                + p.metadata().partition() + "@" + p.metadata().offset());
                if (!p.createdTopics().isEmpty()) {
                    out.println("created " + String.join(", ", p.createdTopics()));
                }
                return 0;
            } catch (InvalidTaxonomyException e) {
                err.println(file + ": refused, nothing published:");
                e.problems()
                        .forEach(problem -> err.println("  " + file + (problem.line() > 0 ? ":" + problem.line() : "")
                                + ": " + problem.message()));
                return REFUSED;
            }
        }
    }

    /** Prints the taxonomy in force. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print the taxonomy in force (the latest valid document on news-taxonomy, or the bundled "
                    + "geo-topics-v1), its topic ids, and the records that were refused.")
    static final class Show implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ServiceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            EnrichConfig config = EnrichConfig.from(options.settings());
            TaxonomyTopic.State state = TaxonomyTopic.read(config.bootstrapServers());
            Taxonomy t = state.active();
            out.println(t.name() + " (" + t.rulesVersion() + ") "
                    + (state.offset() < 0
                            ? "bundled: news-taxonomy holds no accepted document"
                            : "from news-taxonomy offset " + state.offset()));
            out.println("topics (" + t.topicIds().size() + "): " + String.join(", ", t.topicIds()));
            for (TaxonomyTopic.Refusal r : state.refusals()) {
                out.println("refused offset " + r.offset() + " (key " + r.key() + "): " + r.reason());
            }
            return 0;
        }
    }
}
