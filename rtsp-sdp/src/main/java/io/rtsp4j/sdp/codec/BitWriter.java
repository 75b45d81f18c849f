package io.rtsp4j.sdp.codec;

import java.io.ByteArrayOutputStream;

/** Writes bits most significant first; the last byte is padded with zeros. */
final class BitWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void bits(long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            current = (current << 1) | (int) ((value >>> i) & 1);
            used++;
            if (used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
    }

    void flag(boolean v) {
        bits(v ? 1 : 0, 1);
    }

    byte[] toByteArray() {
        if (used > 0) {
            out.write(current << (8 - used));
            current = 0;
            used = 0;
        }
        return out.toByteArray();
    }
}
