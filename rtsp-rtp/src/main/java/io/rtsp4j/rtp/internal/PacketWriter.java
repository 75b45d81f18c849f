package io.rtsp4j.rtp.internal;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.PacketizerConfig;

/** Stamps packets of one stream with payload type, SSRC and consecutive sequence numbers. Not thread-safe. */
public final class PacketWriter {

    private final int payloadType;
    private final long ssrc;
    private final int maxPayloadSize;
    private int sequenceNumber;

    /**
     * Creates a writer.
     *
     * @param config the packetizer settings
     * @param defaultPayloadType the payload type used when the config does not set one
     * @param minPayloadSize the smallest maximum payload size the format can work with
     */
    public PacketWriter(PacketizerConfig config, int defaultPayloadType, int minPayloadSize) {
        this.payloadType = config.payloadTypeOr(defaultPayloadType);
        this.ssrc = config.ssrc();
        this.maxPayloadSize = config.maxPayloadSize();
        this.sequenceNumber = config.initialSequenceNumber();
        if (maxPayloadSize < minPayloadSize) {
            throw new IllegalArgumentException("this format needs a max payload size of at least " + minPayloadSize
                    + " bytes, got " + maxPayloadSize);
        }
    }

    /**
     * The payload type.
     *
     * @return 0..127
     */
    public int payloadType() {
        return payloadType;
    }

    /**
     * The SSRC.
     *
     * @return 0..0xFFFFFFFF
     */
    public long ssrc() {
        return ssrc;
    }

    /**
     * The maximum payload size.
     *
     * @return bytes
     */
    public int maxPayloadSize() {
        return maxPayloadSize;
    }

    /**
     * The sequence number of the next packet.
     *
     * @return 0..65535
     */
    public int nextSequenceNumber() {
        return sequenceNumber;
    }

    /**
     * Creates the next packet; its payload wraps {@code payload} without copying.
     *
     * @param marker the marker bit
     * @param timestamp the RTP timestamp (low 32 bits used)
     * @param payload the payload bytes, no longer modified by the caller
     * @return the packet
     */
    public RtpPacket packet(boolean marker, long timestamp, byte[] payload) {
        RtpPacket p = RtpPacket.builder()
                .marker(marker)
                .payloadType(payloadType)
                .sequenceNumber(sequenceNumber)
                .timestamp(timestamp)
                .ssrc(ssrc)
                .payload(payload)
                .build();
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        return p;
    }
}
