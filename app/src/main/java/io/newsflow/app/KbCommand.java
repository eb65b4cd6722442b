package io.newsflow.app;

import io.newsflow.analysis.kb.KnowledgeBaseBuilder;
import io.newsflow.analysis.kb.WikidataDumpReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow kb}: knowledge-base maintenance. */
@Command(
        name = "kb",
        mixinStandardHelpOptions = true,
        description = "Knowledge-base maintenance.",
        subcommands = {KbCommand.Build.class})
final class KbCommand {

    /**
     * {@code newsflow kb build}: writes the knowledge base's built tables from the source tables, and optionally adds a
     * table read from a Wikidata JSON dump.
     */
    @Command(
            name = "build",
            mixinStandardHelpOptions = true,
            description = {
                "Build the knowledge base's tables from the source tables (same inputs, same bytes and version).",
                "With --wikidata-dump, also stream a Wikidata JSON dump (latest-all.json.gz) into wikidata-dump.tsv."
            })
    static final class Build implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(
                names = "--sources",
                paramLabel = "DIR",
                defaultValue = "../shared/data",
                description = "Source tables (countries-wikidata.tsv, places-natural-earth.tsv, kb/*.tsv). "
                        + "Default: ${DEFAULT-VALUE}.")
        private Path sources;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                defaultValue = "analysis/src/main/resources/io/newsflow/analysis/kb/built",
                description = "Where the built tables go. Default: ${DEFAULT-VALUE} (the shipped knowledge base).")
        private Path out;

        @Option(
                names = "--wikidata-dump",
                paramLabel = "FILE",
                description = "A Wikidata JSON dump (.json or .json.gz, one entity per line) to add.")
        private Path dump;

        @Option(
                names = "--languages",
                paramLabel = "LANG",
                split = ",",
                defaultValue = "en,es,fr,pt,de,it,ru",
                description = "Languages whose labels and aliases are kept from the dump. Default: ${DEFAULT-VALUE}.")
        private List<String> languages;

        @Option(
                names = "--min-sitelinks",
                paramLabel = "N",
                defaultValue = "30",
                description =
                        "Keep only dump entities with at least N Wikipedia/Wiki sitelinks. Default: ${DEFAULT-VALUE}.")
        private int minSitelinks;

        @Option(
                names = "--legislators-since",
                paramLabel = "YEAR",
                defaultValue = "0",
                description = "Also load national legislators whose term ran into YEAR or later (0: none, as shipped; "
                        + "57,000 legislators need a larger heap).")
        private int legislatorsSince;

        @Override
        public Integer call() throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(sources)) {
                err.println("kb build: source folder not found: " + sources);
                return 2;
            }
            if (dump != null && !Files.isRegularFile(dump)) {
                err.println("kb build: Wikidata dump not found: " + dump);
                return 2;
            }
            if (legislatorsSince != 0 && (legislatorsSince < 1800 || legislatorsSince > 2100)) {
                err.println("kb build: --legislators-since must be 0 or a year, was " + legislatorsSince);
                return 2;
            }
            WikidataDumpReader.Filter filter;
            try {
                filter = new WikidataDumpReader.Filter(languages, minSitelinks);
            } catch (IllegalArgumentException e) {
                err.println("kb build: " + e.getMessage());
                return 2;
            }
            KnowledgeBaseBuilder.Result result = KnowledgeBaseBuilder.build(sources, out, legislatorsSince);
            for (Map.Entry<String, Integer> e : result.rows().entrySet()) {
                stdout.printf("%-36s %,8d entities%n", e.getKey(), e.getValue());
            }
            String version = result.version();
            if (dump != null) {
                WikidataDumpReader.Stats stats = WikidataDumpReader.addToKnowledgeBase(dump, filter, sources, out);
                stdout.printf(
                        "%-36s %,8d entities (of %,d read)%n", WikidataDumpReader.OUTPUT, stats.kept(), stats.read());
                version = KnowledgeBaseBuilder.version(out);
            }
            stdout.println("knowledge base " + version + " written to " + out);
            stdout.flush();
            return 0;
        }
    }
}
