package io.rtsp4j.rtp.codec.vp9;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;
import io.rtsp4j.rtp.internal.FragmentedUnitDepacketizerSupport;

/**
 * Reassembles VP9 frames (RFC 9628, flexible and non-flexible mode): the payload descriptor (picture ID, layer
 * indices, reference indices, scalability structure) is removed, and packets from B (beginning of frame) to E
 * (end of frame) are joined.
 */
public final class Vp9Depacketizer implements Depacketizer<byte[]> {

    /** Default maximum frame size. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 8 * 1024 * 1024;

    private final FragmentedUnitDepacketizerSupport fragments;
    private boolean firstPacketReceived;

    /** Creates a depacketizer with the default size limit. */
    public Vp9Depacketizer() {
        this(DEFAULT_MAX_FRAME_SIZE);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxFrameSize the maximum frame size in bytes
     */
    public Vp9Depacketizer(int maxFrameSize) {
        this.fragments = new FragmentedUnitDepacketizerSupport("frame", maxFrameSize);
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        int header = descriptorLength(p, len);
        if (header < 0 || header >= len) {
            fragments.reset();
            throw RtpCodecException.malformed("invalid VP9 payload descriptor");
        }
        int b0 = Bytes.u8(p, 0);
        boolean begin = (b0 & 0x08) != 0;
        boolean end = (b0 & 0x04) != 0;
        if (begin) {
            firstPacketReceived = true;
            if (end) {
                fragments.reset();
                return Bytes.copy(p, header, len - header);
            }
            fragments.start(p, header, len - header, packet.sequenceNumber());
            return null;
        }
        if (!fragments.inProgress()) {
            if (!firstPacketReceived) {
                return null; // joined a running stream in the middle of a frame
            }
            throw RtpCodecException.malformed("received a non-starting fragment");
        }
        fragments.append(p, header, len - header, packet.sequenceNumber());
        return end ? fragments.finish() : null;
    }

    /** The length of the payload descriptor, or -1 if it is malformed or does not fit. */
    private static int descriptorLength(ByteBuf p, int len) {
        if (len < 1) {
            return -1;
        }
        int b0 = Bytes.u8(p, 0);
        boolean flexible = (b0 & 0x10) != 0;
        int pos = 1;
        if ((b0 & 0x80) != 0) { // I: picture ID
            if (pos >= len) {
                return -1;
            }
            pos += (Bytes.u8(p, pos) & 0x80) != 0 ? 2 : 1;
        }
        if ((b0 & 0x20) != 0) { // L: layer indices (+ TL0PICIDX in non-flexible mode)
            pos += flexible ? 1 : 2;
        }
        if (flexible && (b0 & 0x40) != 0) { // F and P: up to 3 reference indices
            for (int i = 0; ; i++) {
                if (pos >= len || i == 3) {
                    return -1;
                }
                boolean more = (Bytes.u8(p, pos++) & 0x01) != 0;
                if (!more) {
                    break;
                }
            }
        }
        if ((b0 & 0x02) != 0) { // V: scalability structure
            if (pos >= len) {
                return -1;
            }
            int ss = Bytes.u8(p, pos++);
            int layers = (ss >>> 5) + 1;
            if ((ss & 0x10) != 0) {
                pos += 4 * layers;
            }
            if ((ss & 0x08) != 0) {
                if (pos >= len) {
                    return -1;
                }
                int groups = Bytes.u8(p, pos++);
                for (int i = 0; i < groups; i++) {
                    if (pos >= len) {
                        return -1;
                    }
                    int refs = (Bytes.u8(p, pos++) >>> 2) & 0x03;
                    pos += refs;
                }
            }
        }
        return pos <= len ? pos : -1;
    }

    @Override
    public void reset() {
        fragments.reset();
    }
}
