package io.newsflow.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the feed poller remembers across restarts, per feed URL: the validators of the last complete poll
 * ({@code ETag}, {@code Last-Modified}) and the keys of the items already published (the item's {@code guid} / Atom
 * {@code id}, else its link). Kept as JSON in one file, written to a temporary file and renamed over the old one, so a
 * crash leaves either the old or the new state, never half of one.
 *
 * <p>At most {@value #MAX_SEEN_PER_FEED} item keys are kept per feed, the oldest forgotten first: far more than any
 * feed lists at once, so a forgotten item has long left its feed.
 *
 * <p>Not thread-safe: one poller thread owns it.
 */
public final class FeedState {

    /** Item keys remembered per feed. */
    public static final int MAX_SEEN_PER_FEED = 10_000;

    private static final int VERSION = 1;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Feed> feeds = new TreeMap<>();

    private FeedState(Path file) {
        this.file = file;
    }

    private static final class Feed {
        String etag;
        String lastModified;
        final LinkedHashSet<String> seen = new LinkedHashSet<>();
    }

    /**
     * Reads the state file, or starts empty when it does not exist.
     *
     * @throws IOException when it exists but cannot be read or is not a state file (the message names it; delete it
     *                     to start over, which re-publishes what the feeds still list, with the same ids)
     */
    public static FeedState load(Path file) throws IOException {
        FeedState state = new FeedState(Objects.requireNonNull(file, "file"));
        JsonNode root;
        try {
            root = state.json.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return state;
        } catch (IOException e) {
            throw new IOException(
                    "cannot read feed state " + file + " (delete it to start over): " + e.getMessage(), e);
        }
        if (root == null
                || root.path("version").asInt() != VERSION
                || !root.path("feeds").isObject()) {
            throw new IOException(
                    "feed state " + file + " is not a version " + VERSION + " state file (delete it to start over)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("feeds").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Feed feed = state.feed(entry.getKey());
            feed.etag = text(entry.getValue(), "etag");
            feed.lastModified = text(entry.getValue(), "lastModified");
            entry.getValue().path("seen").forEach(key -> feed.seen.add(key.asText()));
        }
        return state;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private Feed feed(String url) {
        return feeds.computeIfAbsent(url, u -> new Feed());
    }

    /** The state file. */
    public Path file() {
        return file;
    }

    /** The {@code ETag} of the feed's last complete poll, or null. */
    public String etag(String feedUrl) {
        Feed feed = feeds.get(feedUrl);
        return feed == null ? null : feed.etag;
    }

    /** The {@code Last-Modified} of the feed's last complete poll, or null. */
    public String lastModified(String feedUrl) {
        Feed feed = feeds.get(feedUrl);
        return feed == null ? null : feed.lastModified;
    }

    /** Whether the item was published (or dead-lettered) before. */
    public boolean seen(String feedUrl, String itemKey) {
        Feed feed = feeds.get(feedUrl);
        return feed != null && feed.seen.contains(itemKey);
    }

    /** Remembers an item; in memory until {@link #save()}. */
    public void markSeen(String feedUrl, String itemKey) {
        Feed feed = feed(feedUrl);
        feed.seen.remove(itemKey);
        feed.seen.add(itemKey);
        Iterator<String> oldest = feed.seen.iterator();
        while (feed.seen.size() > MAX_SEEN_PER_FEED) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Sets the validators (either may be null); in memory until {@link #save()}. */
    public void validators(String feedUrl, String etag, String lastModified) {
        Feed feed = feed(feedUrl);
        feed.etag = etag;
        feed.lastModified = lastModified;
    }

    /** Writes the state atomically (temporary file, then rename). */
    public void save() throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("version", VERSION);
        ObjectNode all = root.putObject("feeds");
        feeds.forEach((url, feed) -> {
            ObjectNode node = all.putObject(url);
            node.put("etag", feed.etag);
            node.put("lastModified", feed.lastModified);
            ArrayNode seen = node.putArray("seen");
            feed.seen.forEach(seen::add);
        });
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
        Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
