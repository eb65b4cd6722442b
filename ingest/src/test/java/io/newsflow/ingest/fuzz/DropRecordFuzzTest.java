package io.newsflow.ingest.fuzz;

import static io.newsflow.schemas.fuzz.MutationFuzzer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.drop.DropOutcome;
import io.newsflow.ingest.drop.DropRecordReader;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.fuzz.MutationFuzzer;
import io.newsflow.schemas.registry.InMemoryRegistries;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the drop topic's intake ({@link DropRecordReader}: format sniffing, JSON, text and wire-format
 * Avro values, with the real serde on an in-memory registry). The property: {@code read} never throws for content
 * (the registry here is never away, so nothing is transient), a rejection has a reason, and an accepted article is a
 * valid {@code RawArticle}. See {@link MutationFuzzer} for the run length and how to replay a failure.
 */
class DropRecordFuzzTest {

    private static final String REGISTRY = "drop-record-fuzz-test";

    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mem://" + REGISTRY);
    private final DropRecordReader reader = new DropRecordReader(
            new ArticleFileReader(),
            new ArticleNormaliser(
                    Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC), "fuzz", 64 * 1024),
            AvroWireSerde.forValues(registry, RawArticle.class).deserializer());

    @AfterEach
    void dropRegistry() {
        InMemoryRegistries.drop(REGISTRY);
    }

    @Test
    void shouldTurnEveryRecordIntoAnArticleOrADeadLetterReason() {
        List<byte[]> seeds = new ArrayList<>(ArticleParsersFuzzTest.JSON_SEEDS);
        seeds.addAll(ArticleParsersFuzzTest.TEXT_SEEDS);
        seeds.add(utf8("[Update] Seúl confirma el envío de tropas"));
        seeds.add(utf8("<!doctype html><html><body><p>x</p></body></html>"));
        seeds.add(AvroWireSerde.forValues(registry, RawArticle.class)
                .serializer()
                .serialize(
                        Topics.INGEST,
                        RawArticle.newBuilder()
                                .setArticleId("avro-1")
                                .setSource("agencia")
                                .setChannel(IngestChannel.KAFKA)
                                .setOrigin("elsewhere")
                                .setTitle("Título")
                                .setBody("Cuerpo del artículo.")
                                .setIngestedAt(Instant.parse("2026-12-01T00:00:00Z"))
                                .setAttributes(Map.of("author", "EFE"))
                                .build()));

        MutationFuzzer.fuzz("drop-record", seeds, input -> check(reader.read(Topics.INGEST, 0, 7, null, input)));
    }

    static void check(DropOutcome outcome) {
        assertThat(outcome).isNotNull();
        if (outcome instanceof DropOutcome.Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank();
            assertThat(rejected.errorClass()).isNotBlank();
            return;
        }
        ArticleParsersFuzzTest.checkArticle(((DropOutcome.Accepted) outcome).article());
    }
}
