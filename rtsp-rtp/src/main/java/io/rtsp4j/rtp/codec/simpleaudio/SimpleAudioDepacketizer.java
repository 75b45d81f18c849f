package io.rtsp4j.rtp.codec.simpleaudio;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;

/**
 * Extracts the frame of audio formats that put exactly one frame into each RTP packet (Opus, G.722, G.711
 * frames...). Every non-empty packet yields its payload.
 */
public final class SimpleAudioDepacketizer implements Depacketizer<byte[]> {

    /** Creates a depacketizer. */
    public SimpleAudioDepacketizer() {
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        if (packet.payloadSize() == 0) {
            throw RtpCodecException.malformed("payload is too short");
        }
        return Bytes.copy(packet.payload());
    }

    @Override
    public void reset() {
    }
}
