package io.newsflow.sink;

import java.util.List;
import java.util.Optional;

/**
 * Where enriched articles are kept. Writing is idempotent per article id: writing an article again replaces its row
 * and its entity and topic rows, so a redelivered record leaves the same rows as a single delivery.
 *
 * <p>Implementations need not be thread-safe; the sink uses one store from one thread.
 */
public interface ArticleStore extends AutoCloseable {

    /**
     * Writes the batch in one transaction: either every article is stored or none is. Within a batch, a later write
     * of the same article id wins.
     *
     * @throws StoreException when the database refuses or fails; the transaction is rolled back
     */
    void writeAll(List<ArticleWrite> batch);

    /** The stored article with its entities and topics, or empty. */
    Optional<StoredArticle> find(String articleId);

    /** Number of stored articles. */
    long countArticles();

    /** Ids of the articles assigned to a taxonomy topic, best score first, then by id. */
    List<String> articleIdsForTopic(String topicId);

    /** Releases the connection. */
    @Override
    void close();
}
