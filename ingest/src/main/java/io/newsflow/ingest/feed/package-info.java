/**
 * RSS and Atom feeds: {@link io.newsflow.ingest.feed.FeedPoller} polls feeds on an interval with conditional GET,
 * remembers the items it has published across restarts ({@link io.newsflow.ingest.feed.FeedState}), follows items
 * that carry only a summary to their page ({@link io.newsflow.ingest.feed.PageText}) and backs off exponentially on
 * errors.
 *
 * <h2>Contract</h2>
 * Parsing by ROME, page text by jsoup, HTTP by the JDK's {@code java.net.http} client. Items are turned into
 * {@code ParsedArticle}s and go through the same normaliser and publisher as files; an item that cannot become an
 * article is dead-lettered (stage {@value io.newsflow.ingest.feed.FeedPoller#STAGE_FEED}) with the reason. An item is
 * remembered as seen only after the broker acknowledged it, so a crash re-sends it with the same article id rather
 * than losing it.
 *
 * <h2>Thread-safety</h2>
 * {@link io.newsflow.ingest.feed.FeedConfig} and the outcome records are immutable; {@link io.newsflow.ingest.feed.PageText}
 * is stateless. A poller and its state are used by one thread; {@link io.newsflow.ingest.feed.FeedPoller#close()} may
 * be called from any thread.
 *
 * <h2>Nullness</h2>
 * Nothing is null unless documented.
 */
package io.newsflow.ingest.feed;
