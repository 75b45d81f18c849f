package io.rtsp4j.examples.bench;

import io.netty.buffer.ByteBuf;
import java.util.Base64;

/**
 * The RTP payload of a bench packet: one H264 NAL unit that carries the bench run id, the packet's sequence
 * number and its send time.
 *
 * <pre>
 * [0]       NAL header: 0x65 (IDR slice, nal_ref_idc 3) for key frames, 0x41 (non-IDR slice) otherwise
 * [1..3]    'R' '4' 'J'
 * [4..8]    run id, 32 bits in 7-bit groups
 * [9..17]   sequence number, 63 bits in 7-bit groups
 * [18..26]  send time (ns since the bench epoch), 63 bits in 7-bit groups
 * [27..n-2] filler 0xAA
 * [n-1]     0x80 (rbsp_stop_one_bit)
 * </pre>
 *
 * <p>Every number is written in 7-bit groups with the top bit set, so no byte after the NAL header is zero: the
 * unit never contains a start-code prefix ({@code 00 00 01}) and needs no emulation prevention, whatever a relay
 * does with it (forward, re-packetize, record to Annex B).
 *
 * <p>A relay may forward the unit as it is, fragment it (FU-A, the marker is then in the first fragment) or
 * aggregate it (STAP-A, first unit): {@link #locate} finds the marker in all three.
 */
final class BenchPayload {

    /** The smallest payload that holds every field and the stop bit. */
    static final int MIN_SIZE = 28;
    static final int NAL_IDR = 0x65;
    static final int NAL_NON_IDR = 0x41;
    static final int PAYLOAD_TYPE = 96;
    static final int CLOCK_RATE = 90_000;

    private static final int MAGIC_OFFSET = 1;
    private static final int RUN_OFFSET = 4;
    private static final int SEQ_OFFSET = 9;
    private static final int TIME_OFFSET = 18;
    private static final int FIELDS_END = 27;
    private static final byte FILLER = (byte) 0xAA;

    /**
     * SPS and PPS announced in {@code sprop-parameter-sets}: High profile, level 4.0, 1920x1080; the pair of the
     * {@code session-one-format-for-each-media} SDP of the shared corpus (gortsplib test vectors).
     */
    static final byte[] SPS = Base64.getDecoder().decode("Z2QAKKy0A8ARPyo=");
    static final byte[] PPS = Base64.getDecoder().decode("aO4Bniw=");

    private BenchPayload() {
    }

    /**
     * Writes one payload of {@code size} bytes at the writer index.
     *
     * @param out the buffer (does not take ownership)
     * @param size payload size, at least {@link #MIN_SIZE}
     * @param keyFrame whether the unit is an IDR slice
     * @param runId the bench run id
     * @param seq the packet's sequence number, {@code >= 0}
     * @param sendNanos the send time in ns since the bench epoch, {@code >= 0}
     */
    static void write(ByteBuf out, int size, boolean keyFrame, int runId, long seq, long sendNanos) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("payload of " + size + " bytes is below the minimum " + MIN_SIZE);
        }
        out.ensureWritable(size);
        int start = out.writerIndex();
        out.writeByte(keyFrame ? NAL_IDR : NAL_NON_IDR);
        out.writeByte('R').writeByte('4').writeByte('J');
        writeGroups(out, runId & 0xFFFF_FFFFL, 5);
        writeGroups(out, seq, 9);
        writeGroups(out, sendNanos, 9);
        int filler = size - FIELDS_END - 1;
        for (int i = 0; i < filler; i++) {
            out.writeByte(FILLER);
        }
        out.writeByte(0x80);
        assert out.writerIndex() - start == size;
    }

    /** Writes the low {@code 7 * groups} bits of {@code v}, most significant group first, each with the top bit set. */
    private static void writeGroups(ByteBuf out, long v, int groups) {
        for (int g = groups - 1; g >= 0; g--) {
            out.writeByte(0x80 | (int) ((v >>> (7 * g)) & 0x7F));
        }
    }

    /**
     * Finds the fields of a bench payload in an RTP payload.
     *
     * @param buf the buffer (not modified, not retained)
     * @param offset absolute index of the RTP payload
     * @param length RTP payload length
     * @param runId the expected run id
     * @return the absolute index of the NAL header equivalent (fields are read relative to it), or -1 when the
     *     payload is not a unit of this run (another stream, a later FU-A fragment, a parameter set)
     */
    static int locate(ByteBuf buf, int offset, int length, int runId) {
        if (length < 1) {
            return -1;
        }
        int type = buf.getByte(offset) & 0x1F;
        int base;
        if (type == 1 || type == 5) {
            base = offset;
        } else if (type == 28) {
            // FU-A: indicator, FU header (start bit 0x80), then the unit without its NAL header
            if (length < 2 || (buf.getByte(offset + 1) & 0x80) == 0) {
                return -1;
            }
            base = offset + 1;
            length -= 1;
        } else if (type == 24) {
            // STAP-A: header, then 16-bit size + unit; the bench unit is the first one
            if (length < 4) {
                return -1;
            }
            int first = buf.getUnsignedShort(offset + 1);
            base = offset + 3;
            length = Math.min(length - 3, first);
            int inner = length < 1 ? 0 : buf.getByte(base) & 0x1F;
            if (inner != 1 && inner != 5) {
                return -1;
            }
        } else {
            return -1;
        }
        if (length < FIELDS_END || buf.getByte(base + MAGIC_OFFSET) != 'R' || buf.getByte(base + MAGIC_OFFSET + 1) != '4'
                || buf.getByte(base + MAGIC_OFFSET + 2) != 'J') {
            return -1;
        }
        long run = readGroups(buf, base + RUN_OFFSET, 5);
        return run == (runId & 0xFFFF_FFFFL) ? base : -1;
    }

    /**
     * The sequence number of a located payload.
     *
     * @param buf the buffer
     * @param base the index returned by {@link #locate}
     * @return the sequence number, or -1 if a group lacks its top bit (corrupted)
     */
    static long sequence(ByteBuf buf, int base) {
        return readGroups(buf, base + SEQ_OFFSET, 9);
    }

    /**
     * The send time of a located payload.
     *
     * @param buf the buffer
     * @param base the index returned by {@link #locate}
     * @return ns since the bench epoch, or -1 if corrupted
     */
    static long sendNanos(ByteBuf buf, int base) {
        return readGroups(buf, base + TIME_OFFSET, 9);
    }

    private static long readGroups(ByteBuf buf, int index, int groups) {
        long v = 0;
        for (int g = 0; g < groups; g++) {
            int b = buf.getByte(index + g);
            if ((b & 0x80) == 0) {
                return -1;
            }
            v = (v << 7) | (b & 0x7F);
        }
        return v;
    }

    /**
     * The SDP announced by the publisher: one H264 video media with SPS/PPS.
     *
     * @param host the server host, for the origin line
     * @return the SDP text
     */
    static String sdp(String host) {
        Base64.Encoder b64 = Base64.getEncoder();
        String profileLevel = String.format("%02X%02X%02X", SPS[1] & 0xFF, SPS[2] & 0xFF, SPS[3] & 0xFF);
        String ip = host.contains(":") ? "IP6" : "IP4";
        return "v=0\r\n"
                + "o=- 0 0 IN " + ip + " " + host + "\r\n"
                + "s=rtsp4j bench\r\n"
                + "c=IN " + ip + " " + (ip.equals("IP6") ? "::" : "0.0.0.0") + "\r\n"
                + "t=0 0\r\n"
                + "m=video 0 RTP/AVP " + PAYLOAD_TYPE + "\r\n"
                + "a=rtpmap:" + PAYLOAD_TYPE + " H264/" + CLOCK_RATE + "\r\n"
                + "a=fmtp:" + PAYLOAD_TYPE + " packetization-mode=1; profile-level-id=" + profileLevel
                + "; sprop-parameter-sets=" + b64.encodeToString(SPS) + "," + b64.encodeToString(PPS) + "\r\n"
                + "a=control:trackID=0\r\n";
    }
}
