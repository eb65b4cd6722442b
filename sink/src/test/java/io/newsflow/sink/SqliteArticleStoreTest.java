package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ArticleStoreContract} against real SQLite files. */
class SqliteArticleStoreTest extends ArticleStoreContract {

    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    String freshJdbcUrl() {
        return "jdbc:sqlite:" + dir.resolve("db-" + files.incrementAndGet() + ".sqlite");
    }

    @Test
    void shouldCreateMissingParentDirectoriesOfDatabaseFile() {
        Path file = dir.resolve("nested/deeper/newsflow.db");

        try (JdbcArticleStore store = JdbcArticleStore.open("jdbc:sqlite:" + file)) {
            assertThat(store.countArticles()).isZero();
        }
        assertThat(Files.isRegularFile(file)).isTrue();
    }

    @Test
    void shouldFailWithStoreExceptionWhenTheDatabaseDirectoryCannotBeCreated() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> JdbcArticleStore.open("jdbc:sqlite:" + notADirectory.resolve("newsflow.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(notADirectory.toString());
    }
}
