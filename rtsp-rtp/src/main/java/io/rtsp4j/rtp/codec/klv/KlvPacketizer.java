package io.rtsp4j.rtp.codec.klv;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes KLV units (RFC 6597): a unit (one or more KLV items sharing a timestamp) is split across packets of at
 * most the max payload size; the marker bit is set on the last packet of the unit.
 */
public final class KlvPacketizer implements Packetizer<byte[]> {

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public KlvPacketizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, 96, 1);
    }

    @Override
    public List<RtpPacket> packetize(byte[] unit, long timestamp) {
        if (unit.length == 0) {
            throw new IllegalArgumentException("empty KLV unit");
        }
        int max = writer.maxPayloadSize();
        List<RtpPacket> out = new ArrayList<>(unit.length / max + 1);
        for (int pos = 0; pos < unit.length; pos += max) {
            int len = Math.min(max, unit.length - pos);
            byte[] payload = new byte[len];
            System.arraycopy(unit, pos, payload, 0, len);
            out.add(writer.packet(pos + len == unit.length, timestamp, payload));
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
