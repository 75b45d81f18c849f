package io.rtsp4j.rtp.codec.ac3;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.internal.Bytes;
import io.rtsp4j.rtp.internal.FragmentedUnitDepacketizerSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles AC-3 frames (RFC 4184): aggregated frames (FT 0) are split using their syncinfo frame sizes,
 * fragments (FT 1/2 then 3) are joined until the frame size announced by the first fragment is reached.
 */
public final class Ac3Depacketizer implements Depacketizer<List<byte[]>> {

    private final FragmentedUnitDepacketizerSupport fragments =
            new FragmentedUnitDepacketizerSupport("frame", 4096);
    private int expectedSize;
    private boolean firstPacketReceived;

    /** Creates a depacketizer. */
    public Ac3Depacketizer() {
    }

    @Override
    public List<byte[]> depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (len < 2) {
            fragments.reset();
            throw RtpCodecException.malformed("payload is too short");
        }
        int b0 = Bytes.u8(p, 0);
        if (b0 >>> 2 != 0) {
            fragments.reset();
            throw RtpCodecException.malformed("invalid MBZ: " + (b0 >>> 2));
        }
        int ft = b0 & 0x03;
        switch (ft) {
            case 0: {
                fragments.reset();
                firstPacketReceived = true;
                byte[] data = Bytes.copy(p, 2, len - 2);
                List<byte[]> frames = new ArrayList<>();
                int pos = 0;
                while (pos < data.length) {
                    int size = Ac3SyncFrame.frameSize(data, pos, data.length - pos);
                    if (size < 0) {
                        throw RtpCodecException.malformed("invalid AC-3 syncinfo at offset " + pos);
                    }
                    if (size > data.length - pos) {
                        throw RtpCodecException.malformed("payload is too short");
                    }
                    byte[] frame = new byte[size];
                    System.arraycopy(data, pos, frame, 0, size);
                    frames.add(frame);
                    pos += size;
                }
                if (frames.isEmpty()) {
                    throw RtpCodecException.malformed("payload is too short");
                }
                return frames;
            }
            case 1:
            case 2: {
                fragments.reset();
                firstPacketReceived = true;
                byte[] head = Bytes.copy(p, 2, Math.min(5, len - 2));
                int size = Ac3SyncFrame.frameSize(head, 0, head.length);
                if (size < 0) {
                    throw RtpCodecException.malformed("invalid AC-3 syncinfo in the first fragment");
                }
                if (len - 2 >= size) {
                    throw RtpCodecException.malformed("fragment is too big");
                }
                expectedSize = size;
                fragments.start(p, 2, len - 2, packet.sequenceNumber());
                return null;
            }
            default: {
                if (!fragments.inProgress()) {
                    if (!firstPacketReceived) {
                        return null; // joined a running stream in the middle of a frame
                    }
                    throw RtpCodecException.malformed("received a subsequent fragment without previous fragments");
                }
                fragments.append(p, 2, len - 2, packet.sequenceNumber());
                if (fragments.size() > expectedSize) {
                    fragments.reset();
                    throw RtpCodecException.malformed("fragment is too big");
                }
                if (fragments.size() < expectedSize) {
                    return null;
                }
                List<byte[]> frames = new ArrayList<>(1);
                frames.add(fragments.finish());
                return frames;
            }
        }
    }

    @Override
    public void reset() {
        fragments.reset();
    }
}
