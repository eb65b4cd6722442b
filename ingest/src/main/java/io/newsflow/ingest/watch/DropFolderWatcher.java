package io.newsflow.ingest.watch;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.ingest.ParsedArticle;
import io.newsflow.ingest.ReadResult;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every complete file that appears in a drop folder, then moves it to {@code done/} or {@code failed/}.
 *
 * <h2>Finding files</h2>
 * A {@link WatchService} on the folder (create and modify events), an initial full listing at start, and a full
 * listing every {@link DropFolderConfig#rescan()} as a safety net (events are lost on overflow and on some network
 * file systems). Sub-directories are not read.
 *
 * <h2>When a file is complete</h2>
 * <ul>
 *   <li>Names starting with {@code .} and ending with {@code .tmp}, {@code .part}, {@code .partial},
 *       {@code .crdownload}, {@code .swp} or {@code ~} are ignored: writers should write such a name and rename it
 *       when done (an atomic rename within the folder is the reliable way to drop a file).</li>
 *   <li>Any other file is read once its size and modification time have stayed unchanged for
 *       {@link DropFolderConfig#settle()} (a copy in progress keeps changing them).</li>
 * </ul>
 *
 * <h2>Processing one file, crash-safely</h2>
 * <ol>
 *   <li>An in-flight marker {@code .newsflow-inflight/<name>} holding the SHA-256 of the file is written (atomically).</li>
 *   <li>Every item is read ({@link ArticleFileReader}), normalised (channel {@code FOLDER}) and published; every
 *       rejected item is dead-lettered to {@code news-dlq} (stage {@code ingest-folder}) with its bytes and reason.</li>
 *   <li>The publisher is flushed and every send must be acknowledged by the broker ({@code acks=all}, idempotent
 *       producer). If any is not, the file stays where it is and is tried again at the next rescan.</li>
 *   <li>The file moves to {@code done/} when nothing was rejected, otherwise to {@code failed/} with
 *       {@code <name>.error} beside it listing the reasons; then the marker is deleted.</li>
 * </ol>
 * A crash (kill -9, power loss) after step 1 and before step 4 leaves the file in the folder with its marker. The next
 * run publishes it again: article ids are derived from the content ({@code ArticleIds}), so the records carry the
 * same ids and keys as before, and the outcome says {@link FileOutcome#republished()}. Nothing is lost (nothing is
 * moved before the broker acknowledged it), and an article may be on {@code news-articles-raw} twice with the same
 * key, which consumers that keep one row per article id (the sink) collapse into one. Exactly-once publishing would
 * need a transactional producer plus a transactional file system, which a folder is not.
 *
 * <p>A file whose extension the reader does not support goes to {@code failed/} with its {@code .error}, without a
 * dead letter (like a skipped path of {@code newsflow ingest PATH}: nothing of it was read). A file of the same name
 * already in {@code done/} or {@code failed/} is not overwritten: the newcomer gets a {@code -1}, {@code -2}, ...
 * suffix before its extension.
 *
 * <h2>Crash-test failpoint</h2>
 * When the system property {@value #FAILPOINT_AFTER_ACK} is {@code halt}, the JVM halts
 * ({@link Runtime#halt(int)}, exit code {@value #FAILPOINT_EXIT_CODE}, no shutdown hooks) after the first file's
 * records are acknowledged and before it is moved: the crash the design above must survive, for tests that kill a
 * real process. It is never set in normal use.
 *
 * <p>{@link #run()} blocks on the calling thread until {@link #close()} is called from another one; the file being
 * processed at that moment is finished first. The publisher is the caller's and is not closed here.
 */
public final class DropFolderWatcher implements AutoCloseable {

    /** Sub-folder for files whose every item was published. */
    public static final String DONE = "done";
    /** Sub-folder for files with a rejection, each with a {@code .error} file beside it. */
    public static final String FAILED = "failed";
    /** Hidden sub-folder with one marker per file being published. */
    public static final String IN_FLIGHT = ".newsflow-inflight";
    /** Suffix of the file that explains why a file is in {@code failed/}. */
    public static final String ERROR_SUFFIX = ".error";
    /** System property of the crash-test failpoint (see the class comment). */
    public static final String FAILPOINT_AFTER_ACK = "newsflow.failpoint.watch.after-ack";
    /** Exit code of the JVM halted by the failpoint. */
    public static final int FAILPOINT_EXIT_CODE = 86;

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderWatcher.class);
    private static final List<String> TEMPORARY_SUFFIXES =
            List.of(".tmp", ".part", ".partial", ".crdownload", ".swp", "~");

    private final Path folder;
    private final DropFolderConfig config;
    private final ArticleFileReader reader;
    private final ArticleNormaliser normaliser;
    private final ArticlePublisher publisher;
    private final Consumer<FileOutcome> listener;

    /** Files seen but not yet processed, by path, with their last observed size and time. */
    private final Map<Path, Observation> candidates = new TreeMap<>();
    /** Files that could not be moved away; skipped until they change. */
    private final Map<Path, Observation> stuck = new TreeMap<>();

    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong republished = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private volatile boolean running = true;
    private volatile WatchService watchService;

    /**
     * @param folder     the drop folder; {@code done/}, {@code failed/} and the marker folder are created in it
     * @param config     settle time and rescan interval
     * @param reader     reads a file into items
     * @param normaliser builds the records (channel {@code FOLDER})
     * @param publisher  the caller's publisher; not closed here
     * @param listener   told about every file processed, on the watcher's thread
     */
    public DropFolderWatcher(
            Path folder,
            DropFolderConfig config,
            ArticleFileReader reader,
            ArticleNormaliser normaliser,
            ArticlePublisher publisher,
            Consumer<FileOutcome> listener) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        this.config = Objects.requireNonNull(config, "config");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Counts since the start, for the summary at stop. */
    public record Summary(long done, long failed, long republished, long published, long rejected) {
        /** e.g. {@code 3 files done, 1 failed (1 re-published after an interrupted run); 7 articles published, 1 rejected}. */
        public String describe() {
            return done + " files done, " + failed + " failed (" + republished
                    + " re-published after an interrupted run); " + published + " articles published, " + rejected
                    + " items rejected";
        }
    }

    /** What was done so far; safe to call from any thread. */
    public Summary summary() {
        return new Summary(done.get(), failed.get(), republished.get(), published.get(), rejected.get());
    }

    /**
     * Watches until {@link #close()}.
     *
     * @throws IOException when the folder cannot be watched or its sub-folders cannot be created
     */
    public void run() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("drop folder " + folder + " does not exist or is not a directory");
        }
        Files.createDirectories(folder.resolve(DONE));
        Files.createDirectories(folder.resolve(FAILED));
        Files.createDirectories(folder.resolve(IN_FLIGHT));
        try (WatchService ws = folder.getFileSystem().newWatchService()) {
            watchService = ws;
            if (!running) {
                return;
            }
            folder.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            LOG.info("watching {} (settle {}, rescan every {})", folder, config.settle(), config.rescan());
            long nextRescan = System.nanoTime();
            while (running) {
                if (System.nanoTime() - nextRescan >= 0) {
                    rescan();
                    nextRescan = System.nanoTime() + config.rescan().toNanos();
                }
                processCompleteFiles();
                long waitMillis = Math.max(1, Math.min(tickMillis(), (nextRescan - System.nanoTime()) / 1_000_000));
                WatchKey key = ws.poll(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            nextRescan = System.nanoTime();
                        } else if (event.context() instanceof Path name) {
                            consider(folder.resolve(name));
                        }
                    }
                    key.reset();
                }
            }
        } catch (ClosedWatchServiceException e) {
            if (running) {
                throw new IOException("the watch service of " + folder + " closed unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped watching {}: {}", folder, summary().describe());
    }

    /** Stops {@link #run()} after the file in progress; idempotent, callable from any thread. */
    @Override
    public void close() {
        running = false;
        WatchService ws = watchService;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                LOG.warn("closing the watch service of {}: {}", folder, e.toString());
            }
        }
    }

    private long tickMillis() {
        // check unsettled files a few times per settle period, but not busily
        return Math.max(50, Math.min(500, config.settle().toMillis() / 2));
    }

    private void rescan() {
        try (Stream<Path> listing = Files.list(folder)) {
            listing.forEach(this::consider);
        } catch (IOException e) {
            LOG.warn("cannot list drop folder {}: {}", folder, e.toString());
        }
    }

    private void consider(Path file) {
        if (isIgnored(file) || Files.isDirectory(file)) {
            return;
        }
        candidates.computeIfAbsent(file, f -> Observation.of(f, System.nanoTime()));
    }

    /** Hidden and temporary names are never read: see the class comment. */
    static boolean isIgnored(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private void processCompleteFiles() {
        List<Path> ready = new ArrayList<>();
        long now = System.nanoTime();
        for (var it = candidates.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Observation current = Observation.of(entry.getKey(), now);
            if (current == null) {
                it.remove(); // gone (renamed or deleted by its writer)
            } else if (current.sameAs(stuck.get(entry.getKey()))) {
                it.remove(); // could not be moved before and has not changed since
            } else if (!current.sameAs(entry.getValue())) {
                entry.setValue(current); // still being written
            } else if (now - entry.getValue().since() >= config.settle().toNanos()) {
                ready.add(entry.getKey());
            }
        }
        for (Path file : ready) {
            if (!running) {
                return;
            }
            candidates.remove(file);
            FileOutcome outcome = process(file);
            if (outcome != null) {
                listener.accept(outcome);
            }
        }
    }

    /** Processes one complete file; null when it vanished before it could be read. */
    private FileOutcome process(Path file) {
        String name = file.getFileName().toString();
        if (!ArticleFileReader.isSupported(file)) {
            String reason = "unsupported file type; expected one of ."
                    + String.join(
                            ", .",
                            ArticleFileReader.EXTENSIONS.stream().sorted().toList());
            return moveToFailed(file, List.of(), List.of(reason), false);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return moveToFailed(file, List.of(), List.of("cannot read: " + e), false);
        }
        String hash = sha256(content);
        Path marker = folder.resolve(IN_FLIGHT).resolve(name);
        boolean again = hash.equals(readMarker(marker));
        if (again) {
            LOG.warn(
                    "{} was being published by a previous run that stopped before moving it: publishing it again "
                            + "with the same article ids",
                    file);
        }
        try {
            writeAtomically(marker, hash.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.warn("cannot write the in-flight marker {}; will retry: {}", marker, e.toString());
            return retry(file, again, "cannot write in-flight marker: " + e);
        }

        List<ReadResult> results;
        try {
            results = reader.read(file);
        } catch (IOException e) {
            FileOutcome unreadable = moveToFailed(file, List.of(), List.of("cannot read: " + e), again);
            deleteMarker(marker, unreadable);
            return unreadable;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        try {
            for (ReadResult result : results) {
                Rejection rejection = null;
                if (result instanceof ParsedArticle parsed) {
                    try {
                        RawArticle article = normaliser.normalise(parsed, IngestChannel.FOLDER);
                        acks.add(publisher.publish(article));
                        ids.add(article.getArticleId());
                    } catch (InvalidArticleException e) {
                        rejection = Rejection.of(parsed.origin(), parsed.originalBytes(), e);
                    }
                } else if (result instanceof Rejection r) {
                    rejection = r;
                }
                if (rejection != null) {
                    acks.add(publisher.deadLetter(rejection, ArticlePublisher.STAGE_FOLDER));
                    reasons.add(
                            rejection.origin().line() > 0
                                    ? "line " + rejection.origin().line() + ": " + rejection.reason()
                                    : rejection.reason());
                }
            }
            publisher.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("{} was not fully acknowledged by Kafka; left in place for the next rescan: {}", file, cause);
            return retry(file, again, "not acknowledged by Kafka: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retry(file, again, "interrupted while waiting for Kafka");
        }

        if ("halt".equals(System.getProperty(FAILPOINT_AFTER_ACK))) {
            LOG.error(
                    "failpoint {}: halting after the acknowledgement of {} and before moving it",
                    FAILPOINT_AFTER_ACK,
                    file);
            Runtime.getRuntime().halt(FAILPOINT_EXIT_CODE);
        }

        published.addAndGet(ids.size());
        rejected.addAndGet(reasons.size());
        FileOutcome outcome =
                reasons.isEmpty() ? moveToDone(file, ids, again) : moveToFailed(file, ids, reasons, again);
        deleteMarker(marker, outcome);
        return outcome;
    }

    /** Once the file has left the folder, its marker has served its purpose. */
    private static void deleteMarker(Path marker, FileOutcome outcome) {
        if (outcome.status() != FileOutcome.Status.RETRY) {
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                LOG.warn("cannot delete the in-flight marker {}: {}", marker, e.toString());
            }
        }
    }

    private FileOutcome moveToDone(Path file, List<String> ids, boolean again) {
        try {
            Path target = freeName(folder.resolve(DONE), file.getFileName().toString());
            move(file, target);
            done.incrementAndGet();
            if (again) {
                republished.incrementAndGet();
            }
            return new FileOutcome(file, FileOutcome.Status.DONE, target, ids, List.of(), again);
        } catch (IOException e) {
            return cannotMove(file, ids, List.of(), again, e);
        }
    }

    private FileOutcome moveToFailed(Path file, List<String> ids, List<String> reasons, boolean again) {
        try {
            Path target = freeName(folder.resolve(FAILED), file.getFileName().toString());
            Path error = target.resolveSibling(target.getFileName() + ERROR_SUFFIX);
            writeAtomically(error, (String.join("\n", reasons) + "\n").getBytes(StandardCharsets.UTF_8));
            move(file, target);
            failed.incrementAndGet();
            if (again) {
                republished.incrementAndGet();
            }
            return new FileOutcome(file, FileOutcome.Status.FAILED, target, ids, reasons, again);
        } catch (IOException e) {
            return cannotMove(file, ids, reasons, again, e);
        }
    }

    private FileOutcome cannotMove(Path file, List<String> ids, List<String> reasons, boolean again, IOException e) {
        LOG.error("{} was processed but cannot be moved; it is skipped until it changes: {}", file, e.toString());
        Observation now = Observation.of(file, System.nanoTime());
        if (now != null) {
            stuck.put(file, now);
        }
        List<String> all = new ArrayList<>(reasons);
        all.add("cannot move: " + e);
        return new FileOutcome(file, FileOutcome.Status.RETRY, file, ids, all, again);
    }

    private FileOutcome retry(Path file, boolean again, String reason) {
        return new FileOutcome(file, FileOutcome.Status.RETRY, file, List.of(), List.of(reason), again);
    }

    /** {@code dir/name}, or {@code dir/stem-N.ext} with the smallest N that is free. */
    static Path freeName(Path dir, String name) {
        Path candidate = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1;
                Files.exists(candidate) || Files.exists(dir.resolve(candidate.getFileName() + ERROR_SUFFIX));
                n++) {
            candidate = dir.resolve(stem + "-" + n + ext);
        }
        return candidate;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Writes a temporary file beside {@code target} and renames it over {@code target}. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, content);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String readMarker(Path marker) {
        try {
            return Files.readString(marker, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Size and modification time of a file when observed, and since when they have been so. */
    private record Observation(long size, long modifiedMillis, long since) {

        /** Null when the file is gone. */
        static Observation of(Path file, long now) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Observation(
                        attributes.size(), attributes.lastModifiedTime().toMillis(), now);
            } catch (IOException e) {
                return null;
            }
        }

        boolean sameAs(Observation other) {
            return other != null && size == other.size && modifiedMillis == other.modifiedMillis;
        }
    }
}
