/**
 * The drop folder: {@link io.newsflow.ingest.watch.DropFolderWatcher} publishes every complete file that appears in a
 * folder and then moves it to {@code done/} or {@code failed/}.
 *
 * <h2>Contract</h2>
 * Publish, wait for the broker's acknowledgement, then move: a crash between the two leaves the file in place, and
 * the next run publishes it again with the same article ids (ids are derived from the content, so downstream
 * consumers that key by article id see one article). Nothing in the folder is deleted. This package reuses the
 * file reader, normaliser and publisher of {@code io.newsflow.ingest}; it imports the Kafka clients only for
 * {@code RecordMetadata}.
 *
 * <h2>Thread-safety</h2>
 * {@link io.newsflow.ingest.watch.DropFolderConfig} and {@link io.newsflow.ingest.watch.FileOutcome} are immutable.
 * A watcher runs its loop on one thread; {@link io.newsflow.ingest.watch.DropFolderWatcher#close()} may be called from
 * any other thread (a shutdown hook).
 *
 * <h2>Nullness</h2>
 * Nothing is null unless documented.
 */
package io.newsflow.ingest.watch;
