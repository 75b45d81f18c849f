package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.headers.KeyMgmt;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpProfile;
import io.rtsp4j.srtp.SrtpStream;
import io.rtsp4j.srtp.mikey.MikeyMessage;
import io.rtsp4j.srtp.mikey.MikeySrtp;
import io.rtsp4j.testing.Corpus;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's SRTP pieces without a network: SETUP key management ({@link SrtpSetup}), the per-media protector
 * ({@link MediaSrtp}) and the DESCRIBE SDP ({@link StreamDescriptions}). Bad input never escapes as anything but a
 * {@link SrtpSetup.KeyManagementException} (answered 463).
 */
class SrtpSetupTest {

    private static final String URL = "rtsps://127.0.0.1:8322/pub/trackID=0";

    private static RtspRequest setup(String keyMgmt) {
        RtspRequest.Builder b = RtspRequest.builder(RtspMethod.SETUP, URL);
        if (keyMgmt != null) {
            b.header(RtspHeaderNames.KEY_MGMT, keyMgmt);
        }
        return b.build();
    }

    private static String header(SrtpKeyMaterial key) {
        MikeyMessage m = MikeySrtp.forSrtp(key, List.of(new SrtpStream(0x1234, 0)), Clock.systemUTC());
        return KeyMgmt.of(KeyMgmt.MIKEY, URL, m.encode()).format();
    }

    @Test
    void clientKeyKeysTheInboundContext() throws Exception {
        SrtpKeyMaterial key = SrtpPeer.newKey();
        SrtpSetup.ClientKey k = SrtpSetup.clientKey(setup(header(key)), true, Clock.systemUTC(), null);
        byte[] rtp = Fixtures.rtp(96, 1, 0, 0x1234, Fixtures.IDR);
        byte[] secure = SrtpPeer.protectRtp(SrtpContext.create(key), rtp);
        assertThat(SrtpPeer.unprotectRtp(k.inbound(), secure)).isEqualTo(rtp);
    }

    @Test
    void readersMayOmitTheirKey() throws Exception {
        assertThat(SrtpSetup.clientKey(setup(null), false, Clock.systemUTC(), null).inbound()).isNull();
        assertThatThrownBy(() -> SrtpSetup.clientKey(setup(null), true, Clock.systemUTC(), null))
                .isInstanceOf(SrtpSetup.KeyManagementException.class)
                .hasMessageContaining("RTP/SAVP needs a KeyMgmt header");
    }

    // RFC 4567 §3.1: a publisher's key may come from the announced SDP, media level first, then session level.
    @Test
    void announcedKeys() throws Exception {
        SrtpKeyMaterial key = SrtpPeer.newKey();
        byte[] mikey = MikeySrtp.forSrtp(key, List.of(), Clock.systemUTC()).encode();
        String attr = "a=key-mgmt:mikey " + Base64.getEncoder().encodeToString(mikey) + "\r\n";
        Session mediaLevel = Session.parse(Fixtures.h264Sdp("trackID=0") + attr);
        Session sessionLevel = Session.parse(Fixtures.h264Sdp("trackID=0").replace("t=0 0\r\n", "t=0 0\r\n" + attr));
        assertThat(SrtpSetup.announcedKey(mediaLevel, 0)).isEqualTo(mikey);
        assertThat(SrtpSetup.announcedKey(sessionLevel, 0)).isEqualTo(mikey);
        assertThat(SrtpSetup.announcedKey(Fixtures.h264(), 0)).isNull();
        assertThat(SrtpSetup.announcedKey(mediaLevel, 3)).isNull();
        SrtpSetup.ClientKey k = SrtpSetup.clientKey(setup(null), true, Clock.systemUTC(),
                SrtpSetup.announcedKey(mediaLevel, 0));
        assertThat(k.inbound()).isNotNull();
    }

    // Every MIKEY message of the corpus, every fuzz input and seeded mutations of a valid header: accepted or a
    // KeyManagementException, nothing else.
    static Stream<Arguments> corpusMikey() {
        return Corpus.fuzzInputs("mikey", "FuzzUnmarshal").stream()
                .map(in -> Arguments.of(in.file(), in.first()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusMikey")
    void fuzzCorpusNeverEscapes(String name, byte[] data) {
        if (data.length == 0) {
            return;
        }
        assertOnlyKeyManagementFailures(KeyMgmt.of(KeyMgmt.MIKEY, URL, data).format());
    }

    static Stream<Arguments> corpusKeyMgmt() {
        return Corpus.fuzzInputs("headers", "FuzzKeyMgmtUnmarshal").stream()
                .map(in -> Arguments.of(in.file(), new String(in.first(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusKeyMgmt")
    void keyMgmtFuzzCorpusNeverEscapes(String name, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return; // not a header value the RTSP decoder would deliver
        }
        assertOnlyKeyManagementFailures(value);
    }

    @Test
    void seededMutationsNeverEscape() {
        Random random = new Random(4567);
        String valid = header(SrtpPeer.newKey());
        byte[] mikey = Base64.getDecoder().decode(valid.substring(valid.indexOf("data=\"") + 6, valid.length() - 1));
        for (int i = 0; i < 1000; i++) {
            byte[] m = Arrays.copyOf(mikey, Math.max(1, mikey.length + random.nextInt(9) - 4));
            for (int j = random.nextInt(4); j >= 0; j--) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            assertOnlyKeyManagementFailures(KeyMgmt.of(KeyMgmt.MIKEY, URL, m).format());
            char[] text = valid.toCharArray();
            text[random.nextInt(text.length)] = (char) (32 + random.nextInt(95));
            assertOnlyKeyManagementFailures(new String(text));
        }
    }

    private static void assertOnlyKeyManagementFailures(String keyMgmt) {
        try {
            SrtpSetup.clientKey(setup(keyMgmt), true, Clock.systemUTC(), null);
        } catch (SrtpSetup.KeyManagementException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    // The protected frame keeps its $ header (length updated) and decrypts to the plain packet; no buffer leaks.
    @Test
    void protectFramedOnce() throws Exception {
        MediaSrtp srtp = new MediaSrtp(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new long[] {0x1234});
        byte[] rtp = Fixtures.rtp(96, 9, 0, 0x1234, Fixtures.IDR);
        ByteBuf framed = Unpooled.directBuffer().writeByte('$').writeByte(4).writeShort(rtp.length).writeBytes(rtp);
        ByteBuf secure = srtp.protectFramed(ByteBufAllocator.DEFAULT, framed, rtp.length);
        try {
            assertThat(secure.getByte(0)).isEqualTo((byte) '$');
            assertThat(secure.getByte(1)).isEqualTo((byte) 4);
            assertThat(secure.getUnsignedShort(2)).isEqualTo(rtp.length + 10);
            assertThat(secure.readableBytes()).isEqualTo(4 + rtp.length + 10);
            byte[] body = new byte[rtp.length + 10];
            secure.getBytes(4, body);
            assertThat(SrtpPeer.unprotectRtp(SrtpContext.create(srtp.key()), body)).isEqualTo(rtp);
            assertThat(framed.getUnsignedShort(2)).as("the plain frame is untouched").isEqualTo(rtp.length);
        } finally {
            secure.release();
            framed.release();
        }
        // The same sequence number again would reuse key stream: refused, nothing returned, nothing leaked.
        ByteBuf again = Unpooled.directBuffer().writeByte('$').writeByte(4).writeShort(rtp.length).writeBytes(rtp);
        try {
            assertThat(srtp.protectFramed(ByteBufAllocator.DEFAULT, again, rtp.length)).isNull();
        } finally {
            again.release();
        }
    }

    // The MIKEY of DESCRIBE/SETUP names the media's SSRCs with their current ROC and a fresh timestamp.
    @Test
    void mikeyAnnouncesSsrcsAndCurrentRoc() throws Exception {
        MediaSrtp srtp = new MediaSrtp(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new long[] {0x1234, 0x5678});
        MikeyMessage m = srtp.mikey(Clock.systemUTC());
        MikeySrtp.validate(m, Clock.systemUTC());
        SrtpKeyMaterial k = MikeySrtp.fromMikey(m);
        assertThat(k.streams()).containsExactly(new SrtpStream(0x1234, 0), new SrtpStream(0x5678, 0));
        assertThat(SrtpPeer.sameKey(k, srtp.key())).isTrue();
    }

    // DESCRIBE: RTP/AVP without keys on the plain port (even for a publisher's SAVP SDP), SAVP with a key per
    // media over TLS.
    @Test
    void describeSdp() {
        String announced = Fixtures.twoMediaSdp().replace("RTP/AVP", "RTP/SAVP") + "a=key-mgmt:mikey "
                + MikeySrtp.forSrtp(SrtpPeer.newKey(), List.of(), Clock.systemUTC()).toBase64() + "\r\n";
        Session s = Session.parse(announced);
        String plain = StreamDescriptions.forDescribe(s, null, false, null);
        assertThat(plain).contains("RTP/AVP 96").contains("RTP/AVP 97").doesNotContain("key-mgmt");
        byte[][] keys = {{1, 2, 3}, {4, 5, 6}};
        String secure = StreamDescriptions.forDescribe(s, null, false, i -> keys[i]);
        assertThat(secure).contains("RTP/SAVP 96").contains("RTP/SAVP 97")
                .contains("a=key-mgmt:mikey AQID").contains("a=key-mgmt:mikey BAUG");
    }
}
