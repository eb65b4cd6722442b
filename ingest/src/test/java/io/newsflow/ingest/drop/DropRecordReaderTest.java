package io.newsflow.ingest.drop;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ArticleFileReader;
import io.newsflow.ingest.ArticleNormaliser;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemoryRegistries;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.AvroWireSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transformation of one drop-topic record, with the real wire-format serde on an in-memory registry. */
class DropRecordReaderTest {

    private static final String REGISTRY = "drop-record-reader-test";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl("mem://" + REGISTRY);
    private final DropRecordReader reader = new DropRecordReader(
            new ArticleFileReader(),
            new ArticleNormaliser(Clock.fixed(NOW, ZoneOffset.UTC), "drop-default"),
            AvroWireSerde.forValues(registry, RawArticle.class).deserializer());

    @AfterEach
    void dropRegistry() {
        InMemoryRegistries.drop(REGISTRY);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private DropOutcome read(String key, byte[] value) {
        return reader.read(Topics.INGEST, 2, 41, key == null ? null : utf8(key), value);
    }

    private RawArticle accepted(DropOutcome outcome, DropFormat format) {
        assertThat(outcome).isInstanceOf(DropOutcome.Accepted.class);
        DropOutcome.Accepted accepted = (DropOutcome.Accepted) outcome;
        assertThat(accepted.format()).isEqualTo(format);
        return accepted.article();
    }

    private static DropOutcome.Rejected rejected(DropOutcome outcome) {
        assertThat(outcome).isInstanceOf(DropOutcome.Rejected.class);
        return (DropOutcome.Rejected) outcome;
    }

    @Test
    void shouldReadAJsonObjectWithTheRecordAsOriginAndKafkaAsChannel() {
        RawArticle article = accepted(
                read(null, utf8("{\"id\":\"j-1\",\"title\":\" Rusia  y Corea \",\"text\":\"Texto.\",\"lang\":\"es\"}")),
                DropFormat.JSON);

        assertThat(article.getArticleId()).isEqualTo("j-1");
        assertThat(article.getTitle()).isEqualTo("Rusia y Corea");
        assertThat(article.getBody()).isEqualTo("Texto.");
        assertThat(article.getDeclaredLanguage()).isEqualTo("es");
        assertThat(article.getChannel()).isEqualTo(IngestChannel.KAFKA);
        assertThat(article.getOrigin()).isEqualTo("news-ingest-2@41");
        assertThat(article.getSource()).isEqualTo("drop-default");
        assertThat(article.getIngestedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldReadPlainTextAsHeadlineLedeAndBody() {
        RawArticle article = accepted(
                read(null, utf8("Corea del Norte rechaza la carta\n\nEl régimen no la aceptó.\n\nPrimer párrafo.\n")),
                DropFormat.TEXT);

        assertThat(article.getTitle()).isEqualTo("Corea del Norte rechaza la carta");
        assertThat(article.getLede()).isEqualTo("El régimen no la aceptó.");
        assertThat(article.getBody()).isEqualTo("Primer párrafo.");
        assertThat(article.getArticleId()).startsWith("txt-");
    }

    @Test
    void shouldTakeASingleLineOfTextForAFlashWhoseLineIsTitleAndBody() {
        RawArticle article = accepted(read(null, utf8("Corea del Norte lanza un misil\n")), DropFormat.TEXT);

        assertThat(article.getTitle()).isEqualTo("Corea del Norte lanza un misil");
        assertThat(article.getBody()).isEqualTo("Corea del Norte lanza un misil");
        assertThat(article.getLede()).isNull();
    }

    @Test
    void shouldUseTheKeyAsTheIdOfAnArticleThatHasNone() {
        RawArticle article = accepted(read("sender-7", utf8("Headline\nBody text.")), DropFormat.TEXT);

        assertThat(article.getArticleId()).isEqualTo("sender-7");
    }

    @Test
    void shouldPreferTheIdInTheValueToTheKey() {
        RawArticle article =
                accepted(read("the-key", utf8("{\"id\":\"the-id\",\"title\":\"T\",\"body\":\"B\"}")), DropFormat.JSON);

        assertThat(article.getArticleId()).isEqualTo("the-id");
    }

    @Test
    void shouldIgnoreABlankKey() {
        RawArticle withBlankKey = accepted(read("  ", utf8("Headline\nBody text.")), DropFormat.TEXT);
        RawArticle withoutKey = accepted(read(null, utf8("Headline\nBody text.")), DropFormat.TEXT);

        assertThat(withBlankKey.getArticleId()).isEqualTo(withoutKey.getArticleId());
    }

    @Test
    void shouldRejectAKeyThatIsNotUtf8WhenItWouldBeTheId() {
        DropOutcome outcome = reader.read(Topics.INGEST, 0, 1, new byte[] {(byte) 0xC3}, utf8("Headline\nBody."));

        assertThat(rejected(outcome).reason()).contains("key is not UTF-8");
    }

    @Test
    void shouldReadAWireFormatRawArticleAndReplaceItsChannelAndOrigin() {
        RawArticle sent = RawArticle.newBuilder()
                .setArticleId("avro-1")
                .setSource("Agencia")
                .setChannel(IngestChannel.HTTP)
                .setOrigin("somewhere else")
                .setTitle("Título\u00a0 con  espacios")
                .setBody("Cuerpo.")
                .setIngestedAt(Instant.EPOCH)
                .setAttributes(Map.of("author", "Ana"))
                .build();
        byte[] value =
                AvroWireSerde.forValues(registry, RawArticle.class).serializer().serialize(Topics.INGEST, sent);

        RawArticle article = accepted(read("ignored-key", value), DropFormat.AVRO);

        assertThat(article.getArticleId()).isEqualTo("avro-1");
        assertThat(article.getTitle()).isEqualTo("Título con espacios");
        assertThat(article.getSource()).isEqualTo("Agencia");
        assertThat(article.getChannel()).isEqualTo(IngestChannel.KAFKA);
        assertThat(article.getOrigin()).isEqualTo("news-ingest-2@41");
        assertThat(article.getIngestedAt()).isEqualTo(NOW);
        assertThat(article.getAttributes()).containsEntry("author", "Ana");
    }

    @Test
    void shouldRejectAWireFormatRecordWithAnUnknownSchemaId() {
        byte[] value = {0, 0, 0, 0x7f, 0x7f, 2, 'a'};

        DropOutcome.Rejected rejected = rejected(read(null, value));

        assertThat(rejected.format()).isEqualTo(DropFormat.AVRO);
        assertThat(rejected.error()).isNotNull();
        assertThat(rejected.reason()).contains("schema id " + 0x7f7f);
    }

    @Test
    void shouldRejectAWireFormatRecordOfAnotherSchema() {
        DeadLetter other = DeadLetter.newBuilder()
                .setStage("x")
                .setErrorClass("E")
                .setErrorMessage("m")
                .setFailedAt(Instant.EPOCH)
                .build();
        byte[] value =
                AvroWireSerde.forValues(registry, DeadLetter.class).serializer().serialize("x", other);

        assertThat(rejected(read(null, value)).reason())
                .contains("cannot be read as io.newsflow.schemas.avro.RawArticle");
    }

    @Test
    void shouldRejectBinaryBytesWithAWrongMagicByteAsNotText() {
        DropOutcome.Rejected rejected = rejected(read(null, new byte[] {1, 0, 0, 0, 1, 2, 'a'}));

        assertThat(rejected.format()).isEqualTo(DropFormat.TEXT);
        assertThat(rejected.errorClass()).isEqualTo(InvalidArticleException.class.getName());
        assertThat(rejected.reason()).contains("binary", "0x01 at offset 0", "magic byte 0x00");
    }

    @Test
    void shouldRejectMalformedJsonSayingWhere() {
        DropOutcome.Rejected rejected = rejected(read(null, utf8("{\"title\": \"T\", \"body\": ")));

        assertThat(rejected.format()).isEqualTo(DropFormat.JSON);
        assertThat(rejected.reason()).contains("invalid JSON");
    }

    @Test
    void shouldRejectATombstone() {
        DropOutcome.Rejected rejected = rejected(read("k", null));

        assertThat(rejected.format()).isNull();
        assertThat(rejected.reason()).contains("tombstone");
    }

    @Test
    void shouldRejectAnEmptyValue() {
        assertThat(rejected(read(null, new byte[0])).reason()).contains("empty");
    }

    @Test
    void shouldRejectAValueOfOnlyWhitespaceAndZeroWidthCharacters() {
        DropOutcome.Rejected rejected = rejected(read(null, utf8(" \u200B\n\t\u2060\u00a0\n\uFEFF")));

        assertThat(rejected.reason()).contains("no visible characters");
    }

    @Test
    void shouldRejectABodyOfOnlyZeroWidthCharacters() {
        DropOutcome.Rejected rejected = rejected(read(null, utf8("Visible headline\n\u200B\u200B\n\u200D")));

        // the normaliser, shared by every source, refuses it before the drop topic's own check would
        assertThat(rejected.reason()).contains("body is empty after removing").contains("invisible characters");
    }

    @Test
    void shouldAcceptAJsonArticleWithoutTitleWithItsFirstSentenceStandingIn() {
        DropOutcome outcome = read(null, utf8("{\"body\":\"Kim met Putin. They signed a treaty.\"}"));

        assertThat(outcome).isInstanceOfSatisfying(DropOutcome.Accepted.class, accepted -> {
            assertThat(accepted.article().getTitle()).isEqualTo("Kim met Putin.");
            assertThat(accepted.article().getAttributes()).containsEntry("titleSource", "first-sentence");
        });
    }

    @Test
    void shouldDecodeAUtf16ValueWithAByteOrderMarkBeforeReadingIt() {
        byte[] value = "\uFEFFCorea del Norte abre la frontera\n\nLos primeros turistas cruzaron el lunes.\n"
                .getBytes(StandardCharsets.UTF_16LE);

        RawArticle article = accepted(read(null, value), DropFormat.TEXT);

        assertThat(article.getTitle()).isEqualTo("Corea del Norte abre la frontera");
        assertThat(article.getBody()).isEqualTo("Los primeros turistas cruzaron el lunes.");
        assertThat(article.getAttributes()).containsEntry("encoding", "UTF-16LE");
    }

    @Test
    void shouldReadAUtf16JsonObjectAsJson() {
        byte[] value =
                "\uFEFF{\"id\":\"w-1\",\"title\":\"Título\",\"text\":\"Texto.\"}".getBytes(StandardCharsets.UTF_16BE);

        RawArticle article = accepted(read(null, value), DropFormat.JSON);

        assertThat(article.getArticleId()).isEqualTo("w-1");
        assertThat(article.getAttributes()).containsEntry("encoding", "UTF-16BE");
    }

    @Test
    void shouldRejectAJsonArrayWithAReasonSayingToSendOneObjectPerRecord() {
        DropOutcome.Rejected rejected =
                rejected(read(null, utf8("[{\"title\":\"Uno\",\"text\":\"a\"},{\"title\":\"Dos\",\"text\":\"b\"}]")));

        assertThat(rejected.reason()).contains("JSON array", "one article per record");
    }

    @Test
    void shouldStillReadAHeadlineThatOnlyStartsWithABracketAsText() {
        RawArticle article = accepted(read(null, utf8("[Update] Seúl confirma el envío de tropas")), DropFormat.TEXT);

        assertThat(article.getTitle()).isEqualTo("[Update] Seúl confirma el envío de tropas");
    }

    @Test
    void shouldRejectArraysNestedTooDeeplyInsteadOfReadingThemAsAHeadline() {
        DropOutcome.Rejected rejected = rejected(read(null, utf8("[".repeat(10_000) + "]".repeat(10_000))));

        assertThat(rejected.reason()).contains("nested too deeply");
    }

    @Test
    void shouldRejectAnHtmlPageInsteadOfPublishingItsMarkupAsAHeadline() {
        DropOutcome.Rejected rejected =
                rejected(read(null, utf8("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")));

        assertThat(rejected.reason()).contains("HTML page", "newsflow ingest FILE");
    }
}
