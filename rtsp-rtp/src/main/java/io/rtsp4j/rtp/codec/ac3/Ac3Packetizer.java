package io.rtsp4j.rtp.codec.ac3;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes AC-3 frames (RFC 4184): frames that fit together are aggregated behind a 2-byte payload header (FT 0,
 * NF = number of frames); a frame that does not fit alone is fragmented (FT 1 when the first fragment holds at
 * least 5/8 of the frame, else FT 2, then FT 3 for the rest; NF = number of fragments). Packets that end a frame
 * carry the marker bit. Later frames carry the timestamp offset of their first frame (1536 samples per frame).
 */
public final class Ac3Packetizer implements Packetizer<List<byte[]>> {

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public Ac3Packetizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, 96, 8);
    }

    /**
     * Packetizes frames.
     *
     * @param frames complete AC-3 sync frames, in order
     * @param timestamp the RTP timestamp of the first frame
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(List<byte[]> frames, long timestamp) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frame");
        }
        int max = writer.maxPayloadSize();
        List<RtpPacket> out = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        int batchSize = 2;
        long ts = timestamp;
        for (byte[] frame : frames) {
            if (frame.length == 0) {
                throw new IllegalArgumentException("empty frame");
            }
            if (batchSize + frame.length <= max) {
                batch.add(frame);
                batchSize += frame.length;
            } else {
                if (!batch.isEmpty()) {
                    writeBatch(batch, batchSize, ts, out);
                    ts += (long) batch.size() * Ac3SyncFrame.SAMPLES_PER_FRAME;
                }
                batch = new ArrayList<>();
                batch.add(frame);
                batchSize = 2 + frame.length;
            }
        }
        writeBatch(batch, batchSize, ts, out);
        return out;
    }

    private void writeBatch(List<byte[]> batch, int size, long timestamp, List<RtpPacket> out) {
        if (batch.size() != 1 || size < writer.maxPayloadSize()) {
            if (batch.size() > 255) {
                throw new IllegalArgumentException("at most 255 frames per packet");
            }
            byte[] payload = new byte[size];
            payload[1] = (byte) batch.size();
            int pos = 2;
            for (byte[] frame : batch) {
                System.arraycopy(frame, 0, payload, pos, frame.length);
                pos += frame.length;
            }
            out.add(writer.packet(true, timestamp, payload));
            return;
        }
        byte[] frame = batch.get(0);
        int avail = writer.maxPayloadSize() - 4;
        int count = (frame.length + avail - 1) / avail;
        if (count > 255) {
            throw new IllegalArgumentException("frame needs more than 255 fragments");
        }
        int ft = avail >= frame.length * 5 / 8 ? 1 : 2;
        int pos = 0;
        for (int i = 0; i < count; i++) {
            int len = Math.min(avail, frame.length - pos);
            byte[] payload = new byte[2 + len];
            payload[0] = (byte) ft;
            payload[1] = (byte) count;
            System.arraycopy(frame, pos, payload, 2, len);
            pos += len;
            out.add(writer.packet(i == count - 1, timestamp, payload));
            ft = 3;
        }
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
