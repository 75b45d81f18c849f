package io.rtsp4j.rtp.codec.simpleaudio;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.List;

/**
 * Packetizes audio formats that put exactly one frame into each RTP packet: Opus (RFC 7587), G.722, G.711 frames,
 * and similar. The marker bit is left clear (RFC 3551 section 4.1: it only marks the start of a talkspurt).
 */
public final class SimpleAudioPacketizer implements Packetizer<byte[]> {

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings; without a payload type, 96 is used (set 0/8 for G.711, 9 for G.722)
     */
    public SimpleAudioPacketizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, 96, 1);
    }

    /**
     * Packetizes one frame.
     *
     * @param frame the encoded frame, at most the max payload size
     * @param timestamp the RTP timestamp
     * @return one packet
     */
    @Override
    public List<RtpPacket> packetize(byte[] frame, long timestamp) {
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty frame");
        }
        if (frame.length > writer.maxPayloadSize()) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes exceeds the max payload size of "
                    + writer.maxPayloadSize());
        }
        return List.of(writer.packet(false, timestamp, frame.clone()));
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
