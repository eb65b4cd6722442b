package io.newsflow.enrich;

import static io.newsflow.testsupport.builders.EnrichedArticleBuilder.anEnrichedArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class OutputSizeGuardTest {

    private final Serializer<EnrichedArticle> serializer = AvroWireSerde.forValues(
                    new InMemorySchemaRegistryClient("size-guard-test"), EnrichedArticle.class)
            .serializer();

    @Test
    void shouldRefuseAnArticleWhoseSerializedFormIsOverTheLimitNamingSizeAndLimit() {
        EnrichedArticle big = anEnrichedArticle()
                .withEntity("Q2807", EntityType.LOC, "Madrid", 2_000, 0.9)
                .build();
        int size = serializer.serialize(Topics.ARTICLES_ENRICHED, big).length;
        var guard = new OutputSizeGuard(serializer, () -> size + OutputSizeGuard.RECORD_OVERHEAD - 1);

        String reason = guard.tooLarge(big, 1_000);

        assertThat(reason)
                .contains("is " + size + " bytes")
                .contains("2000 mentions")
                .contains("larger than the " + (size + OutputSizeGuard.RECORD_OVERHEAD - 1) + " bytes");
    }

    @Test
    void shouldLetThroughAnArticleThatFitsWithItsRecordOverhead() {
        EnrichedArticle big = anEnrichedArticle()
                .withEntity("Q2807", EntityType.LOC, "Madrid", 2_000, 0.9)
                .build();
        int size = serializer.serialize(Topics.ARTICLES_ENRICHED, big).length;
        var guard = new OutputSizeGuard(serializer, () -> size + OutputSizeGuard.RECORD_OVERHEAD);

        assertThat(guard.tooLarge(big, 1_000)).isNull();
    }

    @Test
    void shouldNotSerializeAnArticleFarBelowTheLimit() {
        AtomicInteger serialized = new AtomicInteger();
        Serializer<EnrichedArticle> counting = (topic, article) -> {
            serialized.incrementAndGet();
            return serializer.serialize(topic, article);
        };
        var guard = OutputSizeGuard.standard(counting);

        assertThat(guard.tooLarge(anEnrichedArticle().build(), 5_000)).isNull();
        assertThat(serialized).hasValue(0);
    }

    @Test
    void shouldReadTheLimitForEveryArticle() {
        AtomicInteger limit = new AtomicInteger(Topics.MAX_MESSAGE_BYTES);
        EnrichedArticle article = anEnrichedArticle()
                .withEntity("Q2807", EntityType.LOC, "Madrid", 100, 0.9)
                .build();
        var guard = new OutputSizeGuard(serializer, limit::get);
        assertThat(guard.tooLarge(article, 3_000)).isNull();

        limit.set(5_000); // an operator lowered max.message.bytes

        assertThat(guard.tooLarge(article, 3_000)).isNotNull();
    }
}
