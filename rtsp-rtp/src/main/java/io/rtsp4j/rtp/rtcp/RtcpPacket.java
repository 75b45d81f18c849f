package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * One RTCP packet (RFC 3550 section 6). Implementations are immutable values; compound packets are lists of
 * them, see {@link RtcpPackets}.
 */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, SourceDescription, Goodbye, ApplicationDefined, UnknownRtcpPacket {

    /** Packet type of a sender report. */
    int TYPE_SENDER_REPORT = 200;
    /** Packet type of a receiver report. */
    int TYPE_RECEIVER_REPORT = 201;
    /** Packet type of a source description. */
    int TYPE_SOURCE_DESCRIPTION = 202;
    /** Packet type of a BYE packet. */
    int TYPE_GOODBYE = 203;
    /** Packet type of an application-defined packet. */
    int TYPE_APPLICATION_DEFINED = 204;

    /**
     * The RTCP packet type (PT field).
     *
     * @return 0..255
     */
    int packetType();

    /**
     * The encoded size including the 4-byte common header; always a multiple of 4.
     *
     * @return the size in bytes
     */
    int encodedSize();

    /**
     * Writes the packet at the writer index of {@code out}. Does not take ownership of {@code out}.
     *
     * @param out the destination; it grows if needed
     */
    void encodeTo(ByteBuf out);
}
