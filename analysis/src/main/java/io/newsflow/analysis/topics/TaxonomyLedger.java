package io.newsflow.analysis.topics;

import java.util.Objects;

/**
 * Decides, record after record, which taxonomy is in force: the rules of what the {@code news-taxonomy} topic may
 * carry, in one place, so the enricher (which switches to it), {@code newsflow taxonomy show} (which reports it) and
 * {@code newsflow taxonomy publish} (which refuses what would be ignored) agree.
 *
 * <p>A record is accepted when its key is the id of the taxonomy in force, its value is a valid rules document
 * ({@link TaxonomyDocument}) of that id, and its version is newer than the one in force, or the same version with the
 * same text (a harmless re-publish). Everything else is rejected with a reason and leaves the taxonomy in force
 * unchanged: the last good version stays.
 *
 * <p>Not thread-safe: one reader feeds it records in topic order.
 */
public final class TaxonomyLedger {

    /** What became of one record. */
    public sealed interface Verdict permits Accepted, Rejected {}

    /** The record's taxonomy is now in force. */
    public record Accepted(Taxonomy taxonomy) implements Verdict {}

    /** The record was refused; the taxonomy in force is unchanged. */
    public record Rejected(String reason, InvalidTaxonomyException cause) implements Verdict {}

    private Taxonomy active;

    /** Starts from {@code initial}, usually {@link Taxonomy#bundled()}. */
    public TaxonomyLedger(Taxonomy initial) {
        this.active = Objects.requireNonNull(initial, "initial");
    }

    /** The taxonomy in force. */
    public Taxonomy active() {
        return active;
    }

    /**
     * Offers one record of {@code news-taxonomy}.
     *
     * @param key   the record key (a taxonomy id), null when the record had none
     * @param value the record value (a UTF-8 rules document), null for a tombstone
     */
    public Verdict offer(String key, byte[] value) {
        try {
            Taxonomy next = check(active, key, value);
            active = next;
            return new Accepted(next);
        } catch (InvalidTaxonomyException e) {
            return new Rejected(e.getMessage(), e);
        }
    }

    /**
     * Whether {@code value}, published under {@code key}, would replace {@code current}: the parsed taxonomy when it
     * would, an exception naming every problem when it would not.
     */
    public static Taxonomy check(Taxonomy current, String key, byte[] value) throws InvalidTaxonomyException {
        if (key == null || !key.equals(current.id())) {
            throw new InvalidTaxonomyException(
                    0,
                    "records on news-taxonomy are keyed by the taxonomy id '" + current.id() + "'; this one has "
                            + (key == null ? "no key" : "key '" + key + "'"));
        }
        if (value == null) {
            throw new InvalidTaxonomyException(
                    0, "a tombstone cannot remove the taxonomy " + key + "; publish a new version instead");
        }
        Taxonomy next = TaxonomyDocument.parse(value);
        if (!next.id().equals(key)) {
            throw new InvalidTaxonomyException(
                    0, "the document is taxonomy " + next.name() + " but was published under key '" + key + "'");
        }
        if (next.version() < current.version()) {
            throw new InvalidTaxonomyException(
                    0,
                    next.name() + " is older than " + current.name()
                            + ", which is in force; to go back, publish the old rules as a newer version");
        }
        if (next.version() == current.version() && !next.rulesVersion().equals(current.rulesVersion())) {
            throw new InvalidTaxonomyException(
                    0,
                    next.name() + " is in force with other rules (" + current.rulesVersion() + ", this document is "
                            + next.rulesVersion() + "); changed rules need a new version number");
        }
        return next;
    }
}
