package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A sender report (SR, RFC 3550 section 6.4.1).
 *
 * @param ssrc the sender's SSRC, 0..0xFFFFFFFF
 * @param ntpTime the wall-clock time of the report as a 64-bit NTP timestamp (unsigned, stored in a {@code long};
 *        see {@link io.rtsp4j.rtp.time.NtpTime})
 * @param rtpTime the RTP timestamp corresponding to {@code ntpTime}, 0..0xFFFFFFFF
 * @param packetCount packets sent since the start, modulo 2^32
 * @param octetCount payload octets sent since the start, modulo 2^32
 * @param reports reception report blocks (at most 31)
 * @param profileExtensions profile-specific extension bytes after the blocks (a multiple of 4, usually empty)
 */
public record SenderReport(long ssrc, long ntpTime, long rtpTime, long packetCount, long octetCount,
        List<ReceptionReport> reports, byte[] profileExtensions) implements RtcpPacket {

    /**
     * Validates and copies the fields.
     *
     * @param ssrc see the record component
     * @param ntpTime see the record component
     * @param rtpTime see the record component
     * @param packetCount see the record component
     * @param octetCount see the record component
     * @param reports see the record component
     * @param profileExtensions see the record component
     * @throws IllegalArgumentException if a field is out of range
     */
    public SenderReport {
        ReceptionReport.checkU32("ssrc", ssrc);
        ReceptionReport.checkU32("rtpTime", rtpTime);
        ReceptionReport.checkU32("packetCount", packetCount);
        ReceptionReport.checkU32("octetCount", octetCount);
        reports = List.copyOf(reports);
        RtcpHeader.checkCount("reception reports", reports.size());
        profileExtensions = profileExtensions.clone();
        if (profileExtensions.length % 4 != 0) {
            throw new IllegalArgumentException("profile extensions must be a multiple of 4 bytes");
        }
    }

    /**
     * A sender report without profile extensions.
     *
     * @param ssrc the sender's SSRC
     * @param ntpTime the NTP time of the report
     * @param rtpTime the matching RTP timestamp
     * @param packetCount packets sent
     * @param octetCount payload octets sent
     * @param reports reception report blocks
     */
    public SenderReport(long ssrc, long ntpTime, long rtpTime, long packetCount, long octetCount,
            List<ReceptionReport> reports) {
        this(ssrc, ntpTime, rtpTime, packetCount, octetCount, reports, new byte[0]);
    }

    /**
     * The profile extension bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] profileExtensions() {
        return profileExtensions.clone();
    }

    @Override
    public int packetType() {
        return TYPE_SENDER_REPORT;
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 24 + ReceptionReport.SIZE * reports.size() + profileExtensions.length;
    }

    @Override
    public void encodeTo(ByteBuf out) {
        int size = encodedSize();
        out.ensureWritable(size);
        RtcpHeader.write(out, reports.size(), TYPE_SENDER_REPORT, size);
        out.writeInt((int) ssrc);
        out.writeLong(ntpTime);
        out.writeInt((int) rtpTime);
        out.writeInt((int) packetCount);
        out.writeInt((int) octetCount);
        for (ReceptionReport r : reports) {
            r.encodeTo(out);
        }
        out.writeBytes(profileExtensions);
    }

    static SenderReport decode(ByteBuf buf, int pos, int end, int count) throws RtcpDecodeException {
        if (end - pos < 24 + ReceptionReport.SIZE * count) {
            throw new RtcpDecodeException("RTCP packet too short: sender report with " + count
                    + " blocks needs " + (28 + ReceptionReport.SIZE * count) + " bytes");
        }
        long ssrc = buf.getUnsignedInt(pos);
        long ntp = buf.getLong(pos + 4);
        long rtp = buf.getUnsignedInt(pos + 12);
        long packets = buf.getUnsignedInt(pos + 16);
        long octets = buf.getUnsignedInt(pos + 20);
        pos += 24;
        ReceptionReport[] reports = new ReceptionReport[count];
        for (int i = 0; i < count; i++) {
            reports[i] = ReceptionReport.decode(buf, pos);
            pos += ReceptionReport.SIZE;
        }
        byte[] ext = new byte[end - pos];
        buf.getBytes(pos, ext);
        return new SenderReport(ssrc, ntp, rtp, packets, octets, List.of(reports), ext);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderReport r && r.ssrc == ssrc && r.ntpTime == ntpTime && r.rtpTime == rtpTime
                && r.packetCount == packetCount && r.octetCount == octetCount && r.reports.equals(reports)
                && Arrays.equals(r.profileExtensions, profileExtensions);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ssrc) * 31 + Long.hashCode(ntpTime) * 17 + reports.hashCode();
    }

    @Override
    public String toString() {
        return "SenderReport[ssrc=" + ssrc + ", ntpTime=" + Long.toUnsignedString(ntpTime) + ", rtpTime=" + rtpTime
                + ", packetCount=" + packetCount + ", octetCount=" + octetCount + ", reports=" + reports
                + (profileExtensions.length > 0 ? ", profileExtensions=" + HexFormat.of().formatHex(profileExtensions)
                        : "") + "]";
    }
}
