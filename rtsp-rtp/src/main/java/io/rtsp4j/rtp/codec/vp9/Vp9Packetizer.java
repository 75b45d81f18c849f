package io.rtsp4j.rtp.codec.vp9;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes VP9 frames (RFC 9628) in non-flexible mode with a 15-bit picture ID incremented per frame. Every
 * packet has I=1 and Z=1, B on the first packet of a frame, E on the last (which also carries the marker bit), P
 * on inter frames; the first packet of a key frame carries a scalability structure with the frame size (one
 * spatial layer, one picture group entry).
 */
public final class Vp9Packetizer implements Packetizer<byte[]> {

    private final PacketWriter writer;
    private int pictureId;

    /**
     * Creates a packetizer with a random initial picture ID.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public Vp9Packetizer(PacketizerConfig config) {
        this(config, new SecureRandom().nextInt(0x8000));
    }

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     * @param initialPictureId the picture ID of the first frame, 0..0x7FFF
     */
    public Vp9Packetizer(PacketizerConfig config, int initialPictureId) {
        if (initialPictureId < 0 || initialPictureId > 0x7FFF) {
            throw new IllegalArgumentException("picture ID must be 0..0x7FFF, got " + initialPictureId);
        }
        this.writer = new PacketWriter(config, 96, 16);
        this.pictureId = initialPictureId;
    }

    /**
     * Packetizes a frame.
     *
     * @param frame a VP9 frame (superframes are sent as one frame)
     * @param timestamp the RTP timestamp
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(byte[] frame, long timestamp) {
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty frame");
        }
        Vp9FrameHeader header = Vp9FrameHeader.parse(frame);
        boolean keyFrame = header != null && header.keyFrame();
        byte[] ss = keyFrame ? new byte[] {0x18, (byte) (header.width() >>> 8), (byte) header.width(),
            (byte) (header.height() >>> 8), (byte) header.height(), 0x01, 0x14, 0x01} : new byte[0];
        List<RtpPacket> out = new ArrayList<>();
        int pos = 0;
        while (pos < frame.length) {
            boolean first = pos == 0;
            int headerLength = 3 + (first ? ss.length : 0);
            int len = Math.min(writer.maxPayloadSize() - headerLength, frame.length - pos);
            boolean last = pos + len == frame.length;
            byte[] payload = new byte[headerLength + len];
            payload[0] = (byte) (0x80 | (keyFrame ? 0 : 0x40) | (first ? 0x08 : 0) | (last ? 0x04 : 0)
                    | (first && keyFrame ? 0x02 : 0) | 0x01);
            payload[1] = (byte) (0x80 | pictureId >>> 8);
            payload[2] = (byte) pictureId;
            if (first) {
                System.arraycopy(ss, 0, payload, 3, ss.length);
            }
            System.arraycopy(frame, pos, payload, headerLength, len);
            out.add(writer.packet(last, timestamp, payload));
            pos += len;
        }
        pictureId = (pictureId + 1) & 0x7FFF;
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
