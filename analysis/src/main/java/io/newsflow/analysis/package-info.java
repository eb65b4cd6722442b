/**
 * The public API of newsflow's plain-Java enrichment: {@link io.newsflow.analysis.ArticleAnalyzer} and the immutable
 * records it returns. No Kafka and no Avro: callers (the Streams processor, the CLI) map these values to their own
 * types. All records are immutable; fields are non-null unless their documentation says nullable; offsets are Unicode
 * code points, end exclusive. Sub-packages are implementation and may change without notice.
 */
package io.newsflow.analysis;
