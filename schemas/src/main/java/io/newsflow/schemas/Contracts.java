package io.newsflow.schemas;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * newsflow's schema contracts: which record each topic's values hold, and the {@code .avsc} text of each record as
 * this module ships it (under {@code avro/} in its jar).
 *
 * <p>What is registered is the contract, not the generated class's schema. The Avro compiler adds
 * {@code "avro.java.string":"String"} to every string of the class's copy (it is built with {@code stringType=String});
 * that property means nothing outside Java and would show in every registry UI. The contract and the class describe
 * the same binary encoding, which {@link #contractOf} checks (equal Parsing Canonical Form) before handing the contract
 * out, so the bytes written with the class are read with the registered contract and back.
 */
public final class Contracts {

    /** The top-level contracts, by file under {@code avro/}; shared named types live in {@code avro/common/}. */
    private static final List<String> CONTRACT_FILES =
            List.of("RawArticle.avsc", "EnrichedArticle.avsc", "DeadLetter.avsc", "TrendUpdate.avsc");

    private static final List<String> COMMON_FILES = List.of("common/IngestChannel.avsc", "common/TextField.avsc");

    private static final Map<String, Schema> CONTRACTS_BY_NAME = new ConcurrentHashMap<>();

    private Contracts() {}

    /**
     * The record class the values of {@code topic} hold, when newsflow writes Avro there: {@code RawArticle} on
     * {@link Topics#INGEST} (for producers that send Avro) and {@link Topics#ARTICLES_RAW}, {@code EnrichedArticle} on
     * {@link Topics#ARTICLES_ENRICHED} and every {@code news-topic-<id>}, {@code TrendUpdate} on {@link Topics#TRENDS},
     * {@code DeadLetter} on {@link Topics#DLQ}. Empty for {@link Topics#TAXONOMY} (JSON) and for topics not newsflow's.
     */
    public static Optional<Class<? extends SpecificRecord>> valueClass(String topic) {
        if (topic.startsWith(Topics.GEO_TOPIC_PREFIX)) {
            return Optional.of(EnrichedArticle.class);
        }
        return Optional.ofNullable(
                switch (topic) {
                    case Topics.INGEST, Topics.ARTICLES_RAW -> RawArticle.class;
                    case Topics.ARTICLES_ENRICHED -> EnrichedArticle.class;
                    case Topics.TRENDS -> TrendUpdate.class;
                    case Topics.DLQ -> DeadLetter.class;
                    default -> null;
                });
    }

    /**
     * The contract to register for a generated class's schema: the shipped {@code .avsc} of the same full name, or
     * {@code classSchema} itself when newsflow ships no contract of that name (a record of someone else's).
     *
     * @throws IllegalStateException when the shipped contract and the class describe different encodings (a class
     *     generated from another version of the contract is on the classpath): writing with one and registering the
     *     other would make unreadable records
     */
    public static Schema contractOf(Schema classSchema) {
        Schema contract = contract(classSchema.getFullName()).orElse(null);
        if (contract == null) {
            return classSchema;
        }
        String ours = SchemaNormalization.toParsingForm(contract);
        String theirs = SchemaNormalization.toParsingForm(classSchema);
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("The shipped contract avro/" + classSchema.getName()
                    + ".avsc and the class " + classSchema.getFullName()
                    + " on the classpath differ in their Parsing Canonical Form: the class was generated from"
                    + " another version of the contract. Contract: " + ours + " Class: " + theirs);
        }
        return contract;
    }

    /** The shipped contract of the record with this full name, e.g. {@code io.newsflow.schemas.avro.RawArticle}. */
    public static Optional<Schema> contract(String fullName) {
        if (CONTRACTS_BY_NAME.isEmpty()) {
            load();
        }
        return Optional.ofNullable(CONTRACTS_BY_NAME.get(fullName));
    }

    private static synchronized void load() {
        if (!CONTRACTS_BY_NAME.isEmpty()) {
            return;
        }
        for (String file : CONTRACT_FILES) {
            // one parser per contract: two contracts may define the same nested type, a parser refuses a second
            // definition; the shared types are parsed first so that the contracts can name them
            Schema.Parser parser = new Schema.Parser();
            for (String common : COMMON_FILES) {
                parser.parse(resource(common));
            }
            Schema schema = parser.parse(resource(file));
            CONTRACTS_BY_NAME.put(schema.getFullName(), schema);
        }
    }

    private static String resource(String file) {
        String path = "avro/" + file;
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The schema contract " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema contract " + path, e);
        }
    }
}
