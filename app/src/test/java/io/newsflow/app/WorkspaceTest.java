package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schemas.config.Settings;
import io.newsflow.sink.SinkConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private static final Path PROJECT = Path.of("/srv/newsflow");
    private static final Workspace WORKSPACE = new Workspace(PROJECT.resolve(".newsflow"), PROJECT);

    private static Map<String, String> addresses() {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap.servers", "127.0.0.1:9092");
        m.put("schema.registry.url", "mem://workspace-test");
        return m;
    }

    @Test
    void shouldPutTheDefaultSqliteDatabaseInTheProjectFolderWhateverTheCurrentDirectory() {
        SinkConfig config = WORKSPACE.resolve(SinkConfig.from(Settings.of(addresses())));

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/newsflow/.newsflow/newsflow.db");
    }

    @Test
    void shouldLeaveAnAbsoluteSqliteFileAndAPostgresUrlAsGiven() {
        Map<String, String> absolute = addresses();
        absolute.put("sink.jdbc.url", "jdbc:sqlite:/data/articles.db");
        Map<String, String> postgres = addresses();
        postgres.put("sink.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test");

        assertThat(WORKSPACE.resolve(SinkConfig.from(Settings.of(absolute))).jdbcUrl())
                .isEqualTo("jdbc:sqlite:/data/articles.db");
        assertThat(WORKSPACE.resolve(SinkConfig.from(Settings.of(postgres))).jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    }

    @Test
    void shouldPutARelativeStreamsStateFolderInTheProjectFolder() {
        EnrichConfig config = WORKSPACE.resolve(EnrichConfig.from(Settings.of(addresses())));

        assertThat(config.stateDir()).isEqualTo(PROJECT.resolve(".newsflow/streams"));
    }
}
