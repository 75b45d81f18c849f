package io.rtsp4j.rtp.codec.mpegts;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes MPEG-2 transport stream packets (RFC 2250 section 2): as many whole 188-byte TS packets as fit the
 * max payload size go into each RTP packet (7 for the default 1450 bytes). Payload type 33 unless set; the marker
 * bit is left clear.
 */
public final class MpegTsPacketizer implements Packetizer<List<byte[]>> {

    /** Size of a transport stream packet. */
    public static final int TS_PACKET_SIZE = 188;
    /** Static payload type of MP2T. */
    public static final int PAYLOAD_TYPE = 33;

    private final PacketWriter writer;
    private final int perPacket;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings; the max payload size must hold at least one TS packet
     */
    public MpegTsPacketizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, PAYLOAD_TYPE, TS_PACKET_SIZE);
        this.perPacket = writer.maxPayloadSize() / TS_PACKET_SIZE;
    }

    /**
     * Packetizes TS packets.
     *
     * @param tsPackets 188-byte TS packets
     * @param timestamp the RTP timestamp of all resulting packets
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(List<byte[]> tsPackets, long timestamp) {
        if (tsPackets.isEmpty()) {
            throw new IllegalArgumentException("no TS packet");
        }
        for (byte[] ts : tsPackets) {
            if (ts.length != TS_PACKET_SIZE) {
                throw new IllegalArgumentException("TS packet of " + ts.length + " bytes, expected 188");
            }
        }
        List<RtpPacket> out = new ArrayList<>();
        for (int i = 0; i < tsPackets.size(); i += perPacket) {
            int n = Math.min(perPacket, tsPackets.size() - i);
            byte[] payload = new byte[n * TS_PACKET_SIZE];
            for (int j = 0; j < n; j++) {
                System.arraycopy(tsPackets.get(i + j), 0, payload, j * TS_PACKET_SIZE, TS_PACKET_SIZE);
            }
            out.add(writer.packet(false, timestamp, payload));
        }
        return out;
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
