/**
 * The HTTP endpoint: {@link io.newsflow.ingest.http.HttpIngestServer} accepts articles by {@code POST /articles} and
 * answers {@code 202} once the broker has acknowledged the {@code RawArticle}.
 *
 * <h2>Contract</h2>
 * Built on the JDK's {@code com.sun.net.httpserver} (no extra dependency); reuses the parsers, normaliser and
 * publisher of {@code io.newsflow.ingest}. Bad input is answered with a JSON error body to the sender and is not
 * dead-lettered (see {@link io.newsflow.ingest.http.HttpIngestServer}).
 *
 * <h2>Thread-safety</h2>
 * {@link io.newsflow.ingest.http.HttpIngestConfig} is immutable. The server handles requests on its own small thread
 * pool; {@link io.newsflow.ingest.http.HttpIngestServer#close()} may be called from any thread.
 *
 * <h2>Nullness</h2>
 * Nothing is null unless documented; {@link io.newsflow.ingest.http.HttpIngestConfig#token()} is null when no token
 * is configured.
 */
package io.newsflow.ingest.http;
