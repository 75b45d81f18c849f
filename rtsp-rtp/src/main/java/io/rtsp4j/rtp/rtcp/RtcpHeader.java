package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/** The 4-byte common RTCP header: version 2, padding bit, 5-bit count, packet type, length in words minus one. */
final class RtcpHeader {

    static final int SIZE = 4;
    static final int MAX_COUNT = 31;

    private RtcpHeader() {
    }

    static void write(ByteBuf out, int count, int packetType, int encodedSize) {
        out.writeByte(0x80 | count);
        out.writeByte(packetType);
        out.writeShort(encodedSize / 4 - 1);
    }

    static void checkCount(String what, int count) {
        if (count > MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 " + what + " fit one RTCP packet, got " + count);
        }
    }
}
