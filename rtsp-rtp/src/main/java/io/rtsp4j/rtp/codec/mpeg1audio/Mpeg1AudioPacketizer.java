package io.rtsp4j.rtp.codec.mpeg1audio;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes MPEG-1/2 audio frames (MP2, MP3) per RFC 2250 section 3.5: each payload starts with a 4-byte header
 * (MBZ and the fragment offset); whole frames that fit together are aggregated, a larger frame is fragmented with
 * increasing offsets. Payload type 14 unless set; every packet carries the marker bit. The RTP clock is 90 kHz:
 * later frames carry their offset in 90 kHz units.
 */
public final class Mpeg1AudioPacketizer implements Packetizer<List<byte[]>> {

    /** Static payload type of MPA. */
    public static final int PAYLOAD_TYPE = 14;
    /** RTP clock rate of MPA. */
    public static final int CLOCK_RATE = 90000;

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings
     */
    public Mpeg1AudioPacketizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, PAYLOAD_TYPE, 8);
    }

    /**
     * Packetizes frames.
     *
     * @param frames complete frames with their headers, in order
     * @param timestamp the RTP timestamp (90 kHz) of the first frame
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
        int batchSize = 4;
        long ts = timestamp;
        for (byte[] frame : frames) {
            Mpeg1AudioFrameHeader h = Mpeg1AudioFrameHeader.parse(frame, 0, frame.length);
            if (h == null) {
                throw new IllegalArgumentException("not an MPEG audio frame header");
            }
            if (batchSize + frame.length <= max) {
                batch.add(frame);
                batchSize += frame.length;
            } else {
                if (!batch.isEmpty()) {
                    writeBatch(batch, batchSize, ts, out);
                    for (byte[] f : batch) {
                        Mpeg1AudioFrameHeader fh = Mpeg1AudioFrameHeader.parse(f, 0, f.length);
                        ts += (long) fh.sampleCount() * CLOCK_RATE / fh.sampleRate();
                    }
                }
                batch = new ArrayList<>();
                batch.add(frame);
                batchSize = 4 + frame.length;
            }
        }
        writeBatch(batch, batchSize, ts, out);
        return out;
    }

    private void writeBatch(List<byte[]> batch, int size, long timestamp, List<RtpPacket> out) {
        if (batch.size() != 1 || size < writer.maxPayloadSize()) {
            byte[] payload = new byte[size];
            int pos = 4;
            for (byte[] frame : batch) {
                System.arraycopy(frame, 0, payload, pos, frame.length);
                pos += frame.length;
            }
            out.add(writer.packet(true, timestamp, payload));
            return;
        }
        byte[] frame = batch.get(0);
        int avail = writer.maxPayloadSize() - 4;
        for (int pos = 0; pos < frame.length; pos += avail) {
            int len = Math.min(avail, frame.length - pos);
            byte[] payload = new byte[4 + len];
            payload[2] = (byte) (pos >>> 8);
            payload[3] = (byte) pos;
            System.arraycopy(frame, pos, payload, 4, len);
            out.add(writer.packet(true, timestamp, payload));
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
