package io.rtsp4j.rtp.codec.h265;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.AnnexB;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes H.265 access units (RFC 7798, without DONL fields: sprop-max-don-diff 0).
 *
 * <p>Consecutive NAL units that fit together go into one aggregation packet (AP), a NAL unit that fits alone into
 * a single NAL unit packet, a larger one into fragmentation units (FU). The marker bit is set on the last packet
 * of the access unit.
 */
public final class H265Packetizer implements Packetizer<List<byte[]>> {

    /** Maximum number of NAL units per access unit accepted by {@link #packetizeAnnexB}. */
    public static final int MAX_NAL_UNITS = 1024;

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public H265Packetizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, 96, 4);
    }

    /**
     * Packetizes an access unit.
     *
     * @param accessUnit the NAL units of the access unit, without start codes, each at least 2 bytes (header)
     * @param timestamp the RTP timestamp
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(List<byte[]> accessUnit, long timestamp) {
        if (accessUnit.isEmpty()) {
            throw new IllegalArgumentException("access unit has no NAL unit");
        }
        for (byte[] nalu : accessUnit) {
            if (nalu.length < 2) {
                throw new IllegalArgumentException("H.265 NAL unit of " + nalu.length + " bytes has no 2-byte header");
            }
        }
        int max = writer.maxPayloadSize();
        List<RtpPacket> out = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        int batchSize = 2; // AP payload header
        for (byte[] nalu : accessUnit) {
            if (batchSize + 2 + nalu.length <= max) {
                batch.add(nalu);
                batchSize += 2 + nalu.length;
            } else {
                if (!batch.isEmpty()) {
                    writeBatch(batch, false, timestamp, out);
                }
                batch = new ArrayList<>();
                batch.add(nalu);
                batchSize = 2 + 2 + nalu.length;
            }
        }
        writeBatch(batch, true, timestamp, out);
        return out;
    }

    /**
     * Packetizes an access unit given as an Annex-B byte stream.
     *
     * @param annexB the access unit with start codes
     * @param timestamp the RTP timestamp
     * @return the packets
     */
    public List<RtpPacket> packetizeAnnexB(byte[] annexB, long timestamp) {
        return packetize(AnnexB.split(annexB, MAX_NAL_UNITS), timestamp);
    }

    private void writeBatch(List<byte[]> batch, boolean marker, long timestamp, List<RtpPacket> out) {
        if (batch.size() == 1) {
            byte[] nalu = batch.get(0);
            if (nalu.length < writer.maxPayloadSize()) {
                out.add(writer.packet(marker, timestamp, nalu.clone()));
            } else {
                writeFragments(nalu, marker, timestamp, out);
            }
            return;
        }
        int size = 2;
        for (byte[] nalu : batch) {
            size += 2 + nalu.length;
        }
        byte[] payload = new byte[size];
        // RFC 7798 section 4.4.2: the AP header carries the lowest LayerId and TemporalId of its units
        int layerId = 0xFF;
        int temporalId = 0xFF;
        int pos = 2;
        for (byte[] nalu : batch) {
            layerId = Math.min(layerId, (nalu[0] & 0x01) << 5 | (nalu[1] & 0xFF) >>> 3);
            temporalId = Math.min(temporalId, nalu[1] & 0x07);
            payload[pos] = (byte) (nalu.length >>> 8);
            payload[pos + 1] = (byte) nalu.length;
            System.arraycopy(nalu, 0, payload, pos + 2, nalu.length);
            pos += 2 + nalu.length;
        }
        payload[0] = (byte) (H265Payloads.AGGREGATION_PACKET << 1 | (layerId & 0x20) >>> 5);
        payload[1] = (byte) ((layerId & 0x1F) << 3 | temporalId);
        out.add(writer.packet(marker, timestamp, payload));
    }

    private void writeFragments(byte[] nalu, boolean marker, long timestamp, List<RtpPacket> out) {
        int avail = writer.maxPayloadSize() - 3;
        int remaining = nalu.length - 2;
        int pos = 2;
        int type = H265Payloads.nalUnitType(nalu[0]);
        boolean first = true;
        while (remaining > 0) {
            int len = Math.min(avail, remaining);
            boolean last = len == remaining;
            byte[] payload = new byte[3 + len];
            payload[0] = (byte) ((nalu[0] & 0x81) | H265Payloads.FRAGMENTATION_UNIT << 1);
            payload[1] = nalu[1];
            payload[2] = (byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | type);
            System.arraycopy(nalu, pos, payload, 3, len);
            out.add(writer.packet(last && marker, timestamp, payload));
            pos += len;
            remaining -= len;
            first = false;
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
