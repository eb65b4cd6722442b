package io.newsflow.ingest.drop;

import io.newsflow.schemas.avro.RawArticle;
import java.util.Objects;

/** What became of one {@code news-ingest} record: an article for {@code news-articles-raw}, or a rejection. */
public sealed interface DropOutcome permits DropOutcome.Accepted, DropOutcome.Rejected {

    /**
     * The record is an article.
     *
     * @param article normalised, keyed by its article id on {@code news-articles-raw}
     * @param format  how the value was read
     */
    record Accepted(RawArticle article, DropFormat format) implements DropOutcome {
        public Accepted {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * The record is not an article; it goes to {@code news-dlq} with the reason.
     *
     * @param format     how the value was read, or null when it had none (tombstone, empty value)
     * @param errorClass fully qualified class name classifying the error
     * @param reason     what is wrong, in words the sender can act on
     * @param error      the exception that rejected it, or null when the problem was found without one
     */
    record Rejected(DropFormat format, String errorClass, String reason, Throwable error) implements DropOutcome {
        public Rejected {
            Objects.requireNonNull(errorClass, "errorClass");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
