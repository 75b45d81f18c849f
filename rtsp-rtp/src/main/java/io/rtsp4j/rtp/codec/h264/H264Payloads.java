package io.rtsp4j.rtp.codec.h264;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Inspection of H.264 RTP payloads without depacketizing them.
 */
public final class H264Payloads {

    /** NAL unit type of a coded slice of an IDR picture. */
    public static final int NAL_IDR = 5;
    /** NAL unit type of a sequence parameter set. */
    public static final int NAL_SPS = 7;
    /** NAL unit type of a picture parameter set. */
    public static final int NAL_PPS = 8;
    /** Payload type of a single-time aggregation packet (RFC 6184). */
    public static final int STAP_A = 24;
    /** Payload type of STAP-B (not supported). */
    public static final int STAP_B = 25;
    /** Payload type of MTAP16 (not supported). */
    public static final int MTAP16 = 26;
    /** Payload type of MTAP24 (not supported). */
    public static final int MTAP24 = 27;
    /** Payload type of a fragmentation unit A. */
    public static final int FU_A = 28;
    /** Payload type of FU-B (not supported). */
    public static final int FU_B = 29;

    private H264Payloads() {
    }

    /**
     * Whether the packet starts a random access point, i.e. its presentation and decoding timestamps are equal: it
     * carries an IDR slice, an SPS or a PPS, directly, inside a STAP-A or as the start of an FU-A. Servers use it
     * to time the first sender report and the RTP to NTP mapping. Never fails: malformed payloads give false.
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
        if (len < 1) {
            return false;
        }
        int type = payload.getByte(off) & 0x1F;
        switch (type) {
            case STAP_A: {
                int pos = 1;
                while (len - pos >= 2) {
                    int size = payload.getUnsignedShort(off + pos);
                    pos += 2;
                    if (size == 0 || size > len - pos) {
                        return false;
                    }
                    if (isRandomAccessNal(payload.getByte(off + pos) & 0x1F)) {
                        return true;
                    }
                    pos += size;
                }
                return false;
            }
            case FU_A:
                return len >= 2 && (payload.getByte(off + 1) & 0x80) != 0
                        && isRandomAccessNal(payload.getByte(off + 1) & 0x1F);
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
        return type == NAL_IDR || type == NAL_SPS || type == NAL_PPS;
    }
}
