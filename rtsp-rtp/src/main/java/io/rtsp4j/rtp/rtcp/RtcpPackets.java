package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoding and encoding of compound RTCP packets (several RTCP packets back to back in one datagram or
 * interleaved frame).
 */
public final class RtcpPackets {

    private RtcpPackets() {
    }

    /**
     * Decodes the readable bytes of {@code buf} as a compound RTCP packet.
     *
     * <p>Does not take ownership of {@code buf} and does not move its indexes; the result copies what it keeps.
     * Every length is checked against the buffer before it is used. The RFC 3550 rule that a compound packet
     * starts with SR or RR is not enforced (several cameras send a lone SDES or BYE).
     *
     * @param buf the buffer
     * @return the packets in wire order, at least one
     * @throws RtcpDecodeException if the input is empty, a header is not version 2, a length exceeds the buffer,
     *         padding is invalid or a packet body is shorter than its counts require
     */
    public static List<RtcpPacket> decodeCompound(ByteBuf buf) throws RtcpDecodeException {
        int pos = buf.readerIndex();
        int end = buf.writerIndex();
        if (pos == end) {
            throw new RtcpDecodeException("RTCP packet too short: empty buffer");
        }
        List<RtcpPacket> packets = new ArrayList<>(2);
        int base = pos;
        while (pos < end) {
            if (end - pos < RtcpHeader.SIZE) {
                throw new RtcpDecodeException("RTCP packet too short: " + (end - pos)
                        + " bytes left for a header at offset " + (pos - base));
            }
            int b0 = buf.getUnsignedByte(pos);
            if (b0 >>> 6 != 2) {
                throw new RtcpDecodeException("unsupported RTCP version " + (b0 >>> 6) + " at offset " + (pos - base));
            }
            int count = b0 & 0x1F;
            int type = buf.getUnsignedByte(pos + 1);
            int size = 4 * (buf.getUnsignedShort(pos + 2) + 1);
            if (size > end - pos) {
                throw new RtcpDecodeException("RTCP packet too short: header at offset " + (pos - base) + " announces "
                        + size + " bytes, " + (end - pos) + " left");
            }
            int bodyEnd = pos + size;
            if ((b0 & 0x20) != 0) {
                int padding = buf.getUnsignedByte(bodyEnd - 1);
                if (padding == 0 || padding > size - RtcpHeader.SIZE) {
                    throw new RtcpDecodeException("invalid RTCP padding size " + padding + " at offset "
                            + (pos - base));
                }
                bodyEnd -= padding;
            }
            int body = pos + RtcpHeader.SIZE;
            packets.add(switch (type) {
                case RtcpPacket.TYPE_SENDER_REPORT -> SenderReport.decode(buf, body, bodyEnd, count);
                case RtcpPacket.TYPE_RECEIVER_REPORT -> ReceiverReport.decode(buf, body, bodyEnd, count);
                case RtcpPacket.TYPE_SOURCE_DESCRIPTION -> SourceDescription.decode(buf, pos, body, bodyEnd, count);
                case RtcpPacket.TYPE_GOODBYE -> Goodbye.decode(buf, body, bodyEnd, count);
                case RtcpPacket.TYPE_APPLICATION_DEFINED -> ApplicationDefined.decode(buf, body, bodyEnd, count);
                default -> {
                    byte[] raw = new byte[bodyEnd - body];
                    buf.getBytes(body, raw);
                    yield new UnknownRtcpPacket(type, count, raw);
                }
            });
            pos += size;
        }
        return packets;
    }

    /**
     * The encoded size of a compound packet.
     *
     * @param packets the packets
     * @return the sum of their encoded sizes
     */
    public static int encodedSize(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.encodedSize();
        }
        return n;
    }

    /**
     * Writes the packets back to back at the writer index of {@code out}. Does not take ownership of {@code out}.
     *
     * @param packets the packets in wire order
     * @param out the destination; it grows if needed
     */
    public static void encodeCompound(List<? extends RtcpPacket> packets, ByteBuf out) {
        out.ensureWritable(encodedSize(packets));
        for (RtcpPacket p : packets) {
            p.encodeTo(out);
        }
    }

    /**
     * Encodes the packets into a new buffer.
     *
     * @param packets the packets in wire order
     * @param alloc the allocator of the new buffer
     * @return a buffer owned by the caller
     */
    public static ByteBuf encodeCompound(List<? extends RtcpPacket> packets, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(encodedSize(packets));
        encodeCompound(packets, out);
        return out;
    }
}
