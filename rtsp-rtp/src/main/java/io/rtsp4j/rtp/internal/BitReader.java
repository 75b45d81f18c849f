package io.rtsp4j.rtp.internal;

/** Reads big-endian bit fields from a byte array, with bounds checks. */
public final class BitReader {

    private final byte[] data;
    private final int limitBits;
    private int pos;

    /**
     * Reads {@code data[offset..offset+length)}.
     *
     * @param data the bytes
     * @param offset first byte
     * @param length number of bytes
     */
    public BitReader(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset * 8;
        this.limitBits = (offset + length) * 8;
    }

    /**
     * Bits left.
     *
     * @return the number of unread bits
     */
    public int remaining() {
        return limitBits - pos;
    }

    /**
     * The current bit position relative to the start of the array.
     *
     * @return the bit index
     */
    public int position() {
        return pos;
    }

    /**
     * Reads an unsigned field.
     *
     * @param bits 0..63
     * @return the value
     * @throws IllegalStateException if fewer bits are left (callers check {@link #remaining()} first)
     */
    public long read(int bits) {
        if (bits > remaining()) {
            throw new IllegalStateException("not enough bits");
        }
        long v = 0;
        for (int i = 0; i < bits; i++) {
            v = v << 1 | ((data[pos >>> 3] >>> (7 - (pos & 7))) & 1);
            pos++;
        }
        return v;
    }

    /**
     * Skips bits.
     *
     * @param bits number of bits
     */
    public void skip(int bits) {
        if (bits > remaining()) {
            throw new IllegalStateException("not enough bits");
        }
        pos += bits;
    }

    /**
     * Reads an unsigned Exp-Golomb code (H.264 ue(v)).
     *
     * @return the value
     * @throws IllegalStateException on truncated input or a code longer than 31 bits
     */
    public long readUe() {
        int zeros = 0;
        while (read(1) == 0) {
            zeros++;
            if (zeros > 31) {
                throw new IllegalStateException("invalid Exp-Golomb code");
            }
        }
        return (1L << zeros) - 1 + read(zeros);
    }
}
