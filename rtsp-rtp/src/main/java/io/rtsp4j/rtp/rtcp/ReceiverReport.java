package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A receiver report (RR, RFC 3550 section 6.4.2).
 *
 * @param ssrc the SSRC of the reporting receiver, 0..0xFFFFFFFF
 * @param reports reception report blocks (at most 31)
 * @param profileExtensions profile-specific extension bytes after the blocks (a multiple of 4, usually empty)
 */
public record ReceiverReport(long ssrc, List<ReceptionReport> reports, byte[] profileExtensions)
        implements RtcpPacket {

    /**
     * Validates and copies the fields.
     *
     * @param ssrc see the record component
     * @param reports see the record component
     * @param profileExtensions see the record component
     * @throws IllegalArgumentException if a field is out of range
     */
    public ReceiverReport {
        ReceptionReport.checkU32("ssrc", ssrc);
        reports = List.copyOf(reports);
        RtcpHeader.checkCount("reception reports", reports.size());
        profileExtensions = profileExtensions.clone();
        if (profileExtensions.length % 4 != 0) {
            throw new IllegalArgumentException("profile extensions must be a multiple of 4 bytes");
        }
    }

    /**
     * A receiver report without profile extensions.
     *
     * @param ssrc the SSRC of the reporting receiver
     * @param reports reception report blocks
     */
    public ReceiverReport(long ssrc, List<ReceptionReport> reports) {
        this(ssrc, reports, new byte[0]);
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
        return TYPE_RECEIVER_REPORT;
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 4 + ReceptionReport.SIZE * reports.size() + profileExtensions.length;
    }

    @Override
    public void encodeTo(ByteBuf out) {
        int size = encodedSize();
        out.ensureWritable(size);
        RtcpHeader.write(out, reports.size(), TYPE_RECEIVER_REPORT, size);
        out.writeInt((int) ssrc);
        for (ReceptionReport r : reports) {
            r.encodeTo(out);
        }
        out.writeBytes(profileExtensions);
    }

    static ReceiverReport decode(ByteBuf buf, int pos, int end, int count) throws RtcpDecodeException {
        if (end - pos < 4 + ReceptionReport.SIZE * count) {
            throw new RtcpDecodeException("RTCP packet too short: receiver report with " + count
                    + " blocks needs " + (8 + ReceptionReport.SIZE * count) + " bytes");
        }
        long ssrc = buf.getUnsignedInt(pos);
        pos += 4;
        ReceptionReport[] reports = new ReceptionReport[count];
        for (int i = 0; i < count; i++) {
            reports[i] = ReceptionReport.decode(buf, pos);
            pos += ReceptionReport.SIZE;
        }
        byte[] ext = new byte[end - pos];
        buf.getBytes(pos, ext);
        return new ReceiverReport(ssrc, List.of(reports), ext);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiverReport r && r.ssrc == ssrc && r.reports.equals(reports)
                && Arrays.equals(r.profileExtensions, profileExtensions);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ssrc) * 31 + reports.hashCode();
    }

    @Override
    public String toString() {
        return "ReceiverReport[ssrc=" + ssrc + ", reports=" + reports
                + (profileExtensions.length > 0 ? ", profileExtensions=" + HexFormat.of().formatHex(profileExtensions)
                        : "") + "]";
    }
}
