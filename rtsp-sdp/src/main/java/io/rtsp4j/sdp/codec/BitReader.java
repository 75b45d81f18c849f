package io.rtsp4j.sdp.codec;

/** Reads bits most significant first, with the Exp-Golomb codes of H.264/H.265. */
final class BitReader {

    private final byte[] data;
    private final String what;
    private int bit;

    BitReader(byte[] data, int startByte, String what) {
        this.data = data;
        this.bit = startByte * 8;
        this.what = what;
    }

    int remaining() {
        return data.length * 8 - bit;
    }

    int position() {
        return bit;
    }

    boolean flag() {
        return bits(1) == 1;
    }

    /** Reads up to 32 bits as an unsigned value (a {@code long} so that 32 bits fit). */
    long bitsLong(int n) {
        if (n > remaining()) {
            throw new CodecConfigException(what + " is truncated");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = (data[bit >>> 3] >>> (7 - (bit & 7))) & 1;
            v = (v << 1) | b;
            bit++;
        }
        return v;
    }

    int bits(int n) {
        return (int) bitsLong(n);
    }

    /** The next {@code n} bits (up to 31) without consuming them; the caller checks {@link #remaining()}. */
    int peek(int n) {
        int saved = bit;
        int v = bits(n);
        bit = saved;
        return v;
    }

    void skip(int n) {
        if (n > remaining()) {
            throw new CodecConfigException(what + " is truncated");
        }
        bit += n;
    }

    /** ue(v); values above 2^31-2 are rejected (no legal syntax element needs them). */
    int ue() {
        int zeros = 0;
        while (!flag()) {
            zeros++;
            if (zeros > 30) {
                throw new CodecConfigException(what + " has an invalid Exp-Golomb code");
            }
        }
        return (int) ((1L << zeros) - 1 + bitsLong(zeros));
    }

    /** ue(v) that must not exceed max. */
    int ue(int max, String field) {
        int v = ue();
        if (v > max) {
            throw new CodecConfigException(what + ": " + field + " out of range (" + v + ")");
        }
        return v;
    }

    /** se(v). */
    int se() {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }
}
