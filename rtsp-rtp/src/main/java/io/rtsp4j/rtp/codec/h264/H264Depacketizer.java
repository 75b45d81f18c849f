package io.rtsp4j.rtp.codec.h264;

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
 * Reassembles H.264 access units (lists of NAL units without start codes) from RTP packets (RFC 6184): single NAL
 * unit packets, STAP-A and FU-A, in packetization mode 0 or 1 alike. STAP-B, MTAP and FU-B (interleaved mode)
 * are rejected.
 *
 * <p>An access unit ends with the marker bit, or when a packet with another timestamp arrives (cameras that never
 * set the marker, mediamtx issue 3945). Tolerated deviations seen in real cameras: an FU-A with both start and end
 * bits (CostarHD, gortsplib issue 649), NAL units wrapped in Annex-B start codes (gortsplib issue 199) and several
 * NAL units inside one FU-A separated by start codes (Amatek, gortsplib issue 989).
 */
public final class H264Depacketizer implements Depacketizer<List<byte[]>> {

    /** Default maximum access unit size (8 MiB). */
    public static final int DEFAULT_MAX_ACCESS_UNIT_SIZE = 8 * 1024 * 1024;
    /** Default maximum number of NAL units per access unit. */
    public static final int DEFAULT_MAX_NAL_UNITS = 50;

    private static final byte[] START_CODE = {0, 0, 0, 1};

    private final int maxAccessUnitSize;
    private final int maxNalUnits;
    private final AccessUnitAssembler accessUnit;
    private final ByteAccumulator fragments = new ByteAccumulator();
    private int fragmentNextSequenceNumber;
    private boolean firstPacketReceived;
    private boolean annexBMode;

    /** Creates a depacketizer with the default limits. */
    public H264Depacketizer() {
        this(DEFAULT_MAX_ACCESS_UNIT_SIZE, DEFAULT_MAX_NAL_UNITS);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxAccessUnitSize the maximum size of an access unit (and of one NAL unit) in bytes
     * @param maxNalUnits the maximum number of NAL units per access unit
     */
    public H264Depacketizer(int maxAccessUnitSize, int maxNalUnits) {
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
            // with a previous unit to hand out, this one waits for the next timestamp change or marker
            return previous;
        }
        return accessUnit.take();
    }

    private List<byte[]> decodeNalUnits(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (len < 1) {
            fragments.clear();
            throw RtpCodecException.malformed("payload is too short");
        }
        int b0 = Bytes.u8(p, 0);
        int type = b0 & 0x1F;
        List<byte[]> nalus;
        switch (type) {
            case H264Payloads.FU_A: {
                if (len < 2) {
                    fragments.clear();
                    throw RtpCodecException.malformed("invalid FU-A packet (invalid size)");
                }
                int b1 = Bytes.u8(p, 1);
                boolean start = (b1 & 0x80) != 0;
                boolean end = (b1 & 0x40) != 0;
                if (start) {
                    fragments.clear();
                    fragments.append((b0 & 0xE0) | (b1 & 0x1F));
                    checkFragmentSize(len - 2);
                    fragments.append(p, 2, len - 2);
                    fragmentNextSequenceNumber = (packet.sequenceNumber() + 1) & 0xFFFF;
                    firstPacketReceived = true;
                    if (!end) {
                        return null;
                    }
                    // start and end in one FU-A violates RFC 6184 but CostarHD cameras send it
                } else {
                    if (fragments.isEmpty()) {
                        if (!firstPacketReceived) {
                            return null; // joined a running stream in the middle of a NAL unit
                        }
                        throw RtpCodecException.malformed("invalid FU-A packet (non-starting)");
                    }
                    if (packet.sequenceNumber() != fragmentNextSequenceNumber) {
                        fragments.clear();
                        throw new RtpCodecException(Reason.PACKET_LOST,
                                "discarding frame since a RTP packet is missing");
                    }
                    checkFragmentSize(len - 2);
                    fragments.append(p, 2, len - 2);
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
            case H264Payloads.STAP_A: {
                fragments.clear();
                nalus = new ArrayList<>();
                int pos = 1;
                while (true) {
                    if (len - pos < 2) {
                        throw RtpCodecException.malformed("invalid STAP-A packet (invalid size)");
                    }
                    int size = Bytes.u16(p, pos);
                    pos += 2;
                    if (size == 0 && allZero(p, pos, len)) {
                        break; // padding at the end of the packet
                    }
                    if (size > len - pos) {
                        throw RtpCodecException.malformed("invalid STAP-A packet (invalid size)");
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
                    throw RtpCodecException.malformed("STAP-A packet doesn't contain any NALU");
                }
                firstPacketReceived = true;
                break;
            }
            case H264Payloads.STAP_B:
            case H264Payloads.MTAP16:
            case H264Payloads.MTAP24:
            case H264Payloads.FU_B:
                fragments.clear();
                firstPacketReceived = true;
                throw new RtpCodecException(Reason.UNSUPPORTED, "packet type not supported (" + typeName(type)
                        + ")");
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

    /** Some cameras and servers wrap NAL units into Annex-B start codes; once seen, unwrap every unit. */
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

    private static boolean allZero(ByteBuf p, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Bytes.u8(p, i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String typeName(int type) {
        switch (type) {
            case H264Payloads.STAP_B:
                return "STAP-B";
            case H264Payloads.MTAP16:
                return "MTAP-16";
            case H264Payloads.MTAP24:
                return "MTAP-24";
            default:
                return "FU-B";
        }
    }

    @Override
    public void reset() {
        fragments.clear();
        accessUnit.clear();
    }
}
