package io.rtsp4j.rtp.codec.mpeg1video;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.codec.RtpCodecException.Reason;
import io.rtsp4j.rtp.internal.ByteAccumulator;
import io.rtsp4j.rtp.internal.Bytes;
import io.rtsp4j.rtp.internal.FragmentedUnitDepacketizerSupport;

/**
 * Reassembles MPEG-1/2 video frames from RFC 2250 packets: slices split across packets are joined using the B
 * (begin) and E (end) bits, and the frame ends with the marker bit. The MPEG-2 header extension (T bit) and the
 * AN/N bits are not supported.
 */
public final class Mpeg1VideoDepacketizer implements Depacketizer<byte[]> {

    /** Default maximum frame size (1 MiB). */
    public static final int DEFAULT_MAX_FRAME_SIZE = 1024 * 1024;

    private final int maxFrameSize;
    private final FragmentedUnitDepacketizerSupport slice;
    private final ByteAccumulator frame = new ByteAccumulator();

    /** Creates a depacketizer with the default size limit. */
    public Mpeg1VideoDepacketizer() {
        this(DEFAULT_MAX_FRAME_SIZE);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxFrameSize the maximum frame size in bytes
     */
    public Mpeg1VideoDepacketizer(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
        this.slice = new FragmentedUnitDepacketizerSupport("frame", maxFrameSize);
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (len < 4) {
            slice.reset();
            throw RtpCodecException.malformed("payload is too short");
        }
        int b0 = Bytes.u8(p, 0);
        int b2 = Bytes.u8(p, 2);
        if (b0 >>> 3 != 0) {
            slice.reset();
            throw RtpCodecException.malformed("invalid MBZ: " + (b0 >>> 3));
        }
        if ((b0 & 0x04) != 0) {
            slice.reset();
            throw new RtpCodecException(Reason.UNSUPPORTED,
                    "MPEG-2 video-specific header extension is not supported");
        }
        if ((b2 & 0xC0) != 0) {
            slice.reset();
            throw new RtpCodecException(Reason.UNSUPPORTED, "'AN' and 'N' bits are not supported");
        }
        boolean begin = (b2 & 0x10) != 0;
        boolean end = (b2 & 0x08) != 0;
        if (begin && end) {
            slice.reset();
            addToFrame(p, 4, len - 4);
        } else if (begin) {
            slice.start(p, 4, len - 4, packet.sequenceNumber());
            return null;
        } else {
            if (!slice.inProgress()) {
                return null; // joined a running stream in the middle of a slice
            }
            slice.append(p, 4, len - 4, packet.sequenceNumber());
            if (!end) {
                return null;
            }
            byte[] s = slice.finish();
            addToFrame(s);
        }
        if (!packet.marker()) {
            return null;
        }
        byte[] out = frame.toByteArray();
        frame.clear();
        return out;
    }

    private void addToFrame(ByteBuf p, int from, int len) throws RtpCodecException {
        checkFrameSize(len);
        frame.append(p, from, len);
    }

    private void addToFrame(byte[] s) throws RtpCodecException {
        checkFrameSize(s.length);
        frame.append(s, 0, s.length);
    }

    private void checkFrameSize(int add) throws RtpCodecException {
        long size = (long) frame.size() + add;
        if (size > maxFrameSize) {
            frame.clear();
            throw new RtpCodecException(Reason.TOO_LARGE, "frame size (" + size + ") is too big, maximum is "
                    + maxFrameSize);
        }
    }

    @Override
    public void reset() {
        slice.reset();
        frame.clear();
    }
}
