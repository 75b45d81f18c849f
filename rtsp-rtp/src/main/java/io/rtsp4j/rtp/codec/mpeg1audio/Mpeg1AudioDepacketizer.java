package io.rtsp4j.rtp.codec.mpeg1audio;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.ByteAccumulator;
import io.rtsp4j.rtp.internal.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles MPEG-1/2 audio frames from RFC 2250 packets: a packet with fragment offset 0 holds whole frames (or
 * the start of one larger frame), later fragments continue it at the announced offset.
 */
public final class Mpeg1AudioDepacketizer implements Depacketizer<List<byte[]>> {

    private final ByteAccumulator fragments = new ByteAccumulator();
    private int expectedSize;
    private boolean firstPacketReceived;

    /** Creates a depacketizer. */
    public Mpeg1AudioDepacketizer() {
    }

    @Override
    public List<byte[]> depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (len < 5) {
            fragments.clear();
            throw RtpCodecException.malformed("payload is too short");
        }
        int mbz = Bytes.u16(p, 0);
        if (mbz != 0) {
            fragments.clear();
            throw RtpCodecException.malformed("invalid MBZ: " + mbz);
        }
        int offset = Bytes.u16(p, 2);
        if (offset == 0) {
            fragments.clear();
            firstPacketReceived = true;
            byte[] data = Bytes.copy(p, 4, len - 4);
            List<byte[]> frames = new ArrayList<>();
            int pos = 0;
            while (pos < data.length) {
                Mpeg1AudioFrameHeader h = Mpeg1AudioFrameHeader.parse(data, pos, data.length - pos);
                if (h == null) {
                    throw RtpCodecException.malformed("invalid MPEG audio frame header at offset " + pos);
                }
                int size = h.frameLength();
                if (size > data.length - pos) {
                    if (!frames.isEmpty()) {
                        throw RtpCodecException.malformed("invalid packet: truncated frame after whole frames");
                    }
                    fragments.append(data, 0, data.length);
                    expectedSize = size;
                    return null;
                }
                byte[] frame = new byte[size];
                System.arraycopy(data, pos, frame, 0, size);
                frames.add(frame);
                pos += size;
            }
            return frames;
        }
        if (offset != fragments.size() || fragments.isEmpty()) {
            if (!firstPacketReceived) {
                return null; // joined a running stream in the middle of a frame
            }
            int had = fragments.size();
            fragments.clear();
            throw RtpCodecException.malformed("unexpected offset " + offset + ", expected " + had);
        }
        if (fragments.size() + len - 4 > expectedSize) {
            fragments.clear();
            throw RtpCodecException.malformed("fragment is too big");
        }
        fragments.append(p, 4, len - 4);
        if (fragments.size() < expectedSize) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(1);
        frames.add(fragments.toByteArray());
        fragments.clear();
        return frames;
    }

    @Override
    public void reset() {
        fragments.clear();
    }
}
