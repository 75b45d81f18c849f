package io.rtsp4j.rtp.codec.mpeg4audio;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.BitWriter;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes MPEG-4 Audio (AAC) access units with the RFC 3640 generic format (mpeg4-generic, mode AAC-hbr or any
 * mode given by its AU-header field sizes).
 *
 * <p>Access units that fit together are aggregated into one packet with one AU-header each; an access unit that
 * does not fit alone is fragmented, every fragment carrying one AU-header with the fragment size. Every packet
 * that ends an access unit has the marker bit. Packets of later access units carry the timestamp of their first
 * access unit: {@code timestamp + index * samplesPerAccessUnit}.
 */
public final class Mpeg4AudioPacketizer implements Packetizer<List<byte[]>> {

    /** Samples per access unit of AAC (1024; 960, 512 or 480 for other object types). */
    public static final int DEFAULT_SAMPLES_PER_ACCESS_UNIT = 1024;

    private final PacketWriter writer;
    private final int sizeLength;
    private final int indexLength;
    private final int indexDeltaLength;
    private final int samplesPerAccessUnit;

    /**
     * Creates a packetizer for AAC-hbr ({@code sizeLength=13; indexLength=3; indexDeltaLength=3}, 1024 samples
     * per access unit).
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public Mpeg4AudioPacketizer(PacketizerConfig config) {
        this(config, 13, 3, 3, DEFAULT_SAMPLES_PER_ACCESS_UNIT);
    }

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     * @param sizeLength the {@code sizelength} fmtp parameter, 1..32
     * @param indexLength the {@code indexlength} fmtp parameter, 0..32
     * @param indexDeltaLength the {@code indexdeltalength} fmtp parameter, 0..32
     * @param samplesPerAccessUnit samples per access unit, for the timestamps of later access units
     */
    public Mpeg4AudioPacketizer(PacketizerConfig config, int sizeLength, int indexLength, int indexDeltaLength,
            int samplesPerAccessUnit) {
        if (sizeLength < 1 || sizeLength > 32 || indexLength < 0 || indexLength > 32 || indexDeltaLength < 0
                || indexDeltaLength > 32) {
            throw new IllegalArgumentException("invalid AU-header field sizes " + sizeLength + "/" + indexLength
                    + "/" + indexDeltaLength);
        }
        if (samplesPerAccessUnit < 1) {
            throw new IllegalArgumentException("samples per access unit must be positive");
        }
        this.writer = new PacketWriter(config, 96, 2 + (sizeLength + indexLength + 7) / 8 + 1);
        this.sizeLength = sizeLength;
        this.indexLength = indexLength;
        this.indexDeltaLength = indexDeltaLength;
        this.samplesPerAccessUnit = samplesPerAccessUnit;
    }

    /**
     * Packetizes access units.
     *
     * @param accessUnits raw AAC access units (no ADTS header), in order
     * @param timestamp the RTP timestamp of the first access unit
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(List<byte[]> accessUnits, long timestamp) {
        if (accessUnits.isEmpty()) {
            throw new IllegalArgumentException("no access unit");
        }
        for (byte[] au : accessUnits) {
            if (au.length == 0) {
                throw new IllegalArgumentException("empty access unit");
            }
        }
        int max = writer.maxPayloadSize();
        List<RtpPacket> out = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        long ts = timestamp;
        for (byte[] au : accessUnits) {
            batch.add(au);
            if (aggregatedSize(batch) > max) {
                batch.remove(batch.size() - 1);
                if (!batch.isEmpty()) {
                    writeBatch(batch, ts, out);
                    ts += (long) batch.size() * samplesPerAccessUnit;
                }
                batch = new ArrayList<>();
                batch.add(au);
            }
        }
        writeBatch(batch, ts, out);
        return out;
    }

    private int aggregatedSize(List<byte[]> aus) {
        int headerBits = 0;
        int n = 2;
        for (int i = 0; i < aus.size(); i++) {
            headerBits += sizeLength + (i == 0 ? indexLength : indexDeltaLength);
            n += aus.get(i).length;
        }
        return n + (headerBits + 7) / 8;
    }

    private void writeBatch(List<byte[]> aus, long timestamp, List<RtpPacket> out) {
        if (aus.size() != 1 || aggregatedSize(aus) < writer.maxPayloadSize()) {
            writeAggregated(aus, timestamp, out);
        } else {
            writeFragments(aus.get(0), timestamp, out);
        }
    }

    private void writeAggregated(List<byte[]> aus, long timestamp, List<RtpPacket> out) {
        byte[] payload = new byte[aggregatedSize(aus)];
        BitWriter bits = new BitWriter(payload, 2);
        int headerBits = 0;
        for (int i = 0; i < aus.size(); i++) {
            checkSize(aus.get(i).length);
            bits.write(aus.get(i).length, sizeLength);
            int index = i == 0 ? indexLength : indexDeltaLength;
            bits.write(0, index);
            headerBits += sizeLength + index;
        }
        payload[0] = (byte) (headerBits >>> 8);
        payload[1] = (byte) headerBits;
        int pos = 2 + (headerBits + 7) / 8;
        for (byte[] au : aus) {
            System.arraycopy(au, 0, payload, pos, au.length);
            pos += au.length;
        }
        out.add(writer.packet(true, timestamp, payload));
    }

    private void writeFragments(byte[] au, long timestamp, List<RtpPacket> out) {
        int headerBits = sizeLength + indexLength;
        int headerBytes = (headerBits + 7) / 8;
        int avail = writer.maxPayloadSize() - 2 - headerBytes;
        int pos = 0;
        while (pos < au.length) {
            int len = Math.min(avail, au.length - pos);
            checkSize(len);
            byte[] payload = new byte[2 + headerBytes + len];
            payload[0] = (byte) (headerBits >>> 8);
            payload[1] = (byte) headerBits;
            BitWriter bits = new BitWriter(payload, 2);
            bits.write(len, sizeLength);
            System.arraycopy(au, pos, payload, 2 + headerBytes, len);
            pos += len;
            out.add(writer.packet(pos == au.length, timestamp, payload));
        }
    }

    private void checkSize(int size) {
        if (sizeLength < 32 && size >= 1L << sizeLength) {
            throw new IllegalArgumentException("access unit (fragment) of " + size + " bytes does not fit "
                    + sizeLength + " bits of AU-size");
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
