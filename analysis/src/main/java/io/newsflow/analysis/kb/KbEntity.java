package io.newsflow.analysis.kb;

import io.newsflow.analysis.EntityKind;
import java.util.Objects;

/**
 * One knowledge-base entry.
 *
 * @param qid         Wikidata QID
 * @param subtype     {@code country}, {@code capital}, {@code regional-capital}, {@code city}, or {@code null}
 * @param name        canonical English name
 * @param countryCode ISO alpha-2 the entity belongs to, or {@code null}
 * @param population  largest known population of a place, 0 when unknown or not a place
 * @param prominence  0..100, which entity a full name shared by several means (built tables; countries, curated
 *                    entities 100, Natural Earth places 0: they compete by population)
 */
public record KbEntity(
        String qid, EntityKind kind, String subtype, String name, String countryCode, long population, int prominence) {
    public static final String COUNTRY = "country";
    public static final String CAPITAL = "capital";

    public KbEntity {
        Objects.requireNonNull(qid, "qid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** An entity of the hand-made tables (countries, places, curated): prominence 100. */
    public KbEntity(String qid, EntityKind kind, String subtype, String name, String countryCode, long population) {
        this(qid, kind, subtype, name, countryCode, population, 100);
    }

    /** A first-level region (state, province) or a continent, world region or historical state. */
    public boolean isRegion() {
        return kind == EntityKind.LOC
                && subtype != null
                && !isCountry()
                && !isCapital()
                && !"city".equals(subtype)
                && !"regional-capital".equals(subtype);
    }

    public boolean isCountry() {
        return COUNTRY.equals(subtype);
    }

    public boolean isCapital() {
        return CAPITAL.equals(subtype);
    }

    /** A populated place that is not a country. */
    public boolean isPlace() {
        return kind == EntityKind.LOC && !isCountry();
    }

    /**
     * Whether a mention of this entity stands for its country in country-level reasoning (topic rules): the country
     * itself, its capital, and curated people and organisations tied to one country. Ordinary cities do not.
     */
    public boolean standsForCountry() {
        return countryCode != null && (isCountry() || isCapital() || kind != EntityKind.LOC);
    }
}
