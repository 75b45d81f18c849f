package io.rtsp4j.rtp.codec.mjpeg;

import io.rtsp4j.rtp.codec.RtpCodecException;

/**
 * The main JPEG header of RFC 2435 section 3.1, 8 bytes at the start of every payload.
 *
 * @param typeSpecific the type-specific field (0 for progressive frames)
 * @param fragmentOffset offset of the payload's data in the frame's scan data, 0..0xFFFFFF
 * @param type the RFC 2435 type: 0 (4:2:2), 1 (4:2:0), +64 when a restart marker header follows
 * @param quantization Q: 1..99 for the scaled standard tables, 128..255 for in-band tables
 * @param width the width in pixels, a multiple of 8 up to 2040
 * @param height the height in pixels, a multiple of 8 up to 2040
 */
public record JpegHeader(int typeSpecific, int fragmentOffset, int type, int quantization, int width, int height) {

    /** Encoded size. */
    public static final int SIZE = 8;

    /**
     * Decodes the header.
     *
     * @param b the bytes
     * @param off where the header starts
     * @param len bytes available
     * @return the header
     * @throws RtpCodecException if fewer than 8 bytes are available
     */
    public static JpegHeader decode(byte[] b, int off, int len) throws RtpCodecException {
        if (len < SIZE) {
            throw RtpCodecException.malformed("JPEG header is too short");
        }
        return new JpegHeader(b[off] & 0xFF, (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF),
                b[off + 4] & 0xFF, b[off + 5] & 0xFF, (b[off + 6] & 0xFF) * 8, (b[off + 7] & 0xFF) * 8);
    }

    /**
     * Encodes the header.
     *
     * @param out the destination
     * @param off where to write 8 bytes
     */
    public void encode(byte[] out, int off) {
        out[off] = (byte) typeSpecific;
        out[off + 1] = (byte) (fragmentOffset >>> 16);
        out[off + 2] = (byte) (fragmentOffset >>> 8);
        out[off + 3] = (byte) fragmentOffset;
        out[off + 4] = (byte) type;
        out[off + 5] = (byte) quantization;
        out[off + 6] = (byte) (width / 8);
        out[off + 7] = (byte) (height / 8);
    }
}
