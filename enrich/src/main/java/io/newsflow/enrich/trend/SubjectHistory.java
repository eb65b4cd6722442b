package io.newsflow.enrich.trend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What {@link TrendScorer} remembers of one subject for one window size: its label, the start of the first window it
 * was counted in, and the counts of its recent windows (start → count, closed or not). Windows without articles are
 * absent and count 0. Mutable, confined to one stream thread; written to the store (and its changelog) by its own
 * compact serde.
 */
final class SubjectHistory {

    private static final byte FORMAT = 1;

    private String label;
    private long firstWindowStart;
    private final NavigableMap<Long, Window> windows;

    /** One window's latest count, and whether its final update was emitted. */
    record Window(long count, boolean closed) {}

    private SubjectHistory(String label, long firstWindowStart, NavigableMap<Long, Window> windows) {
        this.label = label;
        this.firstWindowStart = firstWindowStart;
        this.windows = windows;
    }

    static SubjectHistory startingAt(String label, long windowStart) {
        return new SubjectHistory(label, windowStart, new TreeMap<>());
    }

    String label() {
        return label;
    }

    long firstWindowStart() {
        return firstWindowStart;
    }

    NavigableMap<Long, Window> windows() {
        return windows;
    }

    /** Records the latest count of an open window. */
    void update(long windowStart, long count, String latestLabel) {
        label = latestLabel;
        firstWindowStart = Math.min(firstWindowStart, windowStart);
        windows.put(windowStart, new Window(count, false));
    }

    void close(long windowStart) {
        Window w = windows.get(windowStart);
        windows.put(windowStart, new Window(w.count(), true));
    }

    /**
     * The counts of the windows before {@code windowStart}, newest first: up to {@code n} of them, none from before the
     * subject's first window.
     */
    long[] previousCounts(long windowStart, long windowSizeMs, int n) {
        int k = (int) Math.max(0, Math.min(n, (windowStart - firstWindowStart) / windowSizeMs));
        long[] counts = new long[k];
        for (int i = 1; i <= k; i++) {
            Window w = windows.get(windowStart - i * windowSizeMs);
            counts[i - 1] = w == null ? 0 : w.count();
        }
        return counts;
    }

    /**
     * Forgets closed windows that no baseline can need any more: those starting before {@code keepFrom}.
     *
     * @return whether anything was forgotten
     */
    boolean forgetClosedBefore(long keepFrom) {
        boolean changed = false;
        var it = windows.headMap(keepFrom, false).entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().closed()) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }

    /** The start of the oldest window whose final update was not emitted yet, or {@code Long.MAX_VALUE}. */
    long oldestOpenStart() {
        for (Map.Entry<Long, Window> e : windows.entrySet()) {
            if (!e.getValue().closed()) {
                return e.getKey();
            }
        }
        return Long.MAX_VALUE;
    }

    static Serde<SubjectHistory> serde() {
        return Serdes.serdeFrom(
                (topic, history) -> history == null ? null : write(history),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    private static byte[] write(SubjectHistory h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + h.label.length() + 17 * h.windows.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(h.label);
            out.writeLong(h.firstWindowStart);
            out.writeInt(h.windows.size());
            for (Map.Entry<Long, Window> e : h.windows.entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue().count());
                out.writeBoolean(e.getValue().closed());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static SubjectHistory read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("Unknown trend history format " + format + " in a state store");
            }
            String label = in.readUTF();
            long first = in.readLong();
            int n = in.readInt();
            NavigableMap<Long, Window> windows = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                windows.put(in.readLong(), new Window(in.readLong(), in.readBoolean()));
            }
            return new SubjectHistory(label, first, windows);
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt trend history in a state store", e);
        }
    }
}
