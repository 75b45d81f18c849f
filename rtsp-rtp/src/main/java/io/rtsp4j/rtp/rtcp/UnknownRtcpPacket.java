package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An RTCP packet of a type this module does not model (feedback messages of RFC 4585, XR of RFC 3611, ...), kept
 * as raw bytes so that it can be inspected or forwarded.
 *
 * @param packetType the packet type, 0..255
 * @param count the 5-bit count/format field of the header, 0..31
 * @param body the bytes after the 4-byte header, padding removed
 */
public record UnknownRtcpPacket(int packetType, int count, byte[] body) implements RtcpPacket {

    /**
     * Validates and copies the fields.
     *
     * @param packetType see the record component
     * @param count see the record component
     * @param body see the record component
     * @throws IllegalArgumentException if a field is out of range
     */
    public UnknownRtcpPacket {
        if (packetType < 0 || packetType > 255) {
            throw new IllegalArgumentException("packet type must be 0..255, got " + packetType);
        }
        if (count < 0 || count > 31) {
            throw new IllegalArgumentException("count must be 0..31, got " + count);
        }
        body = body.clone();
        if (body.length > 4 * 0xFFFF) {
            throw new IllegalArgumentException("body too long: " + body.length);
        }
    }

    /**
     * The raw body.
     *
     * @return a copy
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The sender SSRC carried in the first 4 body bytes by most packet types (RTPFB, PSFB, XR).
     *
     * @return 0..0xFFFFFFFF, or -1 if the body is shorter than 4 bytes
     */
    public long senderSsrc() {
        return body.length < 4 ? -1
                : ((body[0] & 0xFFL) << 24 | (body[1] & 0xFFL) << 16 | (body[2] & 0xFFL) << 8 | (body[3] & 0xFFL));
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + ((body.length + 3) & ~3);
    }

    @Override
    public void encodeTo(ByteBuf out) {
        int size = encodedSize();
        out.ensureWritable(size);
        int padding = size - RtcpHeader.SIZE - body.length;
        out.writeByte(0x80 | (padding > 0 ? 0x20 : 0) | count);
        out.writeByte(packetType);
        out.writeShort(size / 4 - 1);
        out.writeBytes(body);
        if (padding > 0) {
            out.writeZero(padding - 1);
            out.writeByte(padding);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcpPacket u && u.packetType == packetType && u.count == count
                && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return (packetType * 31 + count) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownRtcpPacket[packetType=" + packetType + ", count=" + count + ", body="
                + HexFormat.of().formatHex(body) + "]";
    }
}
