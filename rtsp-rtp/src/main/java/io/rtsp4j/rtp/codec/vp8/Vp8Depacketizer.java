package io.rtsp4j.rtp.codec.vp8;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;
import io.rtsp4j.rtp.internal.FragmentedUnitDepacketizerSupport;

/**
 * Reassembles VP8 frames (RFC 7741): a frame starts at a packet with S=1 and partition index 0 and ends with the
 * marker bit; packets in between (other partitions or continuations, gortsplib issue 1090) are appended in order.
 * The payload descriptor, with its optional picture ID, TL0PICIDX and TID/KEYIDX fields, is removed.
 */
public final class Vp8Depacketizer implements Depacketizer<byte[]> {

    /** Default maximum frame size. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 8 * 1024 * 1024;

    private final FragmentedUnitDepacketizerSupport fragments;
    private boolean firstPacketReceived;

    /** Creates a depacketizer with the default size limit. */
    public Vp8Depacketizer() {
        this(DEFAULT_MAX_FRAME_SIZE);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxFrameSize the maximum frame size in bytes
     */
    public Vp8Depacketizer(int maxFrameSize) {
        this.fragments = new FragmentedUnitDepacketizerSupport("frame", maxFrameSize);
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        int header = descriptorLength(p, len);
        if (header < 0 || header >= len) {
            fragments.reset();
            throw RtpCodecException.malformed("invalid VP8 payload descriptor");
        }
        int b0 = Bytes.u8(p, 0);
        boolean start = (b0 & 0x10) != 0 && (b0 & 0x07) == 0;
        if (start) {
            firstPacketReceived = true;
            if (packet.marker()) {
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
        return packet.marker() ? fragments.finish() : null;
    }

    /** The length of the payload descriptor, or -1 if it does not fit. */
    private static int descriptorLength(ByteBuf p, int len) {
        if (len < 1) {
            return -1;
        }
        int b0 = Bytes.u8(p, 0);
        int n = 1;
        if ((b0 & 0x80) == 0) {
            return n;
        }
        if (len < 2) {
            return -1;
        }
        int x = Bytes.u8(p, 1);
        n = 2;
        if ((x & 0x80) != 0) { // I: picture ID, 7 or 15 bits
            if (len < n + 1) {
                return -1;
            }
            n += (Bytes.u8(p, n) & 0x80) != 0 ? 2 : 1;
        }
        if ((x & 0x40) != 0) { // L: TL0PICIDX
            n++;
        }
        if ((x & 0x30) != 0) { // T or K: TID/Y/KEYIDX
            n++;
        }
        return n <= len ? n : -1;
    }

    @Override
    public void reset() {
        fragments.reset();
    }
}
