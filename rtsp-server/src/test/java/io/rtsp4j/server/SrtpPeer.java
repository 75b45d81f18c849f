package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rtsp4j.base.headers.KeyMgmt;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpProfile;
import io.rtsp4j.srtp.SrtpResult;
import io.rtsp4j.srtp.SrtpStream;
import io.rtsp4j.srtp.mikey.MikeyException;
import io.rtsp4j.srtp.mikey.MikeyMessage;
import io.rtsp4j.srtp.mikey.MikeySrtp;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The client side of SRTP in tests: keys from the server's {@code a=key-mgmt} and {@code KeyMgmt}, the client's
 * own key for its {@code KeyMgmt}, and byte-array protect/unprotect on rtsp-srtp contexts.
 */
final class SrtpPeer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SrtpPeer() {
    }

    /** A fresh client key. */
    static SrtpKeyMaterial newKey() {
        return SrtpKeyMaterial.generate(SrtpProfile.AES_CM_128_HMAC_SHA1_80, RANDOM);
    }

    /** {@code KeyMgmt: prot=mikey;uri="...";data="..."} announcing {@code key} for {@code ssrc}. */
    static String keyMgmtHeader(SrtpKeyMaterial key, long ssrc, String url) {
        return keyMgmtHeader(MikeySrtp.forSrtp(key, List.of(new SrtpStream(ssrc, 0)), Clock.systemUTC()), url);
    }

    static String keyMgmtHeader(MikeyMessage mikey, String url) {
        return "KeyMgmt: " + KeyMgmt.of(KeyMgmt.MIKEY, url, mikey.encode()).format();
    }

    /** The key of a {@code KeyMgmt} header value. */
    static SrtpKeyMaterial keyOfHeader(String value) throws Exception {
        KeyMgmt k = KeyMgmt.parse(value);
        MikeyMessage m = MikeyMessage.decode(k.data());
        MikeySrtp.validate(m, Clock.systemUTC());
        return MikeySrtp.fromMikey(m);
    }

    /** The keys of the {@code a=key-mgmt:mikey} lines of an SDP, in media order. */
    static List<SrtpKeyMaterial> keysOfSdp(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("a=key-mgmt:")).map(l -> {
            try {
                MikeyMessage m = MikeyMessage.fromKeyMgmtAttribute(l.substring("a=key-mgmt:".length()));
                MikeySrtp.validate(m, Clock.systemUTC());
                return MikeySrtp.fromMikey(m);
            } catch (MikeyException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** Whether two key materials hold the same master key and salt. */
    static boolean sameKey(SrtpKeyMaterial a, SrtpKeyMaterial b) {
        return Arrays.equals(a.keyAndSalt(), b.keyAndSalt());
    }

    static byte[] protectRtp(SrtpContext ctx, byte[] plain) {
        return apply(plain, ctx.rtpOverhead(), ctx::protectRtp);
    }

    static byte[] protectRtcp(SrtpContext ctx, byte[] plain) {
        return apply(plain, ctx.rtcpOverhead(), ctx::protectRtcp);
    }

    static byte[] unprotectRtp(SrtpContext ctx, byte[] secure) {
        return apply(secure, 0, ctx::unprotectRtp);
    }

    static byte[] unprotectRtcp(SrtpContext ctx, byte[] secure) {
        return apply(secure, 0, ctx::unprotectRtcp);
    }

    private static byte[] apply(byte[] in, int room, java.util.function.Function<ByteBuf, SrtpResult> op) {
        ByteBuf buf = Unpooled.buffer(in.length + room).writeBytes(in);
        try {
            SrtpResult r = op.apply(buf);
            if (!r.isOk()) {
                throw new AssertionError("SRTP operation failed: " + r);
            }
            byte[] out = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), out);
            return out;
        } finally {
            buf.release();
        }
    }
}
