package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An application-defined packet (APP, RFC 3550 section 6.7).
 *
 * @param subtype the 5-bit subtype, 0..31
 * @param ssrc the source, 0..0xFFFFFFFF
 * @param name the 4-character ASCII name
 * @param data the application data, a multiple of 4 bytes
 */
public record ApplicationDefined(int subtype, long ssrc, String name, byte[] data) implements RtcpPacket {

    /**
     * Validates and copies the fields.
     *
     * @param subtype see the record component
     * @param ssrc see the record component
     * @param name see the record component
     * @param data see the record component
     * @throws IllegalArgumentException if a field is out of range
     */
    public ApplicationDefined {
        if (subtype < 0 || subtype > 31) {
            throw new IllegalArgumentException("APP subtype must be 0..31, got " + subtype);
        }
        ReceptionReport.checkU32("ssrc", ssrc);
        if (name.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("APP name must be 4 ASCII characters, got '" + name + "'");
        }
        data = data.clone();
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("APP data must be a multiple of 4 bytes, got " + data.length);
        }
    }

    /**
     * The application data.
     *
     * @return a copy
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int packetType() {
        return TYPE_APPLICATION_DEFINED;
    }

    @Override
    public int encodedSize() {
        return RtcpHeader.SIZE + 8 + data.length;
    }

    @Override
    public void encodeTo(ByteBuf out) {
        int size = encodedSize();
        out.ensureWritable(size);
        RtcpHeader.write(out, subtype, TYPE_APPLICATION_DEFINED, size);
        out.writeInt((int) ssrc);
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
    }

    static ApplicationDefined decode(ByteBuf buf, int pos, int end, int subtype) throws RtcpDecodeException {
        if (end - pos < 8) {
            throw new RtcpDecodeException("RTCP packet too short: APP needs 12 bytes, got " + (end - pos + 4));
        }
        long ssrc = buf.getUnsignedInt(pos);
        byte[] name = new byte[4];
        buf.getBytes(pos + 4, name);
        for (byte b : name) {
            if (b < 0) {
                throw new RtcpDecodeException("APP packet name is not ASCII");
            }
        }
        int len = (end - pos - 8) & ~3;
        byte[] data = new byte[len];
        buf.getBytes(pos + 8, data);
        return new ApplicationDefined(subtype, ssrc, new String(name, StandardCharsets.US_ASCII), data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationDefined a && a.subtype == subtype && a.ssrc == ssrc && a.name.equals(name)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return (subtype * 31 + Long.hashCode(ssrc)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ApplicationDefined[subtype=" + subtype + ", ssrc=" + ssrc + ", name=" + name + ", data="
                + HexFormat.of().formatHex(data) + "]";
    }
}
