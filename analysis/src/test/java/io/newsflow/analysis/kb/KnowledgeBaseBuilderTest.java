package io.newsflow.analysis.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KnowledgeBaseBuilder} over the project's source tables ({@code ../shared/data} beside the repository; the
 * tests are skipped where it is absent): the shipped tables are exactly what the build makes of them.
 */
class KnowledgeBaseBuilderTest {
    private static final Path SHIPPED = Path.of("src/main/resources/io/newsflow/analysis/kb/built");

    static Optional<Path> sources() {
        for (String candidate :
                new String[] {System.getProperty("newsflow.kb.sources", ""), "../../shared/data", "../shared/data"}) {
            if (!candidate.isEmpty() && Files.isDirectory(Path.of(candidate, "kb"))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    @Test
    void shouldRebuildTheShippedKnowledgeBaseByteForByte(@TempDir Path out) throws IOException {
        Optional<Path> sources = sources();
        assumeTrue(sources.isPresent(), "shared/data not found; set -Dnewsflow.kb.sources=<dir>");

        KnowledgeBaseBuilder.Result result = KnowledgeBaseBuilder.build(sources.get(), out);

        List<String> shippedFiles;
        try (Stream<Path> files = Files.list(SHIPPED)) {
            shippedFiles = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("SOURCES.md") && !n.startsWith("LICENSE"))
                    .sorted()
                    .toList();
        }
        List<String> builtFiles;
        try (Stream<Path> files = Files.list(out)) {
            builtFiles = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(builtFiles).isEqualTo(shippedFiles);
        for (String name : builtFiles) {
            assertThat(Files.readAllBytes(out.resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(SHIPPED.resolve(name)));
        }
        assertThat(result.version()).isEqualTo(KnowledgeBaseBuilder.version(SHIPPED));
    }

    @Test
    void shouldLeaveLegislatorsOutUnlessAskedFor(@TempDir Path without, @TempDir Path with) throws IOException {
        Optional<Path> sources = sources();
        assumeTrue(sources.isPresent(), "shared/data not found; set -Dnewsflow.kb.sources=<dir>");

        KnowledgeBaseBuilder.Result shipped = KnowledgeBaseBuilder.build(sources.get(), without);
        KnowledgeBaseBuilder.Result grown = KnowledgeBaseBuilder.build(sources.get(), with, 2020);

        assertThat(grown.rows().get("people-wikidata.tsv"))
                .isGreaterThan(shipped.rows().get("people-wikidata.tsv") + 10_000);
        assertThat(grown.version()).isNotEqualTo(shipped.version());
    }

    @Test
    void shouldReadTheYearsOfTheLatestTerm() {
        assertThat(KnowledgeBaseBuilder.latestYear("member of the Senate (1999-2004) ; Minister (2010-2012)"))
                .isEqualTo(2012);
        assertThat(KnowledgeBaseBuilder.latestYear("Federal deputy (2019-)")).isEqualTo(9999);
        assertThat(KnowledgeBaseBuilder.latestYear("Knesset member")).isZero();
    }
}
