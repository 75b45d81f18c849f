package io.rtsp4j.rtp.codec.h264;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.AnnexB;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes H.264 access units (RFC 6184).
 *
 * <p>With packetization mode 1 (non-interleaved, the default) consecutive NAL units that fit together go into one
 * STAP-A packet, a NAL unit that fits alone goes into a single NAL unit packet, and a larger one is split into
 * FU-A fragments. With packetization mode 0 every NAL unit is sent in its own packet and must fit. The marker bit
 * is set on the last packet of the access unit; all packets carry the access unit's timestamp.
 */
public final class H264Packetizer implements Packetizer<List<byte[]>> {

    /** Maximum number of NAL units per access unit accepted by {@link #packetizeAnnexB}. */
    public static final int MAX_NAL_UNITS = 1024;

    private final PacketWriter writer;
    private final int packetizationMode;

    /**
     * Creates a packetizer with packetization mode 1.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public H264Packetizer(PacketizerConfig config) {
        this(config, 1);
    }

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     * @param packetizationMode 0 (single NAL unit) or 1 (non-interleaved); mode 2 is not supported
     */
    public H264Packetizer(PacketizerConfig config, int packetizationMode) {
        if (packetizationMode != 0 && packetizationMode != 1) {
            throw new IllegalArgumentException("packetization mode " + packetizationMode + " is not supported");
        }
        this.writer = new PacketWriter(config, 96, 3);
        this.packetizationMode = packetizationMode;
    }

    /**
     * Packetizes an access unit.
     *
     * @param accessUnit the NAL units of the access unit, without start codes
     * @param timestamp the RTP timestamp
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(List<byte[]> accessUnit, long timestamp) {
        if (accessUnit.isEmpty()) {
            throw new IllegalArgumentException("access unit has no NAL unit");
        }
        for (byte[] nalu : accessUnit) {
            if (nalu.length == 0) {
                throw new IllegalArgumentException("empty NAL unit");
            }
        }
        int max = writer.maxPayloadSize();
        List<RtpPacket> out = new ArrayList<>();
        if (packetizationMode == 0) {
            for (int i = 0; i < accessUnit.size(); i++) {
                byte[] nalu = accessUnit.get(i);
                if (nalu.length > max) {
                    throw new IllegalArgumentException("NAL unit of " + nalu.length + " bytes exceeds the max payload"
                            + " size of " + max + " and cannot be fragmented with packetization-mode=0");
                }
                out.add(writer.packet(i == accessUnit.size() - 1, timestamp, nalu.clone()));
            }
            return out;
        }
        List<byte[]> batch = new ArrayList<>();
        int batchSize = 1; // STAP-A header
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
                batchSize = 1 + 2 + nalu.length;
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
        int size = 1;
        for (byte[] nalu : batch) {
            size += 2 + nalu.length;
        }
        byte[] payload = new byte[size];
        int pos = 1;
        for (byte[] nalu : batch) {
            payload[pos] = (byte) (nalu.length >>> 8);
            payload[pos + 1] = (byte) nalu.length;
            System.arraycopy(nalu, 0, payload, pos + 2, nalu.length);
            pos += 2 + nalu.length;
        }
        // F and NRI of the STAP-A header are left 0 like gortsplib (the shared test vectors expect it); receivers
        // take F and NRI from the aggregated NAL units themselves.
        payload[0] = (byte) H264Payloads.STAP_A;
        out.add(writer.packet(marker, timestamp, payload));
    }

    private void writeFragments(byte[] nalu, boolean marker, long timestamp, List<RtpPacket> out) {
        int avail = writer.maxPayloadSize() - 2;
        int remaining = nalu.length - 1;
        int pos = 1;
        int indicator = (nalu[0] & 0xE0) | H264Payloads.FU_A;
        int type = nalu[0] & 0x1F;
        boolean first = true;
        while (remaining > 0) {
            int len = Math.min(avail, remaining);
            boolean last = len == remaining;
            byte[] payload = new byte[2 + len];
            payload[0] = (byte) indicator;
            payload[1] = (byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | type);
            System.arraycopy(nalu, pos, payload, 2, len);
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
