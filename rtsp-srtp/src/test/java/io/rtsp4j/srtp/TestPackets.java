package io.rtsp4j.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Random;

/** Helpers shared by the SRTP tests. */
final class TestPackets {

    private TestPackets() {
    }

    /** A heap buffer holding the bytes, with room for any SRTP/SRTCP overhead. */
    static ByteBuf buffer(byte[] bytes) {
        ByteBuf buf = Unpooled.buffer(bytes.length + SrtpProfile.MAX_RTCP_OVERHEAD);
        buf.writeBytes(bytes);
        return buf;
    }

    /** The readable bytes of a buffer. */
    static byte[] bytes(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    /** An RTP packet: version 2, payload type 96, given sequence number, timestamp and SSRC. */
    static byte[] rtp(int seq, long timestamp, long ssrc, byte[] payload) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        putInt(p, 4, (int) timestamp);
        putInt(p, 8, (int) ssrc);
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }

    /** An RTCP sender report with no report blocks, padded with {@code extra} zero words. */
    static byte[] senderReport(long ssrc, int extraWords) {
        int words = 6 + extraWords;
        byte[] p = new byte[4 * (words + 1)];
        p[0] = (byte) 0x80;
        p[1] = (byte) 200;
        p[2] = (byte) (words >>> 8);
        p[3] = (byte) words;
        putInt(p, 4, (int) ssrc);
        for (int i = 8; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    static byte[] randomPayload(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** A context whose transform uses given session keys (for vectors that give session, not master, keys). */
    static SrtpContext gcmWithSessionKeys(SrtpProfile profile, byte[] key, byte[] salt, boolean encrypt) {
        SessionKeys keys = new SessionKeys(key, salt, new byte[0]);
        return new SrtpContext(profile, new AesGcmTransform(keys, keys, new byte[0], encrypt, encrypt), new byte[0],
                List.of(), SrtpOptions.defaults());
    }

    static SrtpKeyMaterial randomKey(SrtpProfile profile, Random random) {
        byte[] key = new byte[profile.masterKeyLength()];
        byte[] salt = new byte[profile.masterSaltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        return SrtpKeyMaterial.of(profile, key, salt);
    }
}
