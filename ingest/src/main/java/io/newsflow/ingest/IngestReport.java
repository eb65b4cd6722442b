package io.newsflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one ingestion run did, item by item, so the sender learns why each rejection happened. Immutable.
 *
 * @param published articles acknowledged by the broker on {@code news-articles-raw}
 * @param rejected  items not accepted (each was sent to {@code news-dlq} unless it is also in {@code failed})
 * @param skipped   paths not read at all (unsupported extension, missing, unreadable, sub-directory)
 * @param failed    records the broker did not acknowledge (articles or dead letters)
 */
public record IngestReport(
        List<Published> published, List<Rejected> rejected, List<Skipped> skipped, List<Failed> failed) {

    public IngestReport {
        published = List.copyOf(published);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    /** An article on {@code news-articles-raw}. */
    public record Published(String articleId, String origin) {}

    /** An item refused, with the reason for the sender. */
    public record Rejected(String origin, String reason, String errorClass) {}

    /** A path that was not read. */
    public record Skipped(Path path, String reason) {}

    /** A record that could not be delivered to Kafka. */
    public record Failed(String origin, String topic, String error) {}

    /** Number of articles acknowledged on {@code news-articles-raw}. */
    public int publishedCount() {
        return published.size();
    }

    /** Number of items refused. */
    public int rejectedCount() {
        return rejected.size();
    }

    /** Number of paths not read. */
    public int skippedCount() {
        return skipped.size();
    }

    /** Number of records the broker did not acknowledge. */
    public int failedCount() {
        return failed.size();
    }

    /** True when nothing was rejected, skipped or failed. */
    public boolean allAccepted() {
        return rejected.isEmpty() && skipped.isEmpty() && failed.isEmpty();
    }

    /**
     * Human-readable lines: a count line, then one line per rejection, skip and failure, e.g.
     * {@code rejected a.jsonl:3: missing title: the field 'title' is absent or blank}.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("published " + publishedCount() + ", rejected " + rejectedCount() + ", skipped " + skippedCount()
                + ", failed " + failedCount());
        rejected.forEach(r -> lines.add("rejected " + r.origin() + ": " + r.reason()));
        skipped.forEach(s -> lines.add("skipped " + s.path() + ": " + s.reason()));
        failed.forEach(f -> lines.add("failed " + f.origin() + " (" + f.topic() + "): " + f.error()));
        return lines;
    }
}
