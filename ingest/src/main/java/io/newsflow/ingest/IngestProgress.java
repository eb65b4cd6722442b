package io.newsflow.ingest;

/**
 * Hears how far a {@link FileIngestor} run has come, in bytes of input, so a caller can draw a progress bar with a
 * rate and an ETA. Called on the ingesting thread; implementations must be quick.
 */
public interface IngestProgress {

    /** Hears nothing. */
    IngestProgress NONE = new IngestProgress() {
        @Override
        public void start(long totalBytes) {}

        @Override
        public void advance(long bytes) {}
    };

    /**
     * The run starts.
     *
     * @param totalBytes size of all files that will be read (their sizes when listed)
     */
    void start(long totalBytes);

    /** Another {@code bytes} of input were read, and their articles handed to the producer or rejected. */
    void advance(long bytes);

    /** The run is over (every record acknowledged or failed). */
    default void finish() {}
}
