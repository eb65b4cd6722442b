package io.newsflow.app;

import java.nio.file.Path;

/**
 * Where the command keeps its files. The {@code ./newsflow} script passes {@code newsflow.home} (the project's
 * {@code .newsflow/} folder) and {@code newsflow.project.dir}; without them the current directory is used.
 */
record Workspace(Path home, Path projectDir) {

    static Workspace current() {
        Path project = Path.of(System.getProperty("newsflow.project.dir", "."))
                .toAbsolutePath()
                .normalize();
        Path home = Path.of(System.getProperty(
                        "newsflow.home", project.resolve(".newsflow").toString()))
                .toAbsolutePath()
                .normalize();
        return new Workspace(home, project);
    }

    /** The local stack's data folder. */
    Path stackDir() {
        return home.resolve("stack");
    }

    /** The default SQLite database of the sink. */
    Path database() {
        return home.resolve("newsflow.db");
    }

    /** Kafka Streams state of the enricher. */
    Path streamsStateDir() {
        return home.resolve("streams");
    }

    /** The sample articles the demo ingests. */
    Path samples() {
        return projectDir.resolve("samples");
    }
}
