package io.newsflow.enrich;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes the enricher's topology needs. Raw values are read as bytes and decoded inside the processor, so a record
 * that cannot be decoded becomes a dead letter with its original bytes instead of stopping the application. Trend
 * updates are registered under {@code news-trends-value}.
 *
 * <p>{@code internalArticles} writes articles to Kafka Streams' own topics (the de-duplication repartition topics,
 * {@code <application.id>-dedup-*-repartition}). Their names depend on the application id, nobody else reads them,
 * and no set-up step can know them beforehand, so that serde registers its subjects itself even when the public ones
 * are only looked up (found by the fault suite: a lookup-only serde there stopped {@code newsflow enrich} at its first
 * article).
 *
 * @param rawArticles      decodes {@code news-articles-raw}
 * @param enrichedArticles {@code news-articles-enriched} and {@code news-topic-*}
 * @param deadLetters      {@code news-dlq}
 * @param trendUpdates     {@code news-trends}
 * @param internalArticles the enricher's internal repartition topics; always registers
 */
public record EnrichSerdes(
        Deserializer<RawArticle> rawArticles,
        Serde<EnrichedArticle> enrichedArticles,
        Serde<DeadLetter> deadLetters,
        Serde<TrendUpdate> trendUpdates,
        Serde<EnrichedArticle> internalArticles) {

    public EnrichSerdes {
        Objects.requireNonNull(rawArticles, "rawArticles");
        Objects.requireNonNull(enrichedArticles, "enrichedArticles");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(trendUpdates, "trendUpdates");
        Objects.requireNonNull(internalArticles, "internalArticles");
    }

    /** Serdes whose internal topics use {@code enrichedArticles} too (it must then register its subjects). */
    public EnrichSerdes(
            Deserializer<RawArticle> rawArticles,
            Serde<EnrichedArticle> enrichedArticles,
            Serde<DeadLetter> deadLetters,
            Serde<TrendUpdate> trendUpdates) {
        this(rawArticles, enrichedArticles, deadLetters, trendUpdates, enrichedArticles);
    }

    /** Confluent wire-format Avro serdes over one schema registry, registering schemas that are missing (tests). */
    public static EnrichSerdes using(SchemaRegistryClient registry) {
        return using(registry, true);
    }

    /**
     * Confluent wire-format Avro serdes over one schema registry.
     *
     * @param autoRegister {@code false} (the service's default): the serializers only look their schemas up, and a
     *                     missing one stops the enricher naming the subject and {@code newsflow topics --create}
     */
    public static EnrichSerdes using(SchemaRegistryClient registry, boolean autoRegister) {
        return new EnrichSerdes(
                AvroWireSerde.forValues(registry, RawArticle.class).deserializer(),
                AvroWireSerde.forValues(registry, EnrichedArticle.class, autoRegister),
                AvroWireSerde.forValues(registry, DeadLetter.class, autoRegister),
                AvroWireSerde.forValues(registry, TrendUpdate.class, autoRegister),
                AvroWireSerde.forValues(registry, EnrichedArticle.class, true));
    }
}
