package io.rtsp4j.srtp.mikey;

import java.util.Arrays;
import java.util.HexFormat;

/** Range checks and byte-array helpers shared by the MIKEY records. */
final class Fields {

    static final byte[] EMPTY = new byte[0];

    private Fields() {
    }

    static void checkU8(int v, String field) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(field + " must be 0..255: " + v);
        }
    }

    static void checkU32(long v, String field) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " must be 0..2^32-1: " + v);
        }
    }

    static byte[] copy(byte[] b, String field, int maxLength) {
        if (b == null) {
            throw new NullPointerException(field);
        }
        if (b.length > maxLength) {
            throw new IllegalArgumentException(field + " longer than " + maxLength + " bytes: " + b.length);
        }
        return b.length == 0 ? EMPTY : b.clone();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static int hash(byte[]... arrays) {
        int h = 1;
        for (byte[] a : arrays) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return h;
    }
}
