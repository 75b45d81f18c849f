package io.rtsp4j.rtp.codec.av1;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.codec.RtpCodecException.Reason;
import io.rtsp4j.rtp.internal.AccessUnitAssembler;
import io.rtsp4j.rtp.internal.ByteAccumulator;
import io.rtsp4j.rtp.internal.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles AV1 temporal units (lists of OBUs) from RTP packets (AOM AV1 RTP specification): OBU elements with
 * or without length fields (W), fragments continued across packets (Z/Y). A temporal unit ends with the marker
 * bit or when a packet with another timestamp arrives.
 */
public final class Av1Depacketizer implements Depacketizer<List<byte[]>> {

    /** Default maximum temporal unit size (8 MiB). */
    public static final int DEFAULT_MAX_TEMPORAL_UNIT_SIZE = 8 * 1024 * 1024;
    /** Default maximum number of OBUs per temporal unit. */
    public static final int DEFAULT_MAX_OBUS = 10;

    private final int maxSize;
    private final AccessUnitAssembler temporalUnit;
    private final ByteAccumulator fragment = new ByteAccumulator();
    private boolean fragmentPending;
    private int fragmentNextSequenceNumber;
    private boolean firstPacketReceived;

    /** Creates a depacketizer with the default limits. */
    public Av1Depacketizer() {
        this(DEFAULT_MAX_TEMPORAL_UNIT_SIZE, DEFAULT_MAX_OBUS);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxTemporalUnitSize the maximum temporal unit size in bytes
     * @param maxObus the maximum number of OBUs per temporal unit
     */
    public Av1Depacketizer(int maxTemporalUnitSize, int maxObus) {
        this.maxSize = maxTemporalUnitSize;
        this.temporalUnit = new AccessUnitAssembler("OBU", maxObus, maxTemporalUnitSize);
    }

    @Override
    public List<byte[]> depacketize(RtpPacket packet) throws RtpCodecException {
        List<byte[]> previous = temporalUnit.takeIfTimestampChanged(packet.timestamp());
        List<byte[]> obus = decodeObus(packet);
        if (!obus.isEmpty()) {
            temporalUnit.add(obus, packet.timestamp());
        }
        if (previous != null || !packet.marker() || temporalUnit.isEmpty()) {
            return previous;
        }
        return temporalUnit.take();
    }

    private List<byte[]> decodeObus(RtpPacket packet) throws RtpCodecException {
        byte[] p = Bytes.copy(packet.payload());
        if (p.length < 2) {
            resetFragment();
            throw RtpCodecException.malformed("invalid header: packet too short");
        }
        int header = p[0] & 0xFF;
        boolean z = (header & 0x80) != 0;
        boolean y = (header & 0x40) != 0;
        int w = (header >>> 4) & 0x03;
        if (z && (header & 0x08) != 0) {
            resetFragment();
            throw RtpCodecException.malformed("invalid header: N and Z bits both set");
        }
        List<int[]> elements = new ArrayList<>();
        int pos = 1;
        for (int i = 1; pos < p.length; i++) {
            int len;
            if (i == w) {
                len = p.length - pos;
            } else {
                long leb = Leb128.decode(p, pos, p.length);
                if (leb < 0) {
                    resetFragment();
                    throw RtpCodecException.malformed("invalid header: invalid OBU element length");
                }
                pos += (int) (leb & 0xFF);
                long l = leb >>> 8;
                if (l > p.length - pos) {
                    resetFragment();
                    throw RtpCodecException.malformed("invalid header: OBU element exceeds the packet");
                }
                len = (int) l;
            }
            elements.add(new int[] {pos, len});
            pos += len;
        }
        List<byte[]> obus = new ArrayList<>();
        int first = 0;
        if (z) {
            if (!fragmentPending) {
                if (!firstPacketReceived) {
                    return obus; // joined a running stream in the middle of an OBU
                }
                throw RtpCodecException.malformed("received a subsequent fragment without previous fragments");
            }
            if (packet.sequenceNumber() != fragmentNextSequenceNumber) {
                resetFragment();
                throw new RtpCodecException(Reason.PACKET_LOST, "discarding frame since a RTP packet is missing");
            }
            if (elements.isEmpty()) {
                resetFragment();
                throw RtpCodecException.malformed("continuation packet without OBU element");
            }
            int[] e = elements.get(0);
            appendFragment(p, e[0], e[1]);
            first = 1;
            if (elements.size() > 1 || !y) {
                obus.add(fragment.toByteArray());
                resetFragment();
            }
        } else if (fragmentPending) {
            resetFragment(); // the previous fragment was never completed
        }
        firstPacketReceived = true;
        int last = elements.size();
        boolean continues = y && (elements.size() > first || z);
        if (y && elements.size() > first) {
            last--;
        }
        for (int i = first; i < last; i++) {
            int[] e = elements.get(i);
            byte[] obu = new byte[e[1]];
            System.arraycopy(p, e[0], obu, 0, e[1]);
            obus.add(obu);
        }
        if (continues) {
            if (y && elements.size() > first) {
                int[] e = elements.get(elements.size() - 1);
                resetFragment();
                appendFragment(p, e[0], e[1]);
            }
            fragmentPending = true;
            fragmentNextSequenceNumber = (packet.sequenceNumber() + 1) & 0xFFFF;
        }
        return obus;
    }

    private void appendFragment(byte[] p, int off, int len) throws RtpCodecException {
        long size = (long) fragment.size() + len;
        if (size > maxSize) {
            resetFragment();
            throw new RtpCodecException(Reason.TOO_LARGE, "temporal unit size (" + size + ") is too big, maximum is "
                    + maxSize);
        }
        fragment.append(p, off, len);
    }

    private void resetFragment() {
        fragment.clear();
        fragmentPending = false;
    }

    @Override
    public void reset() {
        resetFragment();
        temporalUnit.clear();
    }
}
