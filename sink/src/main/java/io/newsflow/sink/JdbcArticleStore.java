package io.newsflow.sink;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.TopicAssignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;

/**
 * {@link ArticleStore} on JDBC, for SQLite ({@code jdbc:sqlite:<file>}) and PostgreSQL
 * ({@code jdbc:postgresql://...}); the SQL is written once for both.
 *
 * <h2>Migrations</h2>
 * {@link #open} first migrates the database with Flyway from {@value #MIGRATIONS} (history table
 * {@value #HISTORY_TABLE}): an empty database gets every version, an up-to-date one gets nothing, an older one gets
 * the missing versions. SQLite support is part of {@code flyway-core}; PostgreSQL support comes from
 * {@code flyway-database-postgresql}. Both run offline. In PostgreSQL the tables go to the connection's current
 * schema (set {@code currentSchema} in the URL to choose one).
 *
 * <h2>Writes</h2>
 * {@link #writeAll} runs in one transaction: for each article an upsert on {@code article_id}
 * ({@code INSERT ... ON CONFLICT (article_id) DO UPDATE}, understood by SQLite 3.24+ and PostgreSQL 9.5+), then its
 * entity and topic rows are deleted and inserted again. Entities with the same id in one record are merged (mention
 * counts added, highest confidence kept) and duplicate topics keep their best score, so a record can never fail on
 * a duplicate key and stall the sink. Timestamps are stored as epoch milliseconds (BIGINT).
 *
 * <p>Holds one connection; not thread-safe.
 */
public final class JdbcArticleStore implements ArticleStore {

    /** Flyway location of the migration scripts. */
    public static final String MIGRATIONS = "classpath:db/newsflow-sink";
    /** Flyway history table of the sink's schema. */
    public static final String HISTORY_TABLE = "sink_schema_history";

    private static final String ARTICLE_COLUMNS = "article_id, source, url, title, lede, body, language, "
            + "language_confidence, published_at, ingested_at, enriched_at, fingerprint_sha256, simhash, "
            + "enrichment_version, kb_version, taxonomy_version, kafka_topic, kafka_partition, kafka_offset";

    private static final String UPSERT_ARTICLE = "INSERT INTO articles (" + ARTICLE_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (article_id) DO UPDATE SET source = excluded.source, url = excluded.url, "
            + "title = excluded.title, lede = excluded.lede, body = excluded.body, language = excluded.language, "
            + "language_confidence = excluded.language_confidence, published_at = excluded.published_at, "
            + "ingested_at = excluded.ingested_at, enriched_at = excluded.enriched_at, "
            + "fingerprint_sha256 = excluded.fingerprint_sha256, simhash = excluded.simhash, "
            + "enrichment_version = excluded.enrichment_version, kb_version = excluded.kb_version, "
            + "taxonomy_version = excluded.taxonomy_version, kafka_topic = excluded.kafka_topic, "
            + "kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset "
            // a replay of an older enrichment must not put an older version back, even from another sink
            + "WHERE excluded.enriched_at >= articles.enriched_at";

    private final String jdbcUrl;
    /** Null after a connection failure; {@link #connection()} opens a new one on the next use. */
    private Connection connection;

    private JdbcArticleStore(String jdbcUrl, Connection connection) {
        this.jdbcUrl = jdbcUrl;
        this.connection = connection;
    }

    /**
     * Migrates the database to the latest schema and opens the store.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static JdbcArticleStore open(String jdbcUrl) {
        migrate(jdbcUrl);
        try {
            return new JdbcArticleStore(jdbcUrl, openConnection(jdbcUrl));
        } catch (SQLException e) {
            throw new StoreException("Cannot open the article database " + redact(jdbcUrl), e);
        }
    }

    /** A connection in manual-commit mode, with SQLite's foreign keys and busy timeout set. */
    private static Connection openConnection(String jdbcUrl) throws SQLException {
        {
            Connection connection = DriverManager.getConnection(jdbcUrl);
            try {
                if (isSqlite(jdbcUrl)) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("PRAGMA foreign_keys = ON");
                        s.execute("PRAGMA busy_timeout = 10000");
                    }
                }
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }
    }

    /**
     * The open connection, or a new one when the last failed with a connection error (the database restarted or
     * the network dropped): a sink outlives a database outage without being restarted.
     */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = openConnection(jdbcUrl);
        }
        return connection;
    }

    /**
     * Wraps a failure; a connection-level one also drops the connection, so the next operation reconnects.
     * The message never shows the URL's query string, where a password may be.
     */
    private StoreException failure(String message, SQLException cause) {
        StoreException failure = new StoreException(message, cause);
        if (failure.isTransient() && connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            connection = null;
        }
        return failure;
    }

    /**
     * Applies the migrations that the database lacks.
     *
     * @return how many migrations were applied (0 when it was up to date)
     * @throws StoreException when migrating fails
     */
    public static int migrate(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        createSqliteParentDirectory(jdbcUrl);
        try {
            if (isSqlite(jdbcUrl)) {
                // WAL lets readers (the CLI, tests) query while the sink writes; it is a property of the file.
                try (Connection c = DriverManager.getConnection(jdbcUrl);
                        Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode = WAL");
                }
            }
            return Flyway.configure()
                    .dataSource(jdbcUrl, null, null)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (SQLException | RuntimeException e) {
            throw new StoreException(
                    "Cannot migrate the article database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    private static void createSqliteParentDirectory(String jdbcUrl) {
        if (!isSqlite(jdbcUrl)) {
            return;
        }
        String location = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith(":resource:")) {
            return;
        }
        Path parent = Path.of(location).toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StoreException("Cannot create the directory of the SQLite database " + parent, e);
            }
        }
    }

    /**
     * The URL fit to print: user info ({@code //user:secret@host}) and the query string, where drivers take
     * {@code password=}, are replaced by {@code ***}. Every message and log line that names the database uses it.
     */
    public static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String s = jdbcUrl.replaceAll("//[^/@?#]*@", "//***@");
        int query = s.indexOf('?');
        return query < 0 ? s : s.substring(0, query) + "?***";
    }

    @Override
    public void writeAll(List<ArticleWrite> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, ArticleWrite> latest = new LinkedHashMap<>();
        for (ArticleWrite write : batch) {
            latest.remove(write.article().getArticleId());
            latest.put(write.article().getArticleId(), write);
        }
        try {
            writeNotOlder(connection(), latest);
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure("Cannot write a batch of " + latest.size() + " articles to " + redact(jdbcUrl), e);
        }
    }

    /**
     * Writes the articles that are not older (by {@code enrichedAt}) than what the database holds under their id;
     * an equal one is written again (a replay of the same record changes nothing). An older one, replayed after a
     * newer enrichment was stored, is skipped with its entities and topics.
     *
     * <p>The conditional upsert goes first, so the transaction is a write transaction from its first statement:
     * reading first and writing after would make SQLite refuse the upgrade ({@code SQLITE_BUSY}) whenever another
     * connection committed in between. Which rows it applied to is then read back under the write lock, and only
     * those get their entities and topics replaced.
     */
    private void writeNotOlder(Connection connection, Map<String, ArticleWrite> latest) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ARTICLE)) {
            for (ArticleWrite write : latest.values()) {
                bindArticle(upsert, write);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        Map<String, Long> stored = storedEnrichedAt(connection, latest.keySet());
        latest.values()
                .removeIf(w -> !Long.valueOf(w.article().getEnrichedAt().toEpochMilli())
                        .equals(stored.get(w.article().getArticleId())));
        try (PreparedStatement deleteEntities =
                        connection.prepareStatement("DELETE FROM article_entities WHERE article_id = ?");
                PreparedStatement deleteTopics =
                        connection.prepareStatement("DELETE FROM article_topics WHERE article_id = ?");
                PreparedStatement insertEntity = connection.prepareStatement("INSERT INTO article_entities "
                        + "(article_id, entity_id, type, name, mention_count, confidence) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement insertTopic = connection.prepareStatement(
                        "INSERT INTO article_topics (article_id, topic_id, score) VALUES (?, ?, ?)")) {
            for (ArticleWrite write : latest.values()) {
                String id = write.article().getArticleId();
                deleteEntities.setString(1, id);
                deleteEntities.addBatch();
                deleteTopics.setString(1, id);
                deleteTopics.addBatch();
                for (StoredArticle.Entity e : mergeEntities(write.article())) {
                    insertEntity.setString(1, id);
                    insertEntity.setString(2, e.entityId());
                    insertEntity.setString(3, e.type());
                    insertEntity.setString(4, e.name());
                    insertEntity.setInt(5, e.mentionCount());
                    insertEntity.setDouble(6, e.confidence());
                    insertEntity.addBatch();
                }
                for (StoredArticle.Topic t : mergeTopics(write.article())) {
                    insertTopic.setString(1, id);
                    insertTopic.setString(2, t.topicId());
                    insertTopic.setDouble(3, t.score());
                    insertTopic.addBatch();
                }
            }
            deleteEntities.executeBatch();
            deleteTopics.executeBatch();
            insertEntity.executeBatch();
            insertTopic.executeBatch();
            connection.commit();
        }
    }

    /** {@code enriched_at} (epoch millis) of those of {@code ids} already stored. */
    private static Map<String, Long> storedEnrichedAt(Connection connection, Collection<String> ids)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT article_id, enriched_at FROM articles WHERE article_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return found;
    }

    private static void bindArticle(PreparedStatement s, ArticleWrite write) throws SQLException {
        EnrichedArticle a = write.article();
        s.setString(1, a.getArticleId());
        s.setString(2, a.getSource());
        s.setString(3, a.getUrl());
        s.setString(4, a.getTitle());
        s.setString(5, a.getLede());
        s.setString(6, a.getBody());
        s.setString(7, a.getLanguage().getCode());
        s.setDouble(8, a.getLanguage().getConfidence());
        if (a.getPublishedAt() == null) {
            s.setNull(9, Types.BIGINT);
        } else {
            s.setLong(9, a.getPublishedAt().toEpochMilli());
        }
        s.setLong(10, a.getIngestedAt().toEpochMilli());
        s.setLong(11, a.getEnrichedAt().toEpochMilli());
        s.setString(12, a.getFingerprint().getSha256());
        s.setLong(13, a.getFingerprint().getSimhash());
        s.setString(14, a.getVersions().getEnrichment());
        s.setString(15, a.getVersions().getKnowledgeBase());
        s.setString(16, a.getVersions().getTaxonomy());
        s.setString(17, write.topic());
        s.setInt(18, write.partition());
        s.setLong(19, write.offset());
    }

    /** One row per entity id: mention counts added, the highest confidence kept, first type and name kept. */
    static List<StoredArticle.Entity> mergeEntities(EnrichedArticle article) {
        Map<String, StoredArticle.Entity> byId = new TreeMap<>();
        for (Entity e : article.getEntities()) {
            StoredArticle.Entity row = new StoredArticle.Entity(
                    e.getId(), e.getType().name(), e.getName(), e.getMentions().size(), e.getConfidence());
            byId.merge(
                    e.getId(),
                    row,
                    (a, b) -> new StoredArticle.Entity(
                            a.entityId(),
                            a.type(),
                            a.name(),
                            a.mentionCount() + b.mentionCount(),
                            Math.max(a.confidence(), b.confidence())));
        }
        return new ArrayList<>(byId.values());
    }

    /** One row per topic id, with its best score. */
    static List<StoredArticle.Topic> mergeTopics(EnrichedArticle article) {
        Map<String, StoredArticle.Topic> byId = new TreeMap<>();
        for (TopicAssignment t : article.getTopics()) {
            byId.merge(
                    t.getId(),
                    new StoredArticle.Topic(t.getId(), t.getScore()),
                    (a, b) -> a.score() >= b.score() ? a : b);
        }
        return new ArrayList<>(byId.values());
    }

    private void rollbackQuietly(SQLException cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public Optional<StoredArticle> find(String articleId) {
        try {
            Optional<StoredArticle> result = readArticle(connection(), articleId);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure("Cannot read article '" + articleId + "' from " + redact(jdbcUrl), e);
        }
    }

    private static Optional<StoredArticle> readArticle(Connection connection, String articleId) throws SQLException {
        List<StoredArticle.Entity> entities = new ArrayList<>();
        try (PreparedStatement s =
                connection.prepareStatement("SELECT entity_id, type, name, mention_count, confidence "
                        + "FROM article_entities WHERE article_id = ? ORDER BY entity_id")) {
            s.setString(1, articleId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entities.add(new StoredArticle.Entity(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5)));
                }
            }
        }
        List<StoredArticle.Topic> topics = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT topic_id, score FROM article_topics WHERE article_id = ? ORDER BY topic_id")) {
            s.setString(1, articleId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    topics.add(new StoredArticle.Topic(rs.getString(1), rs.getDouble(2)));
                }
            }
        }
        try (PreparedStatement s =
                connection.prepareStatement("SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE article_id = ?")) {
            s.setString(1, articleId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredArticle(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getDouble(8),
                        instant(rs, 9),
                        instant(rs, 10),
                        instant(rs, 11),
                        rs.getString(12),
                        rs.getLong(13),
                        rs.getString(14),
                        rs.getString(15),
                        rs.getString(16),
                        rs.getString(17),
                        rs.getInt(18),
                        rs.getLong(19),
                        entities,
                        topics));
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public long countArticles() {
        try (Statement s = connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles")) {
            rs.next();
            long count = rs.getLong(1);
            connection.commit();
            return count;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure("Cannot count articles in " + redact(jdbcUrl), e);
        }
    }

    @Override
    public List<String> articleIdsForTopic(String topicId) {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = connection()
                .prepareStatement(
                        "SELECT article_id FROM article_topics WHERE topic_id = ? ORDER BY score DESC, article_id")) {
            s.setString(1, topicId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            connection.commit();
            return ids;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure("Cannot read the articles of topic '" + topicId + "' from " + redact(jdbcUrl), e);
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Cannot close the article database " + redact(jdbcUrl), e);
        }
    }
}
