package io.rtsp4j.rtp.codec.latm;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;
import io.rtsp4j.rtp.internal.FragmentedUnitDepacketizerSupport;

/**
 * Reassembles LATM audioMuxElements (RFC 6416): packets are concatenated until the marker bit. Use
 * {@link LatmPayload#unwrap(byte[])} to extract the access unit of an element with out-of-band configuration.
 */
public final class LatmDepacketizer implements Depacketizer<byte[]> {

    /** Default maximum element size. */
    public static final int DEFAULT_MAX_SIZE = 1024 * 1024;

    private final FragmentedUnitDepacketizerSupport fragments;

    /** Creates a depacketizer with the default size limit. */
    public LatmDepacketizer() {
        this(DEFAULT_MAX_SIZE);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxSize the maximum element size in bytes
     */
    public LatmDepacketizer(int maxSize) {
        this.fragments = new FragmentedUnitDepacketizerSupport("frame", maxSize);
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (!fragments.inProgress()) {
            if (packet.marker()) {
                if (len == 0) {
                    throw RtpCodecException.malformed("payload is too short");
                }
                return Bytes.copy(p);
            }
            fragments.start(p, 0, len, packet.sequenceNumber());
            return null;
        }
        fragments.append(p, 0, len, packet.sequenceNumber());
        return packet.marker() ? fragments.finish() : null;
    }

    @Override
    public void reset() {
        fragments.reset();
    }
}
