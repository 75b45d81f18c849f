package io.rtsp4j.srtp.mikey;

import java.util.Arrays;

/** A bounds-checked cursor over message bytes: every read names its field and fails with a MikeyException. */
final class MikeyReader {

    private final byte[] data;
    private final int end;
    private int position;

    MikeyReader(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    private void need(int count, String field) throws MikeyException {
        if (end - position < count) {
            throw new MikeyException("truncated " + field + ": needs " + count + " bytes, " + (end - position)
                    + " left", position);
        }
    }

    int u8(String field) throws MikeyException {
        need(1, field);
        return data[position++] & 0xFF;
    }

    int u16(String field) throws MikeyException {
        need(2, field);
        int v = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    long u32(String field) throws MikeyException {
        need(4, field);
        long v = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    long u64(String field) throws MikeyException {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[position + i] & 0xFF);
        }
        position += 8;
        return v;
    }

    byte[] bytes(int count, String field) throws MikeyException {
        need(count, field);
        byte[] out = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return out;
    }

    /** A reader over the next {@code count} bytes, which this reader skips. */
    MikeyReader slice(int count, String field) throws MikeyException {
        need(count, field);
        MikeyReader slice = new MikeyReader(data, position, position + count);
        position += count;
        return slice;
    }

    /** Whether all remaining bytes are zero (padding some implementations append). */
    boolean restIsZero() {
        for (int i = position; i < end; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
