package io.rtsp4j.rtp.codec.vp8;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes VP8 frames (RFC 7741) with a one-byte payload descriptor: S=1 and partition index 0 on the first
 * packet of a frame, 0 on the following ones; no picture ID. The marker bit is set on the last packet.
 */
public final class Vp8Packetizer implements Packetizer<byte[]> {

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public Vp8Packetizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, 96, 2);
    }

    @Override
    public List<RtpPacket> packetize(byte[] frame, long timestamp) {
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty frame");
        }
        int avail = writer.maxPayloadSize() - 1;
        List<RtpPacket> out = new ArrayList<>(frame.length / avail + 1);
        for (int pos = 0; pos < frame.length; pos += avail) {
            int len = Math.min(avail, frame.length - pos);
            byte[] payload = new byte[1 + len];
            payload[0] = (byte) (pos == 0 ? 0x10 : 0x00);
            System.arraycopy(frame, pos, payload, 1, len);
            out.add(writer.packet(pos + len == frame.length, timestamp, payload));
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
