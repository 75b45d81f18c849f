package io.rtsp4j.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Static accessors on a raw RTP packet in a {@link ByteBuf}, for relays that forward packets mostly untouched and
 * must not allocate per packet.
 *
 * <p>The getters and setters only touch the fixed 12-byte header at {@code offset}: call {@link #validate} (or
 * check that at least {@link RtpPacket#FIXED_HEADER_SIZE} bytes are readable) first; otherwise Netty's own bounds
 * checks throw {@link IndexOutOfBoundsException}. None of the methods changes the buffer's indexes or reference
 * count.
 */
public final class RtpHeaders {

    private RtpHeaders() {
    }

    /**
     * Checks that {@code length} bytes at {@code offset} hold a well-formed RTP packet (version 2, CSRCs, header
     * extension and padding within bounds) and returns the offset of its payload relative to {@code offset}.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @param length packet length in bytes
     * @return the header length (fixed header, CSRCs, extension)
     * @throws RtpDecodeException if the packet is malformed
     */
    public static int validate(ByteBuf buf, int offset, int length) throws RtpDecodeException {
        if (length < RtpPacket.FIXED_HEADER_SIZE) {
            throw new RtpDecodeException("RTP packet too short: " + length + " bytes, the fixed header needs 12");
        }
        int b0 = buf.getUnsignedByte(offset);
        if (b0 >>> 6 != RtpPacket.VERSION) {
            throw new RtpDecodeException("unsupported RTP version " + (b0 >>> 6) + ", expected 2");
        }
        int header = RtpPacket.FIXED_HEADER_SIZE + 4 * (b0 & 0x0F);
        if (header > length) {
            throw new RtpDecodeException("RTP packet too short for its " + (b0 & 0x0F) + " CSRCs: " + length
                    + " bytes");
        }
        if ((b0 & 0x10) != 0) {
            if (header + 4 > length) {
                throw new RtpDecodeException("RTP packet too short for its header extension header");
            }
            header += 4 + 4 * buf.getUnsignedShort(offset + header + 2);
            if (header > length) {
                throw new RtpDecodeException("RTP header extension exceeds the packet (" + length + " bytes)");
            }
        }
        if ((b0 & 0x20) != 0) {
            int padding = header < length ? buf.getUnsignedByte(offset + length - 1) : 0;
            if (padding == 0 || padding > length - header) {
                throw new RtpDecodeException("invalid RTP padding size " + padding + " for a payload of "
                        + (length - header) + " bytes");
            }
        }
        return header;
    }

    /**
     * Whether the packet at {@code offset} looks like RTCP rather than RTP when both share a port (RFC 5761
     * section 4: second byte 192..223, i.e. RTCP packet types 200..204 and feedback).
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte; at least 2 bytes must be readable
     * @return true for packet type 192..223
     */
    public static boolean looksLikeRtcp(ByteBuf buf, int offset) {
        int pt = buf.getUnsignedByte(offset + 1);
        return pt >= 192 && pt <= 223;
    }

    /**
     * The version field.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @return 0..3
     */
    public static int version(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset) >>> 6;
    }

    /**
     * The marker bit.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @return the marker bit
     */
    public static boolean marker(ByteBuf buf, int offset) {
        return (buf.getByte(offset + 1) & 0x80) != 0;
    }

    /**
     * The payload type.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @return 0..127
     */
    public static int payloadType(ByteBuf buf, int offset) {
        return buf.getByte(offset + 1) & 0x7F;
    }

    /**
     * The sequence number.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @return 0..65535
     */
    public static int sequenceNumber(ByteBuf buf, int offset) {
        return buf.getUnsignedShort(offset + 2);
    }

    /**
     * The RTP timestamp.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @return 0..0xFFFFFFFF
     */
    public static long timestamp(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 4);
    }

    /**
     * The SSRC.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @return 0..0xFFFFFFFF
     */
    public static long ssrc(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 8);
    }

    /**
     * Overwrites the marker bit in place.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @param marker the new marker bit
     */
    public static void setMarker(ByteBuf buf, int offset, boolean marker) {
        int b1 = buf.getUnsignedByte(offset + 1);
        buf.setByte(offset + 1, marker ? b1 | 0x80 : b1 & 0x7F);
    }

    /**
     * Overwrites the payload type in place, keeping the marker bit.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @param payloadType 0..127
     */
    public static void setPayloadType(ByteBuf buf, int offset, int payloadType) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
        }
        buf.setByte(offset + 1, buf.getByte(offset + 1) & 0x80 | payloadType);
    }

    /**
     * Overwrites the sequence number in place.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @param sequenceNumber the new value (low 16 bits are used)
     */
    public static void setSequenceNumber(ByteBuf buf, int offset, int sequenceNumber) {
        buf.setShort(offset + 2, sequenceNumber);
    }

    /**
     * Overwrites the timestamp in place.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @param timestamp the new value (low 32 bits are used)
     */
    public static void setTimestamp(ByteBuf buf, int offset, long timestamp) {
        buf.setInt(offset + 4, (int) timestamp);
    }

    /**
     * Overwrites the SSRC in place.
     *
     * @param buf the buffer
     * @param offset absolute index of the first packet byte
     * @param ssrc the new value (low 32 bits are used)
     */
    public static void setSsrc(ByteBuf buf, int offset, long ssrc) {
        buf.setInt(offset + 8, (int) ssrc);
    }
}
