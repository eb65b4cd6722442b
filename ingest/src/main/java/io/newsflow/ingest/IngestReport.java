package io.newsflow.ingest;

import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one ingestion run did, item by item, so the sender learns why each rejection happened. Immutable.
 *
 * <p>The summary adds up: every item read (an article of a file, a line of a {@code .jsonl} file, a path not read)
 * is counted once, as published, duplicate, rejected, skipped or failed:
 * {@code read = published + duplicates + rejected + skipped + failed articles}. {@code read} is counted as items
 * come, not computed from the others, so {@link #addsUp()} checks the run's bookkeeping.
 *
 * @param read       items read: articles and lines found in files, plus paths skipped
 * @param published  articles acknowledged by the broker on {@code news-articles-raw}
 * @param duplicates articles whose id an earlier item of the same run already had, with the same content: not
 *                   published again
 * @param rejected   items not accepted (each was sent to {@code news-dlq} unless it is also in {@code failed})
 * @param skipped    paths not read at all (not an article, missing, unreadable, sub-directory)
 * @param failed     records the broker did not acknowledge (articles on {@code news-articles-raw}, or dead letters
 *                   on {@code news-dlq} of items already counted as rejected)
 */
public record IngestReport(
        int read,
        List<Published> published,
        List<Duplicate> duplicates,
        List<Rejected> rejected,
        List<Skipped> skipped,
        List<Failed> failed) {

    public IngestReport {
        published = List.copyOf(published);
        duplicates = List.copyOf(duplicates);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    /** A report without duplicates whose read count is the sum of the others (for sources that count no further). */
    public IngestReport(
            List<Published> published, List<Rejected> rejected, List<Skipped> skipped, List<Failed> failed) {
        this(
                published.size()
                        + rejected.size()
                        + skipped.size()
                        + (int) failed.stream()
                                .filter(f -> f.topic().equals(Topics.ARTICLES_RAW))
                                .count(),
                published,
                List.of(),
                rejected,
                skipped,
                failed);
    }

    /** An article on {@code news-articles-raw}. */
    public record Published(String articleId, String origin) {}

    /**
     * An article not published because an earlier item of the run had its id and the same content.
     *
     * @param articleId   the shared id
     * @param origin      where this item came from
     * @param firstOrigin where the published one came from
     */
    public record Duplicate(String articleId, String origin, String firstOrigin) {}

    /** An item refused, with the reason for the sender. */
    public record Rejected(String origin, String reason, String errorClass) {}

    /**
     * A path that was not read.
     *
     * @param path   the path
     * @param reason why, for the sender
     * @param kind   whether that is a problem ({@link Kind#UNREADABLE}) or a note ({@link Kind#NOT_AN_ARTICLE})
     */
    public record Skipped(Path path, String reason, Kind kind) {

        /** Whether a skip is a note or a problem. */
        public enum Kind {
            /** Not an article (documentation, hidden file, unsupported type, sub-directory): a note, not a failure. */
            NOT_AN_ARTICLE,
            /** Given or found but could not be read (missing, unreadable, unlistable): a failure of the run. */
            UNREADABLE
        }

        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
        }

        /** A path that could not be read ({@link Kind#UNREADABLE}). */
        public Skipped(Path path, String reason) {
            this(path, reason, Kind.UNREADABLE);
        }
    }

    /** A record that could not be delivered to Kafka. */
    public record Failed(String origin, String topic, String error) {}

    /** Number of articles acknowledged on {@code news-articles-raw}. */
    public int publishedCount() {
        return published.size();
    }

    /** Number of duplicates not published again. */
    public int duplicateCount() {
        return duplicates.size();
    }

    /** Number of items refused. */
    public int rejectedCount() {
        return rejected.size();
    }

    /** Number of paths not read. */
    public int skippedCount() {
        return skipped.size();
    }

    /** Number of records the broker did not acknowledge (articles and dead letters). */
    public int failedCount() {
        return failed.size();
    }

    /** Number of articles the broker did not acknowledge on {@code news-articles-raw}. */
    public int failedArticleCount() {
        return (int) failed.stream()
                .filter(f -> f.topic().equals(Topics.ARTICLES_RAW))
                .count();
    }

    /** Whether {@code read = published + duplicates + rejected + skipped + failed articles}. */
    public boolean addsUp() {
        return read == publishedCount() + duplicateCount() + rejectedCount() + skippedCount() + failedArticleCount();
    }

    /** True when nothing was rejected, skipped or failed. */
    public boolean allAccepted() {
        return rejected.isEmpty() && skipped.isEmpty() && failed.isEmpty();
    }

    /**
     * True when the run did what was asked: nothing rejected, nothing failed, no path unreadable. Duplicates and
     * paths that are not articles ({@link Skipped.Kind#NOT_AN_ARTICLE}) are notes, not failures.
     */
    public boolean succeeded() {
        return rejected.isEmpty()
                && failed.isEmpty()
                && skipped.stream().noneMatch(s -> s.kind() == Skipped.Kind.UNREADABLE);
    }

    /**
     * Human-readable lines: the summary line, e.g. {@code read 12: published 9, duplicates 1, rejected 1, skipped 1,
     * failed 0}, then one line per duplicate, rejection, skip and failure, e.g.
     * {@code rejected a.jsonl:3: missing body: ...}.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("read " + read + ": published " + publishedCount() + ", duplicates " + duplicateCount()
                + ", rejected " + rejectedCount() + ", skipped " + skippedCount() + ", failed " + failedArticleCount()
                + (failedCount() > failedArticleCount()
                        ? " (and " + (failedCount() - failedArticleCount()) + " dead letters not delivered)"
                        : ""));
        duplicates.forEach(d -> lines.add("duplicate " + d.origin() + ": id " + d.articleId() + " already published"
                + " from " + d.firstOrigin() + " with the same content"));
        rejected.forEach(r -> lines.add("rejected " + r.origin() + ": " + r.reason()));
        skipped.forEach(s -> lines.add("skipped " + s.path() + ": " + s.reason()));
        failed.forEach(f -> lines.add("failed " + f.origin() + " (" + f.topic() + "): " + f.error()));
        return lines;
    }
}
