package io.rtsp4j.rtp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One element of an RTP header extension in the RFC 8285 one-byte or two-byte form: an identifier and its data.
 *
 * <p>For the one-byte form the identifier is 1..14 and the data 1..16 bytes; for the two-byte form the identifier
 * is 1..255 and the data 0..255 bytes. Instances are immutable; {@link #data()} returns a copy.
 */
public final class RtpHeaderExtension {

    private final int id;
    private final byte[] data;

    /**
     * Creates an element.
     *
     * @param id the identifier, 1..255
     * @param data the element data (copied), at most 255 bytes
     * @throws IllegalArgumentException if the identifier or the length is out of range
     */
    public RtpHeaderExtension(int id, byte[] data) {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("header extension id must be 1..255, got " + id);
        }
        Objects.requireNonNull(data, "data");
        if (data.length > 255) {
            throw new IllegalArgumentException("header extension data must be at most 255 bytes, got " + data.length);
        }
        this.id = id;
        this.data = data.clone();
    }

    /**
     * The identifier.
     *
     * @return 1..255
     */
    public int id() {
        return id;
    }

    /**
     * The element data.
     *
     * @return a copy of the data
     */
    public byte[] data() {
        return data.clone();
    }

    /**
     * The length of the element data.
     *
     * @return the number of data bytes
     */
    public int length() {
        return data.length;
    }

    byte[] dataUnsafe() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpHeaderExtension e && e.id == id && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RtpHeaderExtension{id=" + id + ", data=" + HexFormat.of().formatHex(data) + '}';
    }
}
