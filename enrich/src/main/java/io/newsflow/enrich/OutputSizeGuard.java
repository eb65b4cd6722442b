package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import java.util.function.IntSupplier;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Keeps an enriched article the broker would refuse out of the enricher's output, so that it is dead-lettered instead.
 *
 * <p>Why here and not in a {@code ProductionExceptionHandler}: under exactly-once, a record the broker (or the
 * producer's {@code max.request.size}) refuses puts the transactional producer in an error state, so the transaction
 * must be aborted and nothing else, dead letters included, can be sent in it. Kafka Streams then re-processes the
 * same input and meets the same refusal, at every restart. This was seen against the real broker
 * ({@code PipelineEndToEndIT}). So the size is checked before the article is forwarded.
 *
 * <p>Cost: an article is serialized here only when it might be too large, i.e. when its input record is over a
 * quarter of the limit or it has over {@code limit / 256} mentions. Below both, its Avro form (the text it came with,
 * 32-byte-or-smaller mentions, evidence sentences taken from that text) cannot reach the limit, so ordinary articles
 * pay nothing.
 */
final class OutputSizeGuard {

    /** Room for the record batch header, the key and the headers around the value. */
    static final int RECORD_OVERHEAD = 4 * 1024;

    private final Serializer<EnrichedArticle> serializer;
    private final IntSupplier limit;

    /**
     * @param serializer the one the output topics are written with
     * @param limit      the largest record the output topics take now ({@code max.message.bytes}); read per article
     */
    OutputSizeGuard(Serializer<EnrichedArticle> serializer, IntSupplier limit) {
        this.serializer = serializer;
        this.limit = limit;
    }

    /** A guard for topics created as newsflow creates them ({@link Topics#MAX_MESSAGE_BYTES}). */
    static OutputSizeGuard standard(Serializer<EnrichedArticle> serializer) {
        return new OutputSizeGuard(serializer, () -> Topics.MAX_MESSAGE_BYTES);
    }

    /**
     * @param inputBytes size of the raw record the article came from
     * @return why {@code article} is too large for the output topics, or null when it fits
     */
    String tooLarge(EnrichedArticle article, int inputBytes) {
        int max = limit.getAsInt();
        long mentions = 0;
        for (Entity entity : article.getEntities()) {
            mentions += entity.getMentions().size();
        }
        if (inputBytes <= max / 4 && mentions <= max / 256) {
            return null;
        }
        int size = serializer.serialize(Topics.ARTICLES_ENRICHED, article).length;
        if (size + RECORD_OVERHEAD <= max) {
            return null;
        }
        return "the enriched article is " + size + " bytes (" + mentions + " mentions), larger than the " + max
                + " bytes its output topics accept (max.message.bytes of " + Topics.ARTICLES_ENRICHED
                + " and news-topic-*, less " + RECORD_OVERHEAD + " bytes of record overhead)";
    }

    /** The reason an article was not published: too large once enriched. A fault of the record, dead-lettered. */
    static final class OutputTooLargeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        OutputTooLargeException(String message) {
            super(message);
        }
    }
}
