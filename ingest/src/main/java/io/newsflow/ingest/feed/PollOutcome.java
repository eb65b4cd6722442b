package io.newsflow.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one poll of one feed did. Immutable.
 *
 * @param feed         the feed URL
 * @param status       how the feed answered
 * @param publishedIds article ids the broker acknowledged on {@code news-articles-raw}, oldest item first
 * @param rejections   one reason per item dead-lettered to {@code news-dlq}
 * @param alreadySeen  items skipped because an earlier poll (maybe before a restart) published them
 * @param error        why the poll failed, or null
 * @param nextPollIn   the wait before this feed is polled again (the interval, or the back-off after a failure)
 */
public record PollOutcome(
        URI feed,
        Status status,
        List<String> publishedIds,
        List<String> rejections,
        int alreadySeen,
        String error,
        Duration nextPollIn) {

    /** How the feed answered. */
    public enum Status {
        /** 200 with a feed: new items published. */
        FETCHED,
        /** 304: nothing changed since the last complete poll, nothing fetched or published. */
        NOT_MODIFIED,
        /** An HTTP error, a network error, an unparseable feed or records Kafka did not acknowledge. */
        FAILED
    }

    public PollOutcome {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(status, "status");
        publishedIds = List.copyOf(publishedIds);
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(nextPollIn, "nextPollIn");
    }

    /** One line for the console. */
    public String describe() {
        String head = "feed " + feed + ": ";
        String next = "; next poll in " + nextPollIn;
        return switch (status) {
            case NOT_MODIFIED -> head + "not modified (304)" + next;
            case FETCHED ->
                head + publishedIds.size() + " published, " + rejections.size() + " rejected, "
                        + alreadySeen + " already seen"
                        + (rejections.isEmpty() ? "" : " (" + String.join("; ", rejections) + ")")
                        + next;
            case FAILED ->
                head + "FAILED: " + error + " (" + publishedIds.size() + " published before the failure)" + next
                        + " (back-off)";
        };
    }
}
