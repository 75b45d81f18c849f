package io.rtsp4j.rtp.internal;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** Small byte-array and payload helpers. */
public final class Bytes {

    private Bytes() {
    }

    /**
     * Copies {@code length} bytes of a buffer starting {@code from} bytes after its reader index.
     *
     * @param buf the buffer (indexes unchanged)
     * @param from offset from the reader index
     * @param length number of bytes
     * @return a new array
     */
    public static byte[] copy(ByteBuf buf, int from, int length) {
        byte[] b = new byte[length];
        buf.getBytes(buf.readerIndex() + from, b);
        return b;
    }

    /**
     * Copies the readable bytes of a buffer.
     *
     * @param buf the buffer (indexes unchanged)
     * @return a new array
     */
    public static byte[] copy(ByteBuf buf) {
        return copy(buf, 0, buf.readableBytes());
    }

    /**
     * The unsigned byte at {@code index} bytes after the reader index.
     *
     * @param buf the buffer
     * @param index offset from the reader index
     * @return 0..255
     */
    public static int u8(ByteBuf buf, int index) {
        return buf.getUnsignedByte(buf.readerIndex() + index);
    }

    /**
     * The unsigned big-endian 16-bit value at {@code index} bytes after the reader index.
     *
     * @param buf the buffer
     * @param index offset from the reader index
     * @return 0..65535
     */
    public static int u16(ByteBuf buf, int index) {
        return buf.getUnsignedShort(buf.readerIndex() + index);
    }

    /**
     * Whether {@code pattern} occurs in {@code data}.
     *
     * @param data the data
     * @param pattern the pattern
     * @return true if found
     */
    public static boolean contains(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0) >= 0;
    }

    /**
     * The first index of {@code pattern} in {@code data} at or after {@code from}.
     *
     * @param data the data
     * @param pattern the pattern
     * @param from first index to try
     * @return the index, or -1
     */
    public static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Concatenates arrays.
     *
     * @param parts the arrays
     * @return a new array
     */
    public static byte[] concat(List<byte[]> parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    /**
     * Total length of arrays.
     *
     * @param parts the arrays
     * @return the sum of their lengths
     */
    public static int totalLength(List<byte[]> parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        return n;
    }
}
