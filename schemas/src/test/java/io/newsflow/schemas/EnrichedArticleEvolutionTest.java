package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/** The contract of {@code EnrichedArticle} may only change BACKWARD-compatibly: readers of the new schema read old data. */
class EnrichedArticleEvolutionTest {

    @Test
    void shouldReadRecordsWrittenBeforeDuplicateOfExistedWithDuplicateOfNull() {
        Schema current = EnrichedArticle.getClassSchema();
        Schema beforeDuplicateOf = withoutField(current, "duplicateOf");

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, beforeDuplicateOf);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(current.getField("duplicateOf").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    }

    private static Schema withoutField(Schema record, String name) {
        List<Schema.Field> fields = record.getFields().stream()
                .filter(f -> !f.name().equals(name))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        assertThat(fields).hasSize(record.getFields().size() - 1);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
