package io.newsflow.ingest.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.ingest.Origin;
import io.newsflow.ingest.ParsedArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds and publishes their new items to {@code news-articles-raw}.
 *
 * <h2>One poll of one feed</h2>
 * <ol>
 *   <li>{@code GET} with {@code If-None-Match} / {@code If-Modified-Since} from the last complete poll; {@code 304}
 *       ends the poll (nothing published).</li>
 *   <li>A {@code 200} body (at most {@value #MAX_FEED_BYTES} bytes) is parsed by ROME (RSS 0.9x/1.0/2.0, Atom 0.3/1.0;
 *       DOCTYPEs refused, so no external entities). Items are taken oldest first.</li>
 *   <li>An item already in the {@link FeedState} is skipped. Otherwise it becomes an article: title; body from the
 *       item's full content ({@code content:encoded}, Atom {@code content}) when it has one, otherwise from its page
 *       (when {@link FeedConfig#followLinks()}: the link is fetched and its main text extracted by {@link PageText}),
 *       with the summary as lede, otherwise from the summary; URL the item link; published the item's publication or
 *       update date; source the feed title; declared language the feed's; attributes {@code feed},
 *       {@code feedItem} (the key), {@code author}, and {@code bodyFrom} ({@code content}, {@code page} or
 *       {@code summary}). The article id therefore derives from the link (or the text), the same on every poll.</li>
 *   <li>An item that cannot become an article (no title, no text, a bad link) is dead-lettered (stage
 *       {@value #STAGE_FEED}), its original bytes being a JSON object of the item's fields as ROME read them (the
 *       feed's bytes for one item are not kept by the parser).</li>
 *   <li>After the broker acknowledged every record, the items are marked seen and the validators stored, and the
 *       state file is written. A crash before that re-sends the items on the next run, with the same ids.</li>
 * </ol>
 *
 * <h2>Errors and back-off</h2>
 * A network error, an HTTP status other than 2xx/304, an unparseable or oversized feed, or a record Kafka did not
 * acknowledge fails the poll: the next one is after {@link FeedConfig#nextDelay(int)} (exponential from
 * {@code backoffInitial}, capped at {@code backoffMax}); a successful poll resets it to the interval. Validators are
 * only stored after a complete poll, so a failed one is retried in full.
 *
 * <p>{@link #run()} polls every feed on its own schedule on the calling thread until {@link #close()}; {@link #poll}
 * does one poll (tests, and the loop). The publisher is the caller's and is not closed here.
 */
public final class FeedPoller implements AutoCloseable {

    /** DeadLetter stage of feed items. */
    public static final String STAGE_FEED = "ingest-feed";
    /** Largest feed or page body read. */
    public static final int MAX_FEED_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final String USER_AGENT = "newsflow-ingest/0.1 (feed poller)";

    private final List<URI> feeds;
    private final FeedConfig config;
    private final ArticleNormaliser normaliser;
    private final ArticlePublisher publisher;
    private final FeedState state;
    private final HttpClient http;
    private final Consumer<PollOutcome> listener;
    private final Map<URI, Integer> failuresInARow = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Object wakeUp = new Object();
    private volatile boolean running = true;

    /**
     * @param feeds      feed URLs (http or https)
     * @param normaliser builds the records (channel {@code RSS} or {@code ATOM})
     * @param publisher  the caller's publisher; not closed here
     * @param state      what earlier polls remembered
     * @param listener   told about every poll, on the polling thread
     */
    public FeedPoller(
            List<URI> feeds,
            FeedConfig config,
            ArticleNormaliser normaliser,
            ArticlePublisher publisher,
            FeedState state,
            Consumer<PollOutcome> listener) {
        this.feeds = List.copyOf(feeds);
        if (this.feeds.isEmpty()) {
            throw new IllegalArgumentException("no feed to poll");
        }
        for (URI feed : this.feeds) {
            String scheme = feed.getScheme() == null ? "" : feed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("feed URL must be http(s): " + feed);
            }
        }
        this.config = Objects.requireNonNull(config, "config");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.state = Objects.requireNonNull(state, "state");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Polls every feed on its schedule until {@link #close()}; the first polls start at once. */
    public void run() {
        Map<URI, Long> due = new LinkedHashMap<>();
        long start = System.nanoTime();
        feeds.forEach(f -> due.put(f, start));
        while (running) {
            URI next = Collections.min(
                            due.entrySet(), (a, b) -> Long.compare(a.getValue() - start, b.getValue() - start))
                    .getKey();
            long waitNanos = due.get(next) - System.nanoTime();
            if (waitNanos > 0) {
                synchronized (wakeUp) {
                    try {
                        if (running) {
                            wakeUp.wait(Math.max(1, waitNanos / 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                continue;
            }
            PollOutcome outcome = poll(next);
            listener.accept(outcome);
            due.put(next, System.nanoTime() + outcome.nextPollIn().toNanos());
        }
    }

    /** Stops {@link #run()} after the poll in progress; callable from any thread. */
    @Override
    public void close() {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Polls one feed once; never throws for the feed's or Kafka's failures, it reports them. */
    public PollOutcome poll(URI feed) {
        String key = feed.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(feed)
                .timeout(config.timeout())
                .header("User-Agent", USER_AGENT)
                .header(
                        "Accept",
                        "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
        Fetched fetched;
        try {
            Optional.ofNullable(state.etag(key)).ifPresent(v -> request.header("If-None-Match", v));
            Optional.ofNullable(state.lastModified(key)).ifPresent(v -> request.header("If-Modified-Since", v));
            fetched = fetch(request.build());
        } catch (IOException | RuntimeException e) {
            // RuntimeException: e.g. a stored validator the HTTP client refuses as a header value
            return failed(feed, List.of(), List.of(), 0, "cannot fetch: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(feed, List.of(), List.of(), 0, "interrupted");
        }
        if (fetched.status() == 304) {
            failuresInARow.remove(feed);
            return new PollOutcome(
                    feed, PollOutcome.Status.NOT_MODIFIED, List.of(), List.of(), 0, null, config.nextDelay(0));
        }
        if (fetched.status() / 100 != 2) {
            return failed(feed, List.of(), List.of(), 0, "HTTP " + fetched.status());
        }
        SyndFeed parsed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            parsed = input.build(new XmlReader(new ByteArrayInputStream(fetched.body())));
        } catch (FeedException | IOException | RuntimeException e) {
            return failed(feed, List.of(), List.of(), 0, "not an RSS or Atom feed: " + e.getMessage());
        }
        return publishNewItems(feed, parsed, fetched);
    }

    private PollOutcome publishNewItems(URI feed, SyndFeed parsed, Fetched fetched) {
        String key = feed.toString();
        IngestChannel channel =
                parsed.getFeedType() != null && parsed.getFeedType().startsWith("atom")
                        ? IngestChannel.ATOM
                        : IngestChannel.RSS;
        List<SyndEntry> entries = new ArrayList<>(parsed.getEntries());
        Collections.reverse(entries); // feeds list the newest first; publish the oldest first
        List<Pending> pending = new ArrayList<>();
        int alreadySeen = 0;
        String error = null;
        try {
            for (SyndEntry entry : entries) {
                String itemKey = itemKey(entry);
                if (state.seen(key, itemKey)) {
                    alreadySeen++;
                    continue;
                }
                Item item = toItem(feed, parsed, entry, itemKey);
                RawArticle article = null;
                Rejection rejection = item.rejection();
                if (rejection == null) {
                    try {
                        article = normaliser.normalise(item.article(), channel);
                    } catch (InvalidArticleException e) {
                        rejection = Rejection.of(
                                item.article().origin(), item.article().originalBytes(), e);
                    }
                }
                if (article != null) {
                    pending.add(new Pending(itemKey, article.getArticleId(), null, publisher.publish(article)));
                } else {
                    pending.add(new Pending(
                            itemKey, null, rejection.reason(), publisher.deadLetter(rejection, STAGE_FEED)));
                }
            }
            publisher.flush();
        } catch (RuntimeException e) {
            error = "cannot publish: " + DeadLetters.describe(e);
        }
        List<String> published = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        for (Pending p : pending) {
            try {
                p.ack().get();
                state.markSeen(key, p.itemKey());
                if (p.articleId() != null) {
                    published.add(p.articleId());
                } else {
                    rejections.add(p.itemKey() + ": " + p.rejection());
                }
            } catch (ExecutionException e) {
                error = "not acknowledged by Kafka: " + DeadLetters.describe(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted while waiting for Kafka";
                break;
            }
        }
        if (error == null) {
            state.validators(key, fetched.etag(), fetched.lastModified());
        }
        try {
            state.save();
        } catch (IOException e) {
            error = "cannot save feed state " + state.file() + ": " + e;
        }
        if (error != null) {
            return failed(feed, published, rejections, alreadySeen, error);
        }
        failuresInARow.remove(feed);
        return new PollOutcome(
                feed, PollOutcome.Status.FETCHED, published, rejections, alreadySeen, null, config.nextDelay(0));
    }

    private PollOutcome failed(
            URI feed, List<String> published, List<String> rejections, int alreadySeen, String error) {
        int failures = failuresInARow.merge(feed, 1, Integer::sum);
        Duration next = config.nextDelay(failures);
        LOG.warn("feed {} failed ({} in a row): {}; next poll in {}", feed, failures, error, next);
        return new PollOutcome(feed, PollOutcome.Status.FAILED, published, rejections, alreadySeen, error, next);
    }

    /** The item's identity within its feed: guid / Atom id, else link, else its title. */
    static String itemKey(SyndEntry entry) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri().strip();
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        return "title:" + (entry.getTitle() == null ? "" : entry.getTitle().strip());
    }

    private Item toItem(URI feed, SyndFeed parsed, SyndEntry entry, String itemKey) {
        String link = link(feed, entry);
        String summary = entry.getDescription() == null ? null : text(entry.getDescription());
        String content = entry.getContents().stream()
                .map(FeedPoller::text)
                .filter(s -> !s.isBlank())
                .reduce((a, b) -> a + "\n" + b)
                .orElse(null);
        byte[] original = originalBytes(feed, entry, itemKey, link, summary, content);
        Origin origin = Origin.of(link != null ? link : feed + "#" + itemKey);
        String title = entry.getTitle() == null ? "" : entry.getTitle().strip();
        if (title.isEmpty()) {
            return new Item(null, Rejection.invalid(origin, original, "missing title: the feed item has no title"));
        }
        String body;
        String lede = null;
        String bodyFrom;
        if (content != null) {
            body = content;
            lede = summary;
            bodyFrom = "content";
        } else {
            String page = config.followLinks() && link != null ? pageText(link) : null;
            if (page != null && !page.isBlank()) {
                body = page;
                lede = summary;
                bodyFrom = "page";
            } else {
                body = summary;
                bodyFrom = "summary";
            }
        }
        if (body == null || body.isBlank()) {
            return new Item(
                    null,
                    Rejection.invalid(
                            origin,
                            original,
                            "missing body: the feed item has no content or summary, and its page gave no text"));
        }
        if (lede != null && (lede.isBlank() || body.startsWith(lede))) {
            lede = null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("feed", feed.toString());
        attributes.put("feedItem", itemKey);
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            attributes.put("author", entry.getAuthor());
        }
        attributes.put("bodyFrom", bodyFrom);
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String source = parsed.getTitle() == null || parsed.getTitle().isBlank() ? feed.getHost() : parsed.getTitle();
        String language = parsed.getLanguage() == null || parsed.getLanguage().isBlank() ? null : parsed.getLanguage();
        return new Item(
                new ParsedArticle(
                        origin,
                        original,
                        null,
                        title,
                        lede,
                        body,
                        language,
                        source,
                        link,
                        date == null ? null : Instant.ofEpochMilli(date.getTime()),
                        attributes),
                null);
    }

    private static String link(URI feed, SyndEntry entry) {
        String link = entry.getLink();
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return feed.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link.strip(); // the normaliser rejects it with the reason
        }
    }

    /** Text of a feed content element: HTML types through jsoup, others as they are. */
    private static String text(SyndContent content) {
        String value = content.getValue() == null ? "" : content.getValue();
        String type = content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
        return type.contains("html") ? PageText.ofFragment(value) : value.strip();
    }

    /** The main text of an item's page, or null when it cannot be fetched (the summary is used then). */
    private String pageText(String link) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        try {
            Fetched page = fetch(HttpRequest.newBuilder(uri)
                    .timeout(config.timeout())
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "text/html, application/xhtml+xml;q=0.9")
                    .build());
            if (page.status() / 100 != 2) {
                LOG.info("page {} answered HTTP {}; using the feed's summary", link, page.status());
                return null;
            }
            return PageText.ofPage(page.body(), page.charset(), link);
        } catch (IOException | RuntimeException e) {
            LOG.info("cannot fetch or read page {}: {}; using the feed's summary", link, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private byte[] originalBytes(
            URI feed, SyndEntry entry, String itemKey, String link, String summary, String content) {
        ObjectNode node = json.createObjectNode();
        node.put("feed", feed.toString());
        node.put("item", itemKey);
        node.put("title", entry.getTitle());
        node.put("link", link);
        node.put("summary", summary);
        node.put("content", content);
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            return itemKey.getBytes(StandardCharsets.UTF_8);
        }
    }

    private Fetched fetch(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_FEED_BYTES + 1);
            if (body.length > MAX_FEED_BYTES) {
                throw new IOException(request.uri() + " is larger than " + MAX_FEED_BYTES + " bytes");
            }
            return new Fetched(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null),
                    charset(response.headers().firstValue("Content-Type").orElse(null)));
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                return kv[1].strip().replace("\"", "");
            }
        }
        return null;
    }

    private record Fetched(int status, byte[] body, String etag, String lastModified, String charset) {}

    private record Item(ParsedArticle article, Rejection rejection) {}

    private record Pending(String itemKey, String articleId, String rejection, Future<RecordMetadata> ack) {}
}
