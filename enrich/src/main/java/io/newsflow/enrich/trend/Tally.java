package io.newsflow.enrich.trend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The running count of one subject in one window, with the subject's latest label: the value of the windowed stores.
 * Internal state only (never on a public topic), so it is written by its own compact serde, not as registered Avro.
 */
record Tally(long count, String label) {

    static final Tally EMPTY = new Tally(0, "");

    Tally plusOne(String latestLabel) {
        return new Tally(count + 1, latestLabel);
    }

    static Serde<Tally> serde() {
        return Serdes.serdeFrom(
                (topic, tally) -> tally == null ? null : write(tally),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    private static byte[] write(Tally tally) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + tally.label.length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(tally.count);
            out.writeUTF(tally.label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Tally read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new Tally(in.readLong(), in.readUTF());
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt trend tally in a state store", e);
        }
    }
}
