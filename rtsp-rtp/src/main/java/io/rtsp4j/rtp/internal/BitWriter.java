package io.rtsp4j.rtp.internal;

/** Writes big-endian bit fields into a byte array sized by the caller. */
public final class BitWriter {

    private final byte[] data;
    private int pos;

    /**
     * Writes into {@code data} starting at byte {@code offset}.
     *
     * @param data the destination, zero-filled where bits are written
     * @param offset first byte
     */
    public BitWriter(byte[] data, int offset) {
        this.data = data;
        this.pos = offset * 8;
    }

    /**
     * Writes an unsigned field.
     *
     * @param value the value (low {@code bits} bits written)
     * @param bits 0..63
     */
    public void write(long value, int bits) {
        for (int i = bits - 1; i >= 0; i--) {
            if (((value >>> i) & 1) != 0) {
                data[pos >>> 3] |= (byte) (0x80 >>> (pos & 7));
            }
            pos++;
        }
    }
}
