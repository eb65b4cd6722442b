package io.newsflow.testsupport.builders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Byte helpers for tests that look at keys and values as Kafka carries them. */
public final class Bytes {

    private Bytes() {}

    /** The UTF-8 bytes of {@code text}. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The remaining bytes of {@code buffer}, without moving its position. */
    public static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** The remaining bytes of {@code buffer} read as UTF-8. */
    public static String text(ByteBuffer buffer) {
        return new String(toArray(buffer), StandardCharsets.UTF_8);
    }
}
