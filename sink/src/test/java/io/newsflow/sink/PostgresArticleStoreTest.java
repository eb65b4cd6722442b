package io.newsflow.sink;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ArticleStoreContract} against the real PostgreSQL at {@value #SERVER}. Each test gets its own schema
 * ({@code sink_test_<random>}), dropped after the class. Skipped, with a message on stderr, only when the server
 * cannot be reached.
 */
class PostgresArticleStoreTest extends ArticleStoreContract {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final List<String> SCHEMAS = new ArrayList<>();
    private static String unreachable;

    @BeforeAll
    static void checkServer() {
        try (Connection c = DriverManager.getConnection(SERVER + "&connectTimeout=3")) {
            unreachable = null;
        } catch (SQLException e) {
            unreachable = "PostgreSQL at " + SERVER + " is unreachable (" + e.getMessage() + "); skipping its tests";
            System.err.println(unreachable);
        }
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (unreachable != null || SCHEMAS.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(SERVER);
                Statement s = c.createStatement()) {
            for (String schema : SCHEMAS) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Override
    String freshJdbcUrl() {
        assumeTrue(unreachable == null, () -> unreachable);
        String schema = "sink_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema, e);
        }
        SCHEMAS.add(schema);
        return SERVER + "&currentSchema=" + schema;
    }
}
