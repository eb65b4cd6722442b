package io.newsflow.ingest.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the drop folder did with one file. Immutable.
 *
 * @param file        the file as it was found in the folder
 * @param status      where it went
 * @param movedTo     its new place ({@code done/...} or {@code failed/...}), or the file itself when it stayed
 * @param articleIds  ids of the articles the broker acknowledged on {@code news-articles-raw}, in file order
 * @param rejections  one reason per rejected item (each dead-lettered to {@code news-dlq}) or the reason the whole
 *                    file was refused
 * @param republished true when a previous run had published this file and stopped before moving it: the same ids were
 *                    sent again (see {@link DropFolderWatcher})
 */
public record FileOutcome(
        Path file, Status status, Path movedTo, List<String> articleIds, List<String> rejections, boolean republished) {

    /** Where a file went. */
    public enum Status {
        /** Every item published: moved to {@code done/}. */
        DONE,
        /** Something rejected (dead-lettered) or the file unsupported: moved to {@code failed/} with a {@code .error}. */
        FAILED,
        /** The broker did not acknowledge everything: left in place, tried again at the next rescan. */
        RETRY
    }

    public FileOutcome {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(movedTo, "movedTo");
        articleIds = List.copyOf(articleIds);
        rejections = List.copyOf(rejections);
    }

    /** One line for the console, e.g. {@code done a.jsonl -> done/a.jsonl: 3 published}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(status.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ')
                .append(file.getFileName())
                .append(status == Status.RETRY ? " (left in place)" : " -> " + movedTo)
                .append(": ")
                .append(articleIds.size())
                .append(" published");
        if (!rejections.isEmpty()) {
            sb.append(", ").append(rejections.size()).append(" rejected (").append(String.join("; ", rejections));
            sb.append(')');
        }
        if (republished) {
            sb.append("; RE-PUBLISHED: a previous run published this file and stopped before moving it, so the same "
                    + "article ids were sent again (consumers keyed by article id keep one copy)");
        }
        return sb.toString();
    }
}
