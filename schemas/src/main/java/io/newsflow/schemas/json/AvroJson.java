package io.newsflow.schemas.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Writes an Avro record as compact, human-friendly JSON (one line, no trailing newline).
 *
 * <p>This is not Avro's JSON encoding: unions are unwrapped ({@code "url":"https://..."} instead of
 * {@code "url":{"string":"https://..."}}) and {@code null} is JSON {@code null}. Field names are exactly the schema's,
 * in schema order. Timestamps ({@code timestamp-millis}, {@code timestamp-micros}) are ISO-8601 UTC strings such as
 * {@code "2026-11-30T00:00:00Z"}, {@code date} is {@code "2026-11-30"}, enums are their symbol, {@code bytes} and
 * {@code fixed} are base64, maps are objects, arrays are arrays, numbers are numbers (NaN and infinities as strings).
 * It works for generated (specific) and generic records alike.
 */
public final class AvroJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private AvroJson() {}

    /** The record as one line of JSON. */
    public static String toJson(IndexedRecord record) {
        StringWriter out = new StringWriter(512);
        write(record, out);
        return out.toString();
    }

    /** Writes the record as one line of JSON to {@code out} (no newline); does not close {@code out}. */
    public static void write(IndexedRecord record, Writer out) {
        Objects.requireNonNull(record, "record");
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeValue(json, record.getSchema(), record);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write " + record.getSchema().getFullName() + " as JSON", e);
        }
    }

    private static void writeValue(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        LogicalType logical = schema.getLogicalType();
        if (logical != null && writeLogical(json, logical.getName(), value)) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) value;
                json.writeStartObject();
                for (Schema.Field field : schema.getFields()) {
                    json.writeFieldName(field.name());
                    writeValue(json, field.schema(), record.get(field.pos()));
                }
                json.writeEndObject();
            }
            case UNION -> writeValue(json, unionBranch(schema, value), value);
            case ARRAY -> {
                json.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    writeValue(json, schema.getElementType(), item);
                }
                json.writeEndArray();
            }
            case MAP -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    json.writeFieldName(entry.getKey().toString());
                    writeValue(json, schema.getValueType(), entry.getValue());
                }
                json.writeEndObject();
            }
            case ENUM, STRING -> json.writeString(value.toString());
            case BYTES -> json.writeString(base64((ByteBuffer) value));
            case FIXED -> json.writeString(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case INT -> json.writeNumber(((Number) value).intValue());
            case LONG -> json.writeNumber(((Number) value).longValue());
            case FLOAT -> json.writeNumber(((Number) value).floatValue());
            case DOUBLE -> json.writeNumber(((Number) value).doubleValue());
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case NULL -> json.writeNull();
        }
    }

    /** Writes values that generated classes convert to Java types; false when the value is the raw Avro type. */
    private static boolean writeLogical(JsonGenerator json, String logicalType, Object value) throws IOException {
        switch (logicalType) {
            case "timestamp-millis" ->
                json.writeString(
                        value instanceof Instant i
                                ? i.toString()
                                : Instant.ofEpochMilli(((Number) value).longValue())
                                        .toString());
            case "timestamp-micros" -> {
                if (value instanceof Instant i) {
                    json.writeString(i.toString());
                } else {
                    long micros = ((Number) value).longValue();
                    json.writeString(Instant.ofEpochSecond(
                                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                            .toString());
                }
            }
            case "date" ->
                json.writeString(
                        value instanceof LocalDate d
                                ? d.toString()
                                : LocalDate.ofEpochDay(((Number) value).longValue())
                                        .toString());
            case "decimal" -> {
                if (!(value instanceof BigDecimal d)) {
                    return false;
                }
                json.writeNumber(d);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The branch of a union that a non-null value belongs to. */
    private static Schema unionBranch(Schema union, Object value) {
        List<Schema> branches = union.getTypes();
        Schema onlyNonNull = null;
        int nonNull = 0;
        for (Schema branch : branches) {
            if (branch.getType() != Schema.Type.NULL) {
                onlyNonNull = branch;
                nonNull++;
            }
        }
        if (nonNull == 1) {
            return onlyNonNull;
        }
        if (value instanceof Instant) {
            for (Schema branch : branches) {
                if (branch.getLogicalType() != null
                        && branch.getLogicalType().getName().startsWith("timestamp-")) {
                    return branch;
                }
            }
        }
        return branches.get(GenericData.get().resolveUnion(union, value));
    }

    private static String base64(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
