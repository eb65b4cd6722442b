package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private static final Schema V1 = SchemaBuilder.record("R")
            .namespace("t")
            .fields()
            .requiredString("a")
            .endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("R")
            .namespace("t")
            .fields()
            .requiredString("a")
            .name("b")
            .type()
            .intType()
            .intDefault(7)
            .endRecord();
    private static final Schema V2_REQUIRED = SchemaBuilder.record("R")
            .namespace("t")
            .fields()
            .requiredString("a")
            .requiredInt("b")
            .endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("unit");

    @Test
    void shouldReturnSameIdForSameSchemaUnderAnySubject() {
        int first = registry.register("s-value", V1);
        int again = registry.register("s-value", new Schema.Parser().parse(V1.toString()));
        int elsewhere = registry.register("other-value", V1);

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(registry.register("s-value", V2_WITH_DEFAULT)).isNotEqualTo(first);
    }

    @Test
    void shouldFindSchemaById() {
        int id = registry.register("s-value", V1);

        assertThat(registry.schemaById(id)).isEqualTo(V1);
    }

    @Test
    void shouldThrowUnknownSchemaForUnknownId() {
        assertThatThrownBy(() -> registry.schemaById(99))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("mem://unit")
                .hasMessageContaining("99");
    }

    @Test
    void shouldAcceptAnyChangeWhileNoCompatibilityIsSet() {
        registry.register("s-value", V1);

        assertThat(registry.register("s-value", V2_REQUIRED)).isPositive();
        assertThat(registry.versions("s-value")).containsExactly(V1, V2_REQUIRED);
    }

    @Test
    void shouldAcceptFieldWithDefaultUnderBackward() {
        registry.register("s-value", V1);
        registry.setCompatibility("s-value", "backward");

        registry.register("s-value", V2_WITH_DEFAULT);

        assertThat(registry.versions("s-value")).containsExactly(V1, V2_WITH_DEFAULT);
        assertThat(registry.compatibility("s-value")).isEqualTo("BACKWARD");
    }

    @Test
    void shouldRejectRequiredFieldWithoutDefaultUnderBackward() {
        registry.register("s-value", V1);
        registry.setCompatibility("s-value", "BACKWARD");

        assertThatThrownBy(() -> registry.register("s-value", V2_REQUIRED))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("s-value")
                .hasMessageContaining("BACKWARD");
        assertThat(registry.versions("s-value")).containsExactly(V1);
    }

    @Test
    void shouldRejectRemovedFieldWithoutDefaultUnderForward() {
        registry.register("s-value", V2_REQUIRED);
        registry.setCompatibility("s-value", "FORWARD");

        // old readers need b, which the new writer no longer sends and which has no default
        assertThatThrownBy(() -> registry.register("s-value", V1)).isInstanceOf(IncompatibleSchemaException.class);
    }

    @Test
    void shouldRejectUnknownCompatibilityLevel() {
        assertThatThrownBy(() -> registry.setCompatibility("s-value", "SOMETIMES"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("SOMETIMES");
    }

    @Test
    void shouldGiveOneIdWhenManyThreadsRegisterTheSameSchema() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 200)
                    .<Callable<Integer>>mapToObj(i -> () -> registry.register("s" + (i % 5) + "-value", V1))
                    .toList();
            List<Integer> ids = pool.invokeAll(calls).stream()
                    .map(InMemorySchemaRegistryClientTest::get)
                    .toList();

            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Integer get(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
