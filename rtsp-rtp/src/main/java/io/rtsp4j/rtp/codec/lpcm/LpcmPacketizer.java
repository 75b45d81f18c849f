package io.rtsp4j.rtp.codec.lpcm;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes interleaved linear PCM samples (L8, L16, L24 of RFC 3551/3190, big-endian) or other one-byte-per-
 * sample audio such as G.711: samples are split across packets on sample-frame boundaries, and each packet's
 * timestamp advances by the number of sample frames before it. The marker bit is left clear.
 */
public final class LpcmPacketizer implements Packetizer<byte[]> {

    private final PacketWriter writer;
    private final int frameSize;
    private final int packetBytes;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings; without a payload type, 96 is used
     * @param bitDepth bits per sample: 8, 16 or 24
     * @param channelCount number of interleaved channels, at least 1
     */
    public LpcmPacketizer(PacketizerConfig config, int bitDepth, int channelCount) {
        if (bitDepth != 8 && bitDepth != 16 && bitDepth != 24) {
            throw new IllegalArgumentException("bit depth must be 8, 16 or 24, got " + bitDepth);
        }
        if (channelCount < 1) {
            throw new IllegalArgumentException("channel count must be positive, got " + channelCount);
        }
        this.frameSize = bitDepth / 8 * channelCount;
        this.writer = new PacketWriter(config, 96, frameSize);
        this.packetBytes = writer.maxPayloadSize() / frameSize * frameSize;
    }

    /**
     * A packetizer for G.711 (PCMU payload type 0 / PCMA payload type 8 unless the config sets another one).
     *
     * @param config the common settings
     * @param muLaw true for PCMU (mu-law), false for PCMA (A-law)
     * @param channelCount number of channels
     * @return the packetizer
     */
    public static LpcmPacketizer g711(PacketizerConfig config, boolean muLaw, int channelCount) {
        PacketizerConfig c = config.payloadType() == PacketizerConfig.FORMAT_DEFAULT_PAYLOAD_TYPE
                ? PacketizerConfig.builder().payloadType(muLaw ? 0 : 8).ssrc(config.ssrc())
                        .initialSequenceNumber(config.initialSequenceNumber())
                        .maxPayloadSize(config.maxPayloadSize()).build()
                : config;
        return new LpcmPacketizer(c, 8, channelCount);
    }

    /**
     * Packetizes samples.
     *
     * @param samples interleaved samples, a whole number of sample frames
     * @param timestamp the RTP timestamp of the first sample
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(byte[] samples, long timestamp) {
        if (samples.length == 0 || samples.length % frameSize != 0) {
            throw new IllegalArgumentException(samples.length + " bytes are not a positive whole number of "
                    + frameSize + "-byte sample frames");
        }
        List<RtpPacket> out = new ArrayList<>(samples.length / packetBytes + 1);
        int pos = 0;
        while (pos < samples.length) {
            int len = Math.min(packetBytes, samples.length - pos);
            byte[] payload = new byte[len];
            System.arraycopy(samples, pos, payload, 0, len);
            out.add(writer.packet(false, timestamp + pos / frameSize, payload));
            pos += len;
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
