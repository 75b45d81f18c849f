package io.rtsp4j.rtp.codec.mpeg1video;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes MPEG-1/2 video frames per RFC 2250 section 3.4: the frame is cut at start codes into slices (and
 * headers); slices that fit together share a packet, a larger one is fragmented. Each payload starts with the
 * 4-byte MPEG video-specific header: temporal reference and picture type from the picture header, S (sequence
 * header present), B (begins a slice) and E (ends a slice). Payload type 32 unless set; the marker bit is set on
 * the last packet of the frame.
 */
public final class Mpeg1VideoPacketizer implements Packetizer<byte[]> {

    /** Static payload type of MPV. */
    public static final int PAYLOAD_TYPE = 32;

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings
     */
    public Mpeg1VideoPacketizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, PAYLOAD_TYPE, 8);
    }

    /**
     * Packetizes a frame.
     *
     * @param frame the elementary stream bytes of one frame (picture), usually starting with a start code
     * @param timestamp the RTP timestamp (90 kHz)
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(byte[] frame, long timestamp) {
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty frame");
        }
        int max = writer.maxPayloadSize();
        List<RtpPacket> out = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        int batchSize = 4;
        int temporalReference = 0;
        int pictureType = 0;
        int beginOfSequence = 0;
        int pos = 0;
        while (pos < frame.length) {
            int end = nextStartCode(frame, pos + 4);
            byte[] slice = new byte[end - pos];
            System.arraycopy(frame, pos, slice, 0, slice.length);
            pos = end;
            if (batchSize + slice.length <= max) {
                batch.add(slice);
                batchSize += slice.length;
            } else {
                if (!batch.isEmpty()) {
                    writeBatch(batch, batchSize, temporalReference, beginOfSequence, pictureType, timestamp, out);
                    beginOfSequence = 0;
                }
                batch = new ArrayList<>();
                batch.add(slice);
                batchSize = 4 + slice.length;
            }
            if (slice.length >= 4 && slice[0] == 0 && slice[1] == 0 && slice[2] == 1) {
                int code = slice[3] & 0xFF;
                if (code == 0x00 && slice.length >= 6) { // picture header
                    temporalReference = (slice[4] & 0xFF) << 2 | (slice[5] & 0xFF) >>> 6;
                    pictureType = (slice[5] >>> 3) & 0x07;
                } else if (code == 0xB8) { // group of pictures header
                    beginOfSequence = 1;
                }
            }
        }
        writeBatch(batch, batchSize, temporalReference, beginOfSequence, pictureType, timestamp, out);
        RtpPacket last = out.remove(out.size() - 1);
        out.add(last.toBuilder().marker(true).build());
        last.release();
        return out;
    }

    private static int nextStartCode(byte[] frame, int from) {
        for (int i = from; i + 2 < frame.length; i++) {
            if (frame[i] == 0 && frame[i + 1] == 0 && frame[i + 2] == 1) {
                return i;
            }
        }
        return frame.length;
    }

    private void writeBatch(List<byte[]> slices, int size, int temporalReference, int beginOfSequence,
            int pictureType, long timestamp, List<RtpPacket> out) {
        if (slices.size() != 1 || size < writer.maxPayloadSize()) {
            byte[] payload = new byte[size];
            header(payload, temporalReference, beginOfSequence, true, true, pictureType);
            int pos = 4;
            for (byte[] slice : slices) {
                System.arraycopy(slice, 0, payload, pos, slice.length);
                pos += slice.length;
            }
            out.add(writer.packet(false, timestamp, payload));
            return;
        }
        byte[] slice = slices.get(0);
        int avail = writer.maxPayloadSize() - 4;
        for (int pos = 0; pos < slice.length; pos += avail) {
            int len = Math.min(avail, slice.length - pos);
            byte[] payload = new byte[4 + len];
            header(payload, temporalReference, pos == 0 ? beginOfSequence : 0, pos == 0, pos + len == slice.length,
                    pictureType);
            System.arraycopy(slice, pos, payload, 4, len);
            out.add(writer.packet(false, timestamp, payload));
        }
    }

    private static void header(byte[] payload, int temporalReference, int beginOfSequence, boolean begin,
            boolean end, int pictureType) {
        payload[0] = (byte) (temporalReference >>> 8);
        payload[1] = (byte) temporalReference;
        payload[2] = (byte) (beginOfSequence << 5 | (begin ? 0x10 : 0) | (end ? 0x08 : 0) | pictureType);
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
