/**
 * Trends on {@code news-trends}: how many enriched articles named each geopolitical topic and each linked entity in
 * tumbling event-time windows of 15 minutes and 1 day, with a spike score against the subject's previous windows.
 *
 * <p>{@link io.newsflow.enrich.trend.TrendTopology#addTo} is a pure builder over the stream of enriched articles;
 * {@link io.newsflow.enrich.trend.SpikeScore} and {@link io.newsflow.enrich.trend.TrendSubject} are plain functions
 * of their inputs. May import Kafka Streams, the schemas module and {@code io.newsflow.enrich}; never the analysis.
 * Processors and their state are confined to one stream thread each.
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise.
 */
package io.newsflow.enrich.trend;
