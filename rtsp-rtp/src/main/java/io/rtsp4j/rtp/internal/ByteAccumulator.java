package io.rtsp4j.rtp.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** A growable byte array for reassembling fragments, with a size limit checked before every append. */
public final class ByteAccumulator {

    private byte[] data = new byte[256];
    private int size;

    /**
     * The number of bytes held.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Whether nothing is held.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Forgets the content (keeps the storage). */
    public void clear() {
        size = 0;
        if (data.length > 1 << 20) {
            data = new byte[256]; // do not keep a huge array alive after one big unit
        }
    }

    /**
     * Appends one byte.
     *
     * @param b the byte
     */
    public void append(int b) {
        ensure(1);
        data[size++] = (byte) b;
    }

    /**
     * Appends bytes of an array.
     *
     * @param src the array
     * @param off first index
     * @param len number of bytes
     */
    public void append(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, data, size, len);
        size += len;
    }

    /**
     * Appends bytes of a buffer, relative to its reader index, without moving its indexes.
     *
     * @param buf the buffer
     * @param from offset from the reader index
     * @param len number of bytes
     */
    public void append(ByteBuf buf, int from, int len) {
        ensure(len);
        buf.getBytes(buf.readerIndex() + from, data, size, len);
        size += len;
    }

    /**
     * The content.
     *
     * @return a new array with the bytes held
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(size + extra, data.length * 2));
        }
    }
}
