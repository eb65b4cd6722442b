package io.newsflow.enrich;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The size check once more, right before an article is published, after de-duplication: the check made at enrichment
 * ({@link EnrichProcessor}) used the output topics' limit of that moment, and an operator may lower
 * {@code max.message.bytes} while the article crosses the three repartition topics. The broker would then refuse
 * the record; the enricher reads the limits again and retries the task ({@link StreamThreadFailures}), and this
 * check, now up to date, turns the article into a dead letter instead of refusing it again at every retry.
 *
 * <p>That letter names the article's raw input ({@link InputCoordinates}) and leaves its value out: the raw bytes are
 * not at hand here, and they stay in {@code news-articles-raw} at the offset the letter names. It also takes the
 * internal coordinate headers off every record it passes on. One instance per stream task.
 */
final class OutputSizeCheck implements Processor<String, EnrichedArticle, String, Outcome> {

    private final OutputSizeGuard guard;
    private final Clock clock;
    private ProcessorContext<String, Outcome> context;

    OutputSizeCheck(OutputSizeGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        Optional<InputCoordinates> input = InputCoordinates.takeFrom(record.headers());
        EnrichedArticle article = record.value();
        String tooLarge = article == null ? null : guard.tooLarge(article, utf8UpperBound(article));
        if (tooLarge == null) {
            context.forward(record.withValue(new Outcome.Enriched(article)));
            return;
        }
        String where = input.map(InputCoordinates::toString).orElse("an offset this record did not carry");
        DeadLetter letter = DeadLetters.fromRecord(
                EnrichProcessor.STAGE,
                input.map(InputCoordinates::topic).orElse(null),
                input.map(InputCoordinates::partition).orElse(-1),
                input.map(InputCoordinates::offset).orElse(-1L),
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                null,
                record.headers(),
                new OutputSizeGuard.OutputTooLargeException(tooLarge
                        + " (found just before publishing: the limit was lowered after the article was enriched; the"
                        + " raw article is left out of this dead letter, it is at " + where + ")"),
                Instant.now(clock));
        context.forward(new Record<String, Outcome>(
                record.key(), new Outcome.Rejected(letter), record.timestamp(), DeadLetters.headersFor(letter)));
    }

    /** At most this many bytes of UTF-8 text came in with the article (three per UTF-16 unit at most). */
    private static int utf8UpperBound(EnrichedArticle article) {
        long chars = (long) article.getTitle().length()
                + article.getBody().length()
                + (article.getLede() == null ? 0 : article.getLede().length());
        return (int) Math.min(Integer.MAX_VALUE, 3 * chars);
    }
}
