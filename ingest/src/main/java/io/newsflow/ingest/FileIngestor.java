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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Ingests files and directories: reads each file ({@link ArticleFileReader}), normalises every accepted item
 * ({@link ArticleNormaliser}), publishes it ({@link ArticlePublisher#publish}) and dead-letters every rejection
 * ({@link ArticlePublisher#deadLetter}), then waits for the broker and returns an {@link IngestReport}.
 *
 * <p>Paths: a file is read with channel {@code FILE} and stage {@code ingest-file}; a directory is listed
 * non-recursively, entries sorted by file name, and each regular file with a supported extension is read with channel
 * {@code FOLDER} and stage {@code ingest-folder}. Sub-directories, other extensions, missing and unreadable paths are
 * reported as skipped (they have no content to dead-letter).
 *
 * <p>Errors: bad content never throws, it becomes a rejection. An exception thrown while sending (e.g. the schema
 * registry is unreachable, so the value cannot be serialised) aborts the run: that is an infrastructure failure, not
 * a property of the article, and retrying the run is the fix. Records the broker does not acknowledge are reported as
 * {@link IngestReport.Failed}.
 *
 * <p>The routing is unit-tested with Kafka's {@code MockProducer}; the path through a real broker and registry is
 * covered by the end-to-end tests in {@code integration-tests}.
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
     * @param config connection and default source
     * @param paths  files and directories, in the order given
     * @param clock  gives {@code ingestedAt} and {@code failedAt}
     * @return what happened to every item
     */
    public static IngestReport ingest(IngestConfig config, List<Path> paths, Clock clock) {
        try (ArticlePublisher publisher = ArticlePublisher.create(config, clock)) {
            return new FileIngestor(new ArticleFileReader(), new ArticleNormaliser(clock, config.source()), publisher)
                    .ingest(paths);
        }
    }

    /**
     * Ingests the paths in order and waits until every record is acknowledged or failed.
     *
     * @throws RuntimeException from the producer when a record cannot even be sent (see the class comment)
     */
    public IngestReport ingest(List<Path> paths) {
        Run run = new Run();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                ingestDirectory(path, run);
            } else if (!Files.exists(path)) {
                run.skipped.add(new IngestReport.Skipped(path, "does not exist"));
            } else {
                ingestFile(path, IngestChannel.FILE, ArticlePublisher.STAGE_FILE, run);
            }
        }
        publisher.flush();
        return run.report();
    }

    private void ingestDirectory(Path directory, Run run) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            run.skipped.add(new IngestReport.Skipped(directory, "cannot list directory: " + e));
            return;
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                run.skipped.add(
                        new IngestReport.Skipped(entry, "sub-directory (directories are read non-recursively)"));
            } else {
                ingestFile(entry, IngestChannel.FOLDER, ArticlePublisher.STAGE_FOLDER, run);
            }
        }
    }

    private void ingestFile(Path file, IngestChannel channel, String stage, Run run) {
        if (!ArticleFileReader.isSupported(file)) {
            run.skipped.add(new IngestReport.Skipped(
                    file,
                    "unsupported file type; expected one of ."
                            + String.join(
                                    ", .",
                                    ArticleFileReader.EXTENSIONS.stream()
                                            .sorted()
                                            .toList())));
            return;
        }
        List<ReadResult> results;
        try {
            results = reader.read(file);
        } catch (IOException e) {
            run.skipped.add(new IngestReport.Skipped(file, "cannot read: " + e));
            return;
        }
        for (ReadResult result : results) {
            if (result instanceof ParsedArticle parsed) {
                RawArticle article;
                try {
                    article = normaliser.normalise(parsed, channel);
                } catch (InvalidArticleException e) {
                    reject(Rejection.of(parsed.origin(), parsed.originalBytes(), e), stage, run);
                    continue;
                }
                run.articles.add(new Pending<>(article, parsed.origin(), publisher.publish(article)));
            } else if (result instanceof Rejection rejection) {
                reject(rejection, stage, run);
            }
        }
    }

    private void reject(Rejection rejection, String stage, Run run) {
        run.rejected.add(
                new IngestReport.Rejected(rejection.origin().toString(), rejection.reason(), rejection.errorClass()));
        run.deadLetters.add(new Pending<>(rejection, rejection.origin(), publisher.deadLetter(rejection, stage)));
    }

    private record Pending<T>(T item, Origin origin, Future<RecordMetadata> ack) {}

    private static final class Run {
        final List<Pending<RawArticle>> articles = new ArrayList<>();
        final List<Pending<Rejection>> deadLetters = new ArrayList<>();
        final List<IngestReport.Rejected> rejected = new ArrayList<>();
        final List<IngestReport.Skipped> skipped = new ArrayList<>();

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
            return new IngestReport(published, rejected, skipped, failed);
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
