package io.rtsp4j.rtp.codec.h265;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.AnnexB;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.codec.RtpCodecException.Reason;
import io.rtsp4j.rtp.internal.AccessUnitAssembler;
import io.rtsp4j.rtp.internal.ByteAccumulator;
import io.rtsp4j.rtp.internal.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles H.265 access units (lists of NAL units without start codes) from RTP packets (RFC 7798): single NAL
 * unit packets, aggregation packets and fragmentation units, without DONL fields (sprop-max-don-diff 0). PACI
 * packets are rejected.
 *
 * <p>An access unit ends with the marker bit, or when a packet with another timestamp arrives. Tolerated
 * deviations: an FU with both start and end bits, and NAL units wrapped in Annex-B start codes (also several of
 * them inside one FU, Amatek, gortsplib issue 989).
 */
public final class H265Depacketizer implements Depacketizer<List<byte[]>> {

    /** Default maximum access unit size (8 MiB). */
    public static final int DEFAULT_MAX_ACCESS_UNIT_SIZE = 8 * 1024 * 1024;
    /** Default maximum number of NAL units per access unit. */
    public static final int DEFAULT_MAX_NAL_UNITS = 21;

    private static final byte[] START_CODE = {0, 0, 0, 1};

    private final int maxAccessUnitSize;
    private final int maxNalUnits;
    private final AccessUnitAssembler accessUnit;
    private final ByteAccumulator fragments = new ByteAccumulator();
    private int fragmentNextSequenceNumber;
    private boolean firstPacketReceived;
    private boolean annexBMode;

    /** Creates a depacketizer with the default limits. */
    public H265Depacketizer() {
        this(DEFAULT_MAX_ACCESS_UNIT_SIZE, DEFAULT_MAX_NAL_UNITS);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxAccessUnitSize the maximum size of an access unit (and of one NAL unit) in bytes
     * @param maxNalUnits the maximum number of NAL units per access unit
     */
    public H265Depacketizer(int maxAccessUnitSize, int maxNalUnits) {
        if (maxAccessUnitSize < 1 || maxNalUnits < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxAccessUnitSize = maxAccessUnitSize;
        this.maxNalUnits = maxNalUnits;
        this.accessUnit = new AccessUnitAssembler("NALU", maxNalUnits, maxAccessUnitSize);
    }

    @Override
    public List<byte[]> depacketize(RtpPacket packet) throws RtpCodecException {
        List<byte[]> previous = accessUnit.takeIfTimestampChanged(packet.timestamp());
        List<byte[]> nalus = decodeNalUnits(packet);
        if (nalus == null) {
            return previous;
        }
        accessUnit.add(nalus, packet.timestamp());
        if (previous != null || !packet.marker()) {
            return previous;
        }
        return accessUnit.take();
    }

    private List<byte[]> decodeNalUnits(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (len < 2) {
            fragments.clear();
            throw RtpCodecException.malformed("payload is too short");
        }
        int b0 = Bytes.u8(p, 0);
        int type = H265Payloads.nalUnitType(b0);
        List<byte[]> nalus;
        switch (type) {
            case H265Payloads.AGGREGATION_PACKET: {
                fragments.clear();
                nalus = new ArrayList<>();
                int pos = 2;
                while (true) {
                    if (len - pos < 2) {
                        throw RtpCodecException.malformed("invalid aggregation unit (invalid size)");
                    }
                    int size = Bytes.u16(p, pos);
                    pos += 2;
                    if (size > len - pos) {
                        throw RtpCodecException.malformed("invalid aggregation unit (invalid size)");
                    }
                    if (size > 0) {
                        nalus.add(Bytes.copy(p, pos, size));
                    }
                    pos += size;
                    if (pos == len) {
                        break;
                    }
                }
                if (nalus.isEmpty()) {
                    throw RtpCodecException.malformed("aggregation unit doesn't contain any NALU");
                }
                firstPacketReceived = true;
                break;
            }
            case H265Payloads.FRAGMENTATION_UNIT: {
                if (len < 3) {
                    fragments.clear();
                    throw RtpCodecException.malformed("payload is too short");
                }
                int fuHeader = Bytes.u8(p, 2);
                boolean start = (fuHeader & 0x80) != 0;
                boolean end = (fuHeader & 0x40) != 0;
                if (start) {
                    fragments.clear();
                    fragments.append((b0 & 0x81) | (fuHeader & 0x3F) << 1);
                    fragments.append(Bytes.u8(p, 1));
                    checkFragmentSize(len - 3);
                    fragments.append(p, 3, len - 3);
                    fragmentNextSequenceNumber = (packet.sequenceNumber() + 1) & 0xFFFF;
                    firstPacketReceived = true;
                    if (!end) {
                        return null;
                    }
                } else {
                    if (fragments.isEmpty()) {
                        if (!firstPacketReceived) {
                            return null; // joined a running stream in the middle of a NAL unit
                        }
                        throw RtpCodecException.malformed("invalid fragmentation unit (non-starting)");
                    }
                    if (packet.sequenceNumber() != fragmentNextSequenceNumber) {
                        fragments.clear();
                        throw new RtpCodecException(Reason.PACKET_LOST,
                                "discarding frame since a RTP packet is missing");
                    }
                    checkFragmentSize(len - 3);
                    fragments.append(p, 3, len - 3);
                    fragmentNextSequenceNumber = (fragmentNextSequenceNumber + 1) & 0xFFFF;
                    if (!end) {
                        return null;
                    }
                }
                nalus = new ArrayList<>(1);
                nalus.add(fragments.toByteArray());
                fragments.clear();
                break;
            }
            case H265Payloads.PACI:
                fragments.clear();
                firstPacketReceived = true;
                throw new RtpCodecException(Reason.UNSUPPORTED, "PACI packets are not supported");
            default:
                fragments.clear();
                firstPacketReceived = true;
                nalus = new ArrayList<>(1);
                nalus.add(Bytes.copy(p));
        }
        return removeAnnexB(nalus);
    }

    private void checkFragmentSize(int add) throws RtpCodecException {
        long size = (long) fragments.size() + add;
        if (size > maxAccessUnitSize) {
            fragments.clear();
            throw new RtpCodecException(Reason.TOO_LARGE, "NALU size (" + size + ") is too big, maximum is "
                    + maxAccessUnitSize);
        }
    }

    private List<byte[]> removeAnnexB(List<byte[]> nalus) throws RtpCodecException {
        if (nalus.size() != 1) {
            return nalus;
        }
        byte[] nalu = nalus.get(0);
        if (!annexBMode && Bytes.contains(nalu, START_CODE)) {
            annexBMode = true;
        }
        if (!annexBMode) {
            return nalus;
        }
        if (Bytes.indexOf(nalu, START_CODE, 0) != 0) {
            byte[] prefixed = new byte[4 + nalu.length];
            System.arraycopy(START_CODE, 0, prefixed, 0, 4);
            System.arraycopy(nalu, 0, prefixed, 4, nalu.length);
            nalu = prefixed;
        }
        try {
            return AnnexB.split(nalu, maxNalUnits);
        } catch (IllegalArgumentException e) {
            throw RtpCodecException.malformed(e.getMessage());
        }
    }

    @Override
    public void reset() {
        fragments.clear();
        accessUnit.clear();
    }
}
