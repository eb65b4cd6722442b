package io.newsflow.ingest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An article as read from a file, before normalisation. Text fields are as written in the file (decoded by
 * {@link TextDecoder}, line breaks kept); {@link ArticleNormaliser} cleans them.
 *
 * @param origin        where it came from
 * @param originalBytes the item's bytes as read (a defensive copy is neither made nor needed: nobody mutates them)
 * @param id            the sender's id, nullable
 * @param title         the headline, nullable or blank when the item has none (the normaliser then uses the body's
 *                      first sentence)
 * @param lede          the standfirst, nullable
 * @param body          the main text, not null
 * @param language      the declared language tag, nullable
 * @param source        the declared source (outlet), nullable
 * @param url           the declared URL, nullable
 * @param publishedAt   the declared publication time, nullable
 * @param attributes    further string fields of a JSON object, in file order; never null, unmodifiable
 */
public record ParsedArticle(
        Origin origin,
        byte[] originalBytes,
        String id,
        String title,
        String lede,
        String body,
        String language,
        String source,
        String url,
        Instant publishedAt,
        Map<String, String> attributes)
        implements ReadResult {

    public ParsedArticle {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(originalBytes, "originalBytes");
        Objects.requireNonNull(body, "body");
        // Map.copyOf would iterate in an order that changes from one JVM run to the next
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Shows the origin and title only: the text and bytes can be long. */
    @Override
    public String toString() {
        return "ParsedArticle[" + origin + ", title=" + title + "]";
    }
}
