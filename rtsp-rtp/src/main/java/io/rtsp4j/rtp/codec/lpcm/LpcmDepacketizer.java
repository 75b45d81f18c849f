package io.rtsp4j.rtp.codec.lpcm;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;

/**
 * Extracts linear PCM (or G.711) samples: every packet yields its payload, which must be a whole number of sample
 * frames.
 */
public final class LpcmDepacketizer implements Depacketizer<byte[]> {

    private final int frameSize;

    /**
     * Creates a depacketizer.
     *
     * @param bitDepth bits per sample: 8, 16 or 24
     * @param channelCount number of interleaved channels, at least 1
     */
    public LpcmDepacketizer(int bitDepth, int channelCount) {
        if (bitDepth != 8 && bitDepth != 16 && bitDepth != 24) {
            throw new IllegalArgumentException("bit depth must be 8, 16 or 24, got " + bitDepth);
        }
        if (channelCount < 1) {
            throw new IllegalArgumentException("channel count must be positive, got " + channelCount);
        }
        this.frameSize = bitDepth / 8 * channelCount;
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        int len = packet.payloadSize();
        if (len == 0) {
            throw RtpCodecException.malformed("payload is too short");
        }
        if (len % frameSize != 0) {
            throw RtpCodecException.malformed("payload of " + len + " bytes is not a whole number of " + frameSize
                    + "-byte sample frames");
        }
        return Bytes.copy(packet.payload());
    }

    @Override
    public void reset() {
    }
}
