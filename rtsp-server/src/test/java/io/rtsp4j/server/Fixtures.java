package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPackets;
import io.rtsp4j.sdp.description.Session;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Descriptions, packets and byte helpers shared by the server tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** SPS/PPS of a 1920x1080 H264 stream (gortsplib's test media). */
    static final String H264_FMTP = "packetization-mode=1; profile-level-id=4D002A; "
            + "sprop-parameter-sets=Z00AKp2oHgCJ+WbgICAgQA==,aO48gA==";

    /** One H264 media, PT 96, with the given control (or none when {@code null}). */
    static String h264Sdp(String control) {
        return "v=0\r\n"
                + "o=- 0 0 IN IP4 127.0.0.1\r\n"
                + "s=Stream\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "t=0 0\r\n"
                + "m=video 0 RTP/AVP 96\r\n"
                + (control == null ? "" : "a=control:" + control + "\r\n")
                + "a=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 " + H264_FMTP + "\r\n";
    }

    /** An H264 media (PT 96) and a private application media (PT 97, 90 kHz), controls trackID=0 and 1. */
    static String twoMediaSdp() {
        return twoMediaSdp("trackID=0", "trackID=1");
    }

    static String twoMediaSdp(String control0, String control1) {
        return h264Sdp(control0)
                + "m=application 0 RTP/AVP 97\r\n"
                + "a=control:" + control1 + "\r\n"
                + "a=rtpmap:97 private/90000\r\n";
    }

    static Session h264() {
        return Session.parse(h264Sdp("trackID=0"));
    }

    static Session twoMedias() {
        return Session.parse(twoMediaSdp());
    }

    /** An H264 IDR slice (random access: the stream sends its first sender report after it). */
    static final byte[] IDR = {0x65, 0x01, 0x02, 0x03, 0x04};
    /** An H264 non-IDR slice. */
    static final byte[] NON_IDR = {0x41, 0x05, 0x06, 0x07};

    /** An RTP packet (the caller releases it). */
    static RtpPacket packet(int payloadType, int seq, long timestamp, long ssrc, byte[] payload) {
        return RtpPacket.builder()
                .payloadType(payloadType)
                .sequenceNumber(seq)
                .timestamp(timestamp)
                .ssrc(ssrc)
                .marker(true)
                .payload(Unpooled.wrappedBuffer(payload.clone()))
                .build();
    }

    /** The encoded bytes of an RTP packet. */
    static byte[] rtp(int payloadType, int seq, long timestamp, long ssrc, byte[] payload) {
        RtpPacket p = packet(payloadType, seq, timestamp, ssrc, payload);
        try {
            return p.encodeToBytes();
        } finally {
            p.release();
        }
    }

    /** Decodes RTP bytes (the caller releases the packet). */
    static RtpPacket decodeRtp(byte[] bytes) {
        try {
            return RtpPacket.decode(Unpooled.wrappedBuffer(bytes));
        } catch (Exception e) {
            throw new AssertionError("not an RTP packet: " + e, e);
        }
    }

    /** The encoded bytes of an RTCP compound packet. */
    static byte[] rtcp(RtcpPacket... packets) {
        ByteBuf b = Unpooled.buffer();
        RtcpPackets.encodeCompound(List.of(packets), b);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }

    /** Decodes an RTCP compound packet. */
    static List<RtcpPacket> decodeRtcp(byte[] bytes) {
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        try {
            return RtcpPackets.decodeCompound(b);
        } catch (Exception e) {
            throw new AssertionError("not RTCP: " + e, e);
        } finally {
            b.release();
        }
    }

    /** The payload type of RTP bytes. */
    static int payloadType(byte[] rtp) {
        return rtp[1] & 0x7f;
    }

    /** The sequence number of RTP bytes. */
    /** Sequence numbers of the RTP frames (channel 0) a TCP reader receives, until {@code count} or a timeout. */
    static List<Integer> readRtp(RtspTestClient c, int count) throws IOException {
        List<Integer> got = new ArrayList<>();
        try {
            while (got.size() < count) {
                RtspTestClient.Frame f = c.readFrame();
                if (f.channel() == 0) {
                    got.add(sequenceNumber(f.payload()));
                }
            }
        } catch (SocketTimeoutException e) {
            // the caller's assertion shows what arrived
        }
        return got;
    }

    /** {@code from, from + 1, ..., to - 1}. */
    static List<Integer> range(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add(i);
        }
        return l;
    }

    static int sequenceNumber(byte[] rtp) {
        return ((rtp[2] & 0xff) << 8) | (rtp[3] & 0xff);
    }

    /** The SSRC of RTP bytes. */
    static long ssrc(byte[] rtp) {
        return ByteBuffer.wrap(rtp, 8, 4).getInt() & 0xffffffffL;
    }

    /** The RTCP packet type of the first packet of a compound. */
    static int rtcpType(byte[] rtcp) {
        return rtcp[1] & 0xff;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
