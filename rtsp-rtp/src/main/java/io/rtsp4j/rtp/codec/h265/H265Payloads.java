package io.rtsp4j.rtp.codec.h265;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Inspection of H.265 RTP payloads without depacketizing them.
 */
public final class H265Payloads {

    /** NAL unit type IDR_W_RADL. */
    public static final int NAL_IDR_W_RADL = 19;
    /** NAL unit type IDR_N_LP. */
    public static final int NAL_IDR_N_LP = 20;
    /** NAL unit type CRA_NUT. */
    public static final int NAL_CRA = 21;
    /** NAL unit type of a video parameter set. */
    public static final int NAL_VPS = 32;
    /** NAL unit type of a sequence parameter set. */
    public static final int NAL_SPS = 33;
    /** NAL unit type of a picture parameter set. */
    public static final int NAL_PPS = 34;
    /** Payload header type of an aggregation packet (RFC 7798). */
    public static final int AGGREGATION_PACKET = 48;
    /** Payload header type of a fragmentation unit. */
    public static final int FRAGMENTATION_UNIT = 49;
    /** Payload header type of a PACI packet (not supported). */
    public static final int PACI = 50;

    private H265Payloads() {
    }

    /**
     * The NAL unit type of a NAL unit header (or payload header) starting with {@code firstByte}.
     *
     * @param firstByte the first header byte
     * @return 0..63
     */
    public static int nalUnitType(int firstByte) {
        return (firstByte >>> 1) & 0x3F;
    }

    /**
     * Whether the packet starts a random access point, i.e. its presentation and decoding timestamps are equal: it
     * carries an IDR or CRA picture, a VPS, an SPS or a PPS, directly, inside an aggregation packet or as the
     * start of a fragmentation unit. Never fails: malformed payloads give false.
     *
     * @param payload the RTP payload (indexes unchanged)
     * @return true for a random access point
     */
    public static boolean ptsEqualsDts(ByteBuf payload) {
        return ptsEqualsDts(payload, payload.readerIndex(), payload.readableBytes());
    }

    /**
     * Same as {@link #ptsEqualsDts(ByteBuf)} for a payload inside a larger buffer, e.g. a raw datagram whose header
     * length was obtained from {@link io.rtsp4j.rtp.RtpHeaders#validate}; nothing is allocated.
     *
     * @param buf the buffer (indexes unchanged)
     * @param off absolute index of the first payload byte
     * @param len payload length
     * @return true for a random access point
     */
    public static boolean ptsEqualsDts(ByteBuf buf, int off, int len) {
        ByteBuf payload = buf;
        if (len < 2) {
            return false;
        }
        int type = nalUnitType(payload.getUnsignedByte(off));
        switch (type) {
            case AGGREGATION_PACKET: {
                int pos = 2;
                while (len - pos >= 2) {
                    int size = payload.getUnsignedShort(off + pos);
                    pos += 2;
                    if (size == 0 || size > len - pos) {
                        return false;
                    }
                    if (isRandomAccessNal(nalUnitType(payload.getUnsignedByte(off + pos)))) {
                        return true;
                    }
                    pos += size;
                }
                return false;
            }
            case FRAGMENTATION_UNIT:
                return len >= 3 && (payload.getByte(off + 2) & 0x80) != 0
                        && isRandomAccessNal(payload.getByte(off + 2) & 0x3F);
            default:
                return isRandomAccessNal(type);
        }
    }

    /**
     * Same as {@link #ptsEqualsDts(ByteBuf)} for a byte array.
     *
     * @param payload the RTP payload
     * @return true for a random access point
     */
    public static boolean ptsEqualsDts(byte[] payload) {
        return ptsEqualsDts(Unpooled.wrappedBuffer(payload));
    }

    private static boolean isRandomAccessNal(int type) {
        return (type >= NAL_IDR_W_RADL && type <= NAL_CRA) || (type >= NAL_VPS && type <= NAL_PPS);
    }
}
