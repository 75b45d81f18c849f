package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A BYE packet (RFC 3550 section 6.6): the listed sources leave the session. The optional reason is kept as the
 * exact bytes received.
 */
public final class Goodbye implements RtcpPacket {

    private final List<Long> sources;
    private final byte[] reason;

    /**
     * Creates a BYE packet.
     *
     * @param sources the SSRC/CSRC identifiers leaving (at most 31), each 0..0xFFFFFFFF
     * @param reason the reason for leaving, empty if none (at most 255 bytes in UTF-8)
     * @throws IllegalArgumentException if a field is out of range
     */
    public Goodbye(List<Long> sources, String reason) {
        this(sources, reason.getBytes(StandardCharsets.UTF_8));
    }

    private Goodbye(List<Long> sources, byte[] reason) {
        this.sources = List.copyOf(sources);
        RtcpHeader.checkCount("sources", this.sources.size());
        for (long s : this.sources) {
            ReceptionReport.checkU32("source", s);
        }
        if (reason.length > 255) {
            throw new IllegalArgumentException("BYE reason must be at most 255 bytes");
        }
        this.reason = reason;
    }

    /**
     * The sources leaving.
     *
     * @return the identifiers
     */
    public List<Long> sources() {
        return sources;
    }

    /**
     * The reason, decoded as UTF-8.
     *
     * @return the reason, empty if none
     */
    public String reason() {
        return new String(reason, StandardCharsets.UTF_8);
    }

    @Override
    public int packetType() {
        return TYPE_GOODBYE;
    }

    @Override
    public int encodedSize() {
        int n = RtcpHeader.SIZE + 4 * sources.size();
        if (reason.length > 0) {
            n += (1 + reason.length + 3) & ~3;
        }
        return n;
    }

    @Override
    public void encodeTo(ByteBuf out) {
        int size = encodedSize();
        out.ensureWritable(size);
        int start = out.writerIndex();
        RtcpHeader.write(out, sources.size(), TYPE_GOODBYE, size);
        for (long s : sources) {
            out.writeInt((int) s);
        }
        if (reason.length > 0) {
            out.writeByte(reason.length);
            out.writeBytes(reason);
            out.writeZero(size - (out.writerIndex() - start));
        }
    }

    static Goodbye decode(ByteBuf buf, int pos, int end, int count) throws RtcpDecodeException {
        if (end - pos < 4 * count) {
            throw new RtcpDecodeException("RTCP packet too short: BYE with " + count + " sources needs "
                    + (4 + 4 * count) + " bytes");
        }
        Long[] sources = new Long[count];
        for (int i = 0; i < count; i++) {
            sources[i] = buf.getUnsignedInt(pos);
            pos += 4;
        }
        byte[] reason = new byte[0];
        if (pos < end) {
            int len = buf.getUnsignedByte(pos);
            if (end - pos - 1 < len) {
                throw new RtcpDecodeException("RTCP packet too short: BYE reason announces " + len + " bytes, "
                        + (end - pos - 1) + " left");
            }
            reason = new byte[len];
            buf.getBytes(pos + 1, reason);
        }
        return new Goodbye(List.of(sources), reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Goodbye g && g.sources.equals(sources) && Arrays.equals(g.reason, reason);
    }

    @Override
    public int hashCode() {
        return sources.hashCode() * 31 + Arrays.hashCode(reason);
    }

    @Override
    public String toString() {
        return "Goodbye[sources=" + sources + ", reason=" + reason() + "]";
    }
}
