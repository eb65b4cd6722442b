package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

/**
 * The generated classes work without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}: this module's surefire
 * configuration deliberately leaves the property out.
 */
class TrustedAvroClassesTest {

    @Test
    void shouldTrustGeneratedClassesWithoutTheSystemProperty() {
        // Given: the JVM runs without the property, so Avro's own predicate does not trust our classes
        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).isNull();
        assertThat(ClassSecurityValidator.SYSTEM_PROPERTIES.isTrusted(IngestChannel.class))
                .isFalse();

        // When
        TrustedAvroClasses.install();

        // Then the global validator trusts them, and a record whose enum takes its default can be built
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(IngestChannel.class))
                .isTrue();
        RawArticle built = RawArticle.newBuilder()
                .setArticleId("a")
                .setSource("s")
                .setTitle("t")
                .setBody("b")
                .setIngestedAt(Instant.EPOCH)
                .build();
        assertThat(built.getChannel()).isEqualTo(IngestChannel.UNKNOWN);
    }

    @Test
    void shouldKeepRefusingClassesOutsideTrustedPackages() {
        TrustedAvroClasses.install();

        assertThat(ClassSecurityValidator.getGlobal().isTrusted(java.net.URL.class))
                .isFalse();
        assertThat(TrustedAvroClasses.inTrustedPackage(io.newsflow.schemas.Topics.class))
                .isFalse();
    }
}
