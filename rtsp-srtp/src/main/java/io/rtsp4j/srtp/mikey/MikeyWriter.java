package io.rtsp4j.srtp.mikey;

import java.util.Arrays;

/** A growable big-endian byte writer for encoding. */
final class MikeyWriter {

    private byte[] buf = new byte[128];
    private int size;

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    int size() {
        return size;
    }

    MikeyWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    MikeyWriter u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    MikeyWriter u32(long v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    MikeyWriter u64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    MikeyWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Overwrites one byte already written (the next-payload field of the previous payload). */
    void set(int at, int v) {
        buf[at] = (byte) v;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
