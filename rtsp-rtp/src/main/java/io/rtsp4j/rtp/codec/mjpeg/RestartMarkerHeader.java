package io.rtsp4j.rtp.codec.mjpeg;

import io.rtsp4j.rtp.codec.RtpCodecException;

/**
 * The restart marker header of RFC 2435 section 3.1.7, present for types 64..127.
 *
 * @param interval the restart interval (DRI) in MCUs
 * @param count the 16-bit field holding the F and L bits and the 14-bit restart count (0xFFFF: whole frame)
 */
public record RestartMarkerHeader(int interval, int count) {

    /** Encoded size. */
    public static final int SIZE = 4;

    /**
     * Decodes the header.
     *
     * @param b the bytes
     * @param off where the header starts
     * @param len bytes available
     * @return the header
     * @throws RtpCodecException if fewer than 4 bytes are available
     */
    public static RestartMarkerHeader decode(byte[] b, int off, int len) throws RtpCodecException {
        if (len < SIZE) {
            throw RtpCodecException.malformed("restart marker header is too short");
        }
        return new RestartMarkerHeader((b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF),
                (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF));
    }

    /**
     * Encodes the header.
     *
     * @return 4 bytes
     */
    public byte[] encode() {
        return new byte[] {(byte) (interval >>> 8), (byte) interval, (byte) (count >>> 8), (byte) count};
    }
}
