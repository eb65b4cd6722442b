package io.newsflow.ingest;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Ingests files and directories: reads each file ({@link ArticleFileReader}), normalises every accepted item
 * ({@link ArticleNormaliser}), publishes it ({@link ArticlePublisher#publish}) and dead-letters every rejection
 * ({@link ArticlePublisher#deadLetter}), then waits for the broker and returns an {@link IngestReport} whose summary
 * adds up ({@link IngestReport#addsUp()}).
 *
 * <p>Paths: a file is read with channel {@code FILE} and stage {@code ingest-file}; a directory is listed
 * non-recursively, entries sorted by file name, and each regular file that may be an article is read with channel
 * {@code FOLDER} and stage {@code ingest-folder}. In a directory, files that are not articles
 * ({@link ArticleFileReader#notAnArticle}: {@code README.md}, {@code LICENSE}, hidden files, other extensions) and
 * sub-directories are skipped with a note ({@link IngestReport.Skipped.Kind#NOT_AN_ARTICLE}); a file named
 * directly with an unsupported extension too. Missing and unreadable paths are skipped as problems
 * ({@link IngestReport.Skipped.Kind#UNREADABLE}). Skipped paths have no content to dead-letter.
 *
 * <p>Duplicates: an article whose id an earlier item of the same run already had is not published again. With the
 * same content (title, lede, body and URL) it is reported as a {@link IngestReport.Duplicate}; with different content
 * it is rejected and dead-lettered ("id already used in this run ... for a different article"), so that neither
 * version is silently lost and the published one is not overwritten.
 *
 * <p>Errors: bad content never throws, it becomes a rejection. An exception thrown while sending (e.g. the schema
 * registry is unreachable, so the value cannot be serialised) aborts the run: that is an infrastructure failure, not
 * a property of the article, and retrying the run is the fix. Records the broker does not acknowledge are reported as
 * {@link IngestReport.Failed}.
 *
 * <p>Progress: an {@link IngestProgress} hears the total size of the files first, then each item's bytes as it is
 * handed to the producer.
 *
 * <p>The routing is unit-tested with Kafka's {@code MockProducer}; the path through a real broker and registry is
 * covered by the tests in {@code integration-tests}.
 *
 * <p>Not thread-safe: one {@link #ingest} at a time per instance.
 */
public final class FileIngestor {

    private final ArticleFileReader reader;
    private final ArticleNormaliser normaliser;
    private final ArticlePublisher publisher;

    /** The collaborators are not closed by this class; the caller owns the publisher. */
    public FileIngestor(ArticleFileReader reader, ArticleNormaliser normaliser, ArticlePublisher publisher) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * The whole ingestion in one call, for the CLI: creates the real publisher from {@code config}, ingests the
     * paths, and closes the publisher.
     *
     * @param config connection, default source, size limit, producer settings
     * @param paths  files and directories, in the order given
     * @param clock  gives {@code ingestedAt} and {@code failedAt}
     * @return what happened to every item
     */
    public static IngestReport ingest(IngestConfig config, List<Path> paths, Clock clock) {
        return ingest(config, paths, clock, IngestProgress.NONE);
    }

    /** As {@link #ingest(IngestConfig, List, Clock)}, telling {@code progress} how far it has come. */
    public static IngestReport ingest(IngestConfig config, List<Path> paths, Clock clock, IngestProgress progress) {
        try (ArticlePublisher publisher = ArticlePublisher.create(config, clock)) {
            return new FileIngestor(new ArticleFileReader(), new ArticleNormaliser(clock, config), publisher)
                    .ingest(paths, progress);
        }
    }

    /**
     * Ingests the paths in order and waits until every record is acknowledged or failed.
     *
     * @throws RuntimeException from the producer when a record cannot even be sent (see the class comment)
     */
    public IngestReport ingest(List<Path> paths) {
        return ingest(paths, IngestProgress.NONE);
    }

    /** As {@link #ingest(List)}, telling {@code progress} how far it has come. */
    public IngestReport ingest(List<Path> paths, IngestProgress progress) {
        Run run = new Run();
        List<Planned> plan = plan(paths, run);
        progress.start(plan.stream().mapToLong(Planned::size).sum());
        for (Planned p : plan) {
            ingestFile(p, run, progress);
        }
        publisher.flush();
        IngestReport report = run.report();
        progress.finish();
        return report;
    }

    /** A file to read, with how it was found and its size when listed. */
    private record Planned(Path file, IngestChannel channel, String stage, long size) {}

    private List<Planned> plan(List<Path> paths, Run run) {
        List<Planned> plan = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                planDirectory(path, plan, run);
            } else if (!Files.exists(path)) {
                run.skip(new IngestReport.Skipped(path, "does not exist"));
            } else if (!ArticleFileReader.isSupported(path)) {
                run.skip(new IngestReport.Skipped(
                        path,
                        ArticleFileReader.notAnArticle(path).orElse("not an article"),
                        IngestReport.Skipped.Kind.NOT_AN_ARTICLE));
            } else {
                plan.add(new Planned(path, IngestChannel.FILE, ArticlePublisher.STAGE_FILE, size(path)));
            }
        }
        return plan;
    }

    private void planDirectory(Path directory, List<Planned> plan, Run run) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            run.skip(new IngestReport.Skipped(directory, "cannot list directory: " + e));
            return;
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                run.skip(new IngestReport.Skipped(
                        entry,
                        "sub-directory (directories are read non-recursively)",
                        IngestReport.Skipped.Kind.NOT_AN_ARTICLE));
                continue;
            }
            Optional<String> notAnArticle = ArticleFileReader.notAnArticle(entry);
            if (notAnArticle.isPresent()) {
                run.skip(new IngestReport.Skipped(entry, notAnArticle.get(), IngestReport.Skipped.Kind.NOT_AN_ARTICLE));
            } else {
                plan.add(new Planned(entry, IngestChannel.FOLDER, ArticlePublisher.STAGE_FOLDER, size(entry)));
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void ingestFile(Planned planned, Run run, IngestProgress progress) {
        Path file = planned.file();
        List<ReadResult> results;
        try {
            results = reader.read(file);
        } catch (IOException e) {
            run.skip(new IngestReport.Skipped(file, "cannot read: " + e));
            progress.advance(planned.size());
            return;
        }
        long done = 0;
        boolean lines = results.size() > 1
                || (!results.isEmpty() && results.get(0).origin().line() > 0);
        for (ReadResult result : results) {
            run.read++;
            if (result instanceof ParsedArticle parsed) {
                RawArticle article;
                try {
                    article = normaliser.normalise(parsed, planned.channel());
                } catch (InvalidArticleException e) {
                    reject(Rejection.of(parsed.origin(), parsed.originalBytes(), e), planned.stage(), run);
                    done += step(progress, lines, result, done, planned.size());
                    continue;
                }
                publishUnlessDuplicate(article, parsed, planned.stage(), run);
            } else if (result instanceof Rejection rejection) {
                reject(rejection, planned.stage(), run);
            }
            done += step(progress, lines, result, done, planned.size());
        }
        if (done < planned.size()) {
            progress.advance(planned.size() - done);
        }
    }

    /** Advances by a line's bytes and its line break, never past the file's size; by nothing for a whole file. */
    private static long step(IngestProgress progress, boolean lines, ReadResult result, long done, long size) {
        if (!lines) {
            return 0;
        }
        long bytes = Math.min(result.originalBytes().length + 1L, Math.max(0, size - done));
        progress.advance(bytes);
        return bytes;
    }

    private void publishUnlessDuplicate(RawArticle article, ParsedArticle parsed, String stage, Run run) {
        String fingerprint = fingerprint(article);
        Seen first = run.seen.get(article.getArticleId());
        if (first == null) {
            run.seen.put(article.getArticleId(), new Seen(parsed.origin().toString(), fingerprint));
            run.articles.add(new Pending<>(article, parsed.origin(), publisher.publish(article)));
        } else if (first.fingerprint().equals(fingerprint)) {
            run.duplicates.add(new IngestReport.Duplicate(
                    article.getArticleId(), parsed.origin().toString(), first.origin()));
        } else {
            reject(
                    Rejection.invalid(
                            parsed.origin(),
                            parsed.originalBytes(),
                            "id '" + article.getArticleId() + "' already used in this run by " + first.origin()
                                    + " for a different article; not published, so the first is not overwritten"),
                    stage,
                    run);
        }
    }

    /**
     * What makes two articles with one id the same article: their text and URL. The fields are normalised already,
     * so they are hashed as they are (normalising the body again doubled ingest's cost per article); compared only
     * within one run, never stored.
     */
    private static String fingerprint(RawArticle a) {
        return ArticleIds.sha256Prefix(
                a.getTitle() + "\u0000" + a.getLede() + "\u0000" + a.getBody() + "\u0000" + a.getUrl());
    }

    private void reject(Rejection rejection, String stage, Run run) {
        run.rejected.add(
                new IngestReport.Rejected(rejection.origin().toString(), rejection.reason(), rejection.errorClass()));
        run.deadLetters.add(new Pending<>(rejection, rejection.origin(), publisher.deadLetter(rejection, stage)));
    }

    private record Pending<T>(T item, Origin origin, Future<RecordMetadata> ack) {}

    private record Seen(String origin, String fingerprint) {}

    private static final class Run {
        int read;
        final Map<String, Seen> seen = new HashMap<>();
        final List<Pending<RawArticle>> articles = new ArrayList<>();
        final List<Pending<Rejection>> deadLetters = new ArrayList<>();
        final List<IngestReport.Duplicate> duplicates = new ArrayList<>();
        final List<IngestReport.Rejected> rejected = new ArrayList<>();
        final List<IngestReport.Skipped> skipped = new ArrayList<>();

        void skip(IngestReport.Skipped skip) {
            read++;
            skipped.add(skip);
        }

        IngestReport report() {
            List<IngestReport.Published> published = new ArrayList<>();
            List<IngestReport.Failed> failed = new ArrayList<>();
            for (Pending<RawArticle> p : articles) {
                String error = awaitError(p.ack());
                if (error == null) {
                    published.add(new IngestReport.Published(
                            p.item().getArticleId(), p.origin().toString()));
                } else {
                    failed.add(new IngestReport.Failed(p.origin().toString(), Topics.ARTICLES_RAW, error));
                }
            }
            for (Pending<Rejection> p : deadLetters) {
                String error = awaitError(p.ack());
                if (error != null) {
                    failed.add(new IngestReport.Failed(p.origin().toString(), Topics.DLQ, error));
                }
            }
            return new IngestReport(read, published, duplicates, rejected, skipped, failed);
        }

        /** Null when acknowledged, else the error. The publisher was flushed, so this does not wait long. */
        private static String awaitError(Future<RecordMetadata> ack) {
            try {
                ack.get();
                return null;
            } catch (ExecutionException e) {
                return String.valueOf(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker's acknowledgements", e);
            }
        }
    }
}
