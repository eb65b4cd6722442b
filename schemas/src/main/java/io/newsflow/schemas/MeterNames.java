package io.newsflow.schemas;

/**
 * The names of newsflow's own meters, declared once like the topics: dashboards and alerts depend on them, so they
 * are part of the contract. Micrometer names are dotted; the Prometheus registry exports {@code newsflow.records.in}
 * as {@code newsflow_records_in_total}. Every stage meter carries the tag {@value #STAGE_TAG} ({@code ingest-topic},
 * {@code enrich}, {@code sink}: the same names as a dead letter's stage).
 */
public final class MeterNames {

    /** Tag naming the stage of the pipeline. */
    public static final String STAGE_TAG = "stage";
    /** Counter: records a stage read. */
    public static final String RECORDS_IN = "newsflow.records.in";
    /** Counter: records a stage wrote onward (published, enriched, stored). */
    public static final String RECORDS_OUT = "newsflow.records.out";
    /** Counter: records a stage sent to {@code news-dlq}. */
    public static final String RECORDS_DEAD_LETTERED = "newsflow.records.dead.lettered";
    /** Timer with a histogram: time to enrich one article (language, entities, topics). */
    public static final String ENRICH_LATENCY = "newsflow.enrich.latency";
    /** Distribution: entities found per enriched article. */
    public static final String ENTITIES_PER_ARTICLE = "newsflow.enrich.entities.per.article";
    /** Distribution: geopolitical topics tagged per enriched article. */
    public static final String TOPICS_PER_ARTICLE = "newsflow.enrich.topics.per.article";
    /** Counter with tag {@code kind} = {@code exact} (not published again) or {@code near} (marked duplicateOf). */
    public static final String DUPLICATES = "newsflow.enrich.duplicates";
    /** Distribution: records per sink batch (one database transaction). */
    public static final String SINK_BATCH_SIZE = "newsflow.sink.batch.size";
    /** Timer: writing a sink batch, acknowledging its dead letters and committing its offsets. */
    public static final String SINK_COMMIT_LATENCY = "newsflow.sink.commit.latency";

    private MeterNames() {}
}
