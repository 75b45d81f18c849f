package io.rtsp4j.rtp.codec.klv;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;
import io.rtsp4j.rtp.internal.FragmentedUnitDepacketizerSupport;

/**
 * Reassembles KLV units (RFC 6597): packets with the same timestamp are concatenated until the marker bit. A unit
 * must start with a SMPTE universal label ({@code 06 0E 2B 34}); packets before the first such start (joining a
 * running stream) are dropped silently.
 */
public final class KlvDepacketizer implements Depacketizer<byte[]> {

    /** Default maximum unit size. */
    public static final int DEFAULT_MAX_SIZE = 1024 * 1024;

    private final FragmentedUnitDepacketizerSupport fragments;
    private long timestamp;

    /** Creates a depacketizer with the default size limit. */
    public KlvDepacketizer() {
        this(DEFAULT_MAX_SIZE);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxSize the maximum unit size in bytes
     */
    public KlvDepacketizer(int maxSize) {
        this.fragments = new FragmentedUnitDepacketizerSupport("KLV unit", maxSize);
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (fragments.inProgress()) {
            if (packet.timestamp() != timestamp) {
                fragments.reset();
                throw RtpCodecException.malformed("incomplete KLV unit: timestamp changed from " + timestamp + " to "
                        + packet.timestamp());
            }
            fragments.append(p, 0, len, packet.sequenceNumber());
            return packet.marker() ? fragments.finish() : null;
        }
        if (len < 4 || Bytes.u8(p, 0) != 0x06 || Bytes.u8(p, 1) != 0x0E || Bytes.u8(p, 2) != 0x2B
                || Bytes.u8(p, 3) != 0x34) {
            return null; // not the start of a unit: the middle of a unit we joined late
        }
        if (packet.marker()) {
            return Bytes.copy(p);
        }
        timestamp = packet.timestamp();
        fragments.start(p, 0, len, packet.sequenceNumber());
        return null;
    }

    @Override
    public void reset() {
        fragments.reset();
    }
}
