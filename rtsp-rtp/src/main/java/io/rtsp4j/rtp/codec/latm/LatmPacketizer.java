package io.rtsp4j.rtp.codec.latm;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes MPEG-4 Audio in LATM (RFC 6416, MP4A-LATM): one audioMuxElement per RTP timestamp, split across
 * packets of at most the max payload size; the marker bit is set on the packet that ends the element
 * (RFC 6416 section 6.1).
 *
 * <p>{@link #packetize(byte[], long)} takes a complete audioMuxElement; {@link #packetizeAccessUnit} builds the
 * element for the usual out-of-band configuration (cpresent=0, one program and layer, frameLengthType 0) from a
 * raw AAC access unit, see {@link LatmPayload}.
 */
public final class LatmPacketizer implements Packetizer<byte[]> {

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public LatmPacketizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, 96, 1);
    }

    /**
     * Packetizes one audioMuxElement.
     *
     * @param audioMuxElement the element
     * @param timestamp the RTP timestamp
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(byte[] audioMuxElement, long timestamp) {
        if (audioMuxElement.length == 0) {
            throw new IllegalArgumentException("empty audioMuxElement");
        }
        int max = writer.maxPayloadSize();
        List<RtpPacket> out = new ArrayList<>(audioMuxElement.length / max + 1);
        for (int pos = 0; pos < audioMuxElement.length; pos += max) {
            int len = Math.min(max, audioMuxElement.length - pos);
            byte[] payload = new byte[len];
            System.arraycopy(audioMuxElement, pos, payload, 0, len);
            out.add(writer.packet(pos + len == audioMuxElement.length, timestamp, payload));
        }
        return out;
    }

    /**
     * Packetizes a raw AAC access unit as an audioMuxElement with out-of-band configuration.
     *
     * @param accessUnit the raw access unit
     * @param timestamp the RTP timestamp
     * @return the packets
     */
    public List<RtpPacket> packetizeAccessUnit(byte[] accessUnit, long timestamp) {
        return packetize(LatmPayload.wrap(accessUnit), timestamp);
    }

    @Override
    public long ssrc() {
        return writer.ssrc();
    }

    @Override
    public int payloadType() {
        return writer.payloadType();
    }

    @Override
    public int nextSequenceNumber() {
        return writer.nextSequenceNumber();
    }
}
