package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSampleFilesTest {

    @TempDir
    Path samples;

    @Test
    void shouldLeaveTheFoldersReadmeOutOfTheSampleArticles() throws Exception {
        // README.md is Markdown, a format ingest reads; named one by one, it would be published as an article
        Files.writeString(samples.resolve("README.md"), "# Sample articles\n\nWhere they come from.\n");
        Files.writeString(samples.resolve("seed.txt"), "Title\n\nBody.\n");
        Files.writeString(samples.resolve("more.jsonl"), "{\"title\":\"T\",\"body\":\"B\"}\n");

        assertThat(DemoPipeline.sampleFiles(samples))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("more.jsonl", "seed.txt");
    }
}
