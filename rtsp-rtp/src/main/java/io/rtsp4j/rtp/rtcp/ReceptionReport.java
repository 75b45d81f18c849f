package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * A reception report block of a sender or receiver report (RFC 3550 section 6.4.1).
 *
 * @param ssrc the source this block reports on, 0..0xFFFFFFFF
 * @param fractionLost fraction of packets lost since the previous report, in 1/256, 0..255
 * @param totalLost cumulative number of packets lost, 0..0xFFFFFF
 * @param lastSequenceNumber extended highest sequence number received (cycles in the high 16 bits),
 *        0..0xFFFFFFFF
 * @param jitter interarrival jitter in timestamp units, 0..0xFFFFFFFF
 * @param lastSenderReport middle 32 bits of the NTP time of the last sender report received (LSR), 0 if none
 * @param delay delay since that sender report in 1/65536 seconds (DLSR), 0 if none
 */
public record ReceptionReport(long ssrc, int fractionLost, int totalLost, long lastSequenceNumber, long jitter,
        long lastSenderReport, long delay) {

    /** Encoded size of one block. */
    public static final int SIZE = 24;

    /**
     * Validates the ranges.
     *
     * @param ssrc see the record component
     * @param fractionLost see the record component
     * @param totalLost see the record component
     * @param lastSequenceNumber see the record component
     * @param jitter see the record component
     * @param lastSenderReport see the record component
     * @param delay see the record component
     * @throws IllegalArgumentException if a field is out of range
     */
    public ReceptionReport {
        checkU32("ssrc", ssrc);
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fractionLost must be 0..255, got " + fractionLost);
        }
        if (totalLost < 0 || totalLost > 0xFFFFFF) {
            throw new IllegalArgumentException("totalLost must be 0..0xFFFFFF, got " + totalLost);
        }
        checkU32("lastSequenceNumber", lastSequenceNumber);
        checkU32("jitter", jitter);
        checkU32("lastSenderReport", lastSenderReport);
        checkU32("delay", delay);
    }

    static void checkU32(String name, long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(name + " must be 0..0xFFFFFFFF, got " + v);
        }
    }

    static ReceptionReport decode(ByteBuf buf, int pos) {
        int lossWord = buf.getInt(pos + 4);
        return new ReceptionReport(buf.getUnsignedInt(pos), lossWord >>> 24, lossWord & 0xFFFFFF,
                buf.getUnsignedInt(pos + 8), buf.getUnsignedInt(pos + 12), buf.getUnsignedInt(pos + 16),
                buf.getUnsignedInt(pos + 20));
    }

    void encodeTo(ByteBuf out) {
        out.writeInt((int) ssrc);
        out.writeInt(fractionLost << 24 | totalLost);
        out.writeInt((int) lastSequenceNumber);
        out.writeInt((int) jitter);
        out.writeInt((int) lastSenderReport);
        out.writeInt((int) delay);
    }
}
