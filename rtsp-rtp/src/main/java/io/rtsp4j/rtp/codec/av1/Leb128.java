package io.rtsp4j.rtp.codec.av1;

/** The unsigned LEB128 integers of AV1 (at most 8 bytes, values below 2^32). */
final class Leb128 {

    private Leb128() {
    }

    static int size(int value) {
        int n = 1;
        for (int v = value >>> 7; v != 0; v >>>= 7) {
            n++;
        }
        return n;
    }

    static byte[] encode(int value) {
        int n = 1;
        for (int v = value >>> 7; v != 0; v >>>= 7) {
            n++;
        }
        byte[] out = new byte[n];
        int v = value;
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ((v & 0x7F) | (i < n - 1 ? 0x80 : 0));
            v >>>= 7;
        }
        return out;
    }

    /**
     * Decodes a value.
     *
     * @return {@code value << 8 | length}, or -1 if truncated or too large
     */
    static long decode(byte[] data, int offset, int limit) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            if (offset + i >= limit) {
                return -1;
            }
            int b = data[offset + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value > 0xFFFFFFFFL ? -1 : value << 8 | (i + 1);
            }
        }
        return -1;
    }
}
