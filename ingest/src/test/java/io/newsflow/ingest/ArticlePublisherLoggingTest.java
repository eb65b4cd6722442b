package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Ingest's log lines about an article name it: the article id is in the logging context (MDC) while it is sent. */
class ArticlePublisherLoggingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ArticlePublisher.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
    }

    @Test
    void shouldCarryTheArticleIdOnTheLinesLoggedWhileTheArticleIsPublished() {
        // a value serializer that notes the id in the logging context when the producer calls it, as a registry
        // client logging a retry from inside the serializer would see it
        List<String> seenBySerializer = new ArrayList<>();
        Serializer<RawArticle> noting = (topic, article) -> {
            seenBySerializer.add(MDC.get(ArticlePublisher.ARTICLE_ID_MDC));
            return article.getArticleId().getBytes(StandardCharsets.UTF_8);
        };
        Serializer<DeadLetter> unused = (topic, letter) -> new byte[0];
        try (ArticlePublisher publisher = new ArticlePublisher(
                new MockProducer<>(true, null, new StringSerializer(), noting),
                new MockProducer<>(true, null, new StringSerializer(), unused),
                Clock.systemUTC())) {

            publisher.publish(article("mdc-ingest-1"));
            publisher.publish(article("mdc-ingest-2"));
        }

        assertThat(lines.list)
                .filteredOn(e -> e.getFormattedMessage().startsWith("Publishing article"))
                .extracting(e -> e.getMDCPropertyMap().get(ArticlePublisher.ARTICLE_ID_MDC))
                .containsExactly("mdc-ingest-1", "mdc-ingest-2");
        assertThat(seenBySerializer).containsExactly("mdc-ingest-1", "mdc-ingest-2");
        assertThat(MDC.get(ArticlePublisher.ARTICLE_ID_MDC)).isNull();
    }

    private static RawArticle article(String id) {
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setSource("Test Gazette")
                .setChannel(IngestChannel.FILE)
                .setTitle("A title")
                .setBody("A body")
                .setIngestedAt(Instant.parse("2026-12-04T00:00:00Z"))
                .build();
    }
}
