package io.newsflow.ingest;

/**
 * An article's text is larger than {@code ingest.max.article.bytes} allows. Its rejection is slim (see
 * {@link Rejection#slim()}): the dead letter keeps the origin, the original's size and SHA-256 and its first
 * kilobytes, not the whole item.
 */
public class ArticleTooLargeException extends InvalidArticleException {

    private static final long serialVersionUID = 1L;

    private final long textBytes;
    private final long limit;

    /**
     * @param textBytes the article's text size in UTF-8 bytes (title, lede, body, URL, source and attributes)
     * @param limit     the configured limit
     */
    public ArticleTooLargeException(long textBytes, long limit) {
        super("article too large: its text is " + textBytes + " bytes (UTF-8), over the limit of " + limit + " bytes ("
                + IngestConfig.MAX_ARTICLE_BYTES.name() + ")");
        this.textBytes = textBytes;
        this.limit = limit;
    }

    /** The article's text size in UTF-8 bytes. */
    public long textBytes() {
        return textBytes;
    }

    /** The limit it went over. */
    public long limit() {
        return limit;
    }
}
