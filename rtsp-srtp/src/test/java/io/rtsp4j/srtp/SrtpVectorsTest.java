package io.rtsp4j.srtp;

import static io.rtsp4j.srtp.TestPackets.buffer;
import static io.rtsp4j.srtp.TestPackets.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer tests: RFC 3711 B.2, the libsrtp-made corpus vector, libsrtp's own driver vectors and
 * RFC 7714 §16/§17.
 */
class SrtpVectorsTest {

    private static byte[] hex(JsonNode node, String field) {
        return Hex.decode(node.path(field).asText());
    }

    /** Protects in place and returns the protected bytes; releases the buffer. */
    private static byte[] protectRtp(SrtpContext ctx, byte[] plain) {
        ByteBuf buf = buffer(plain);
        try {
            assertThat(ctx.protectRtp(buf)).isEqualTo(SrtpResult.OK);
            return bytes(buf);
        } finally {
            buf.release();
        }
    }

    private static byte[] unprotectRtp(SrtpContext ctx, byte[] packet) {
        ByteBuf buf = buffer(packet);
        try {
            assertThat(ctx.unprotectRtp(buf)).isEqualTo(SrtpResult.OK);
            return bytes(buf);
        } finally {
            buf.release();
        }
    }

    private static byte[] protectRtcp(SrtpContext ctx, byte[] plain) {
        ByteBuf buf = buffer(plain);
        try {
            assertThat(ctx.protectRtcp(buf)).isEqualTo(SrtpResult.OK);
            return bytes(buf);
        } finally {
            buf.release();
        }
    }

    private static byte[] unprotectRtcp(SrtpContext ctx, byte[] packet) {
        ByteBuf buf = buffer(packet);
        try {
            assertThat(ctx.unprotectRtcp(buf)).isEqualTo(SrtpResult.OK);
            return bytes(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void rfc3711AppendixB2KeyStream() {
        JsonNode v = Corpus.json("srtp/rfc3711-b2-aes-cm.json");
        SessionKeys keys = new SessionKeys(hex(v, "sessionKey"), hex(v, "sessionSalt"), new byte[20]);
        AesCmHmacTransform transform = new AesCmHmacTransform(SrtpProfile.AES_CM_128_HMAC_SHA1_80, keys, keys,
                new byte[0], true, true);
        // SSRC 0, ROC 0, SEQ 0: encrypting zeros yields the key stream from counter block salt||0000 on.
        int blocks = 0x10000 - 0xfe;
        byte[] packet = new byte[12 + blocks * 16 + 10];
        transform.protectRtp(packet, 0, 12, blocks * 16, 0, 0);
        for (JsonNode block : v.path("blocks")) {
            byte[] counter = Hex.decode(block.path("counter").asText());
            int i = ((counter[14] & 0xFF) << 8) | (counter[15] & 0xFF);
            byte[] stream = java.util.Arrays.copyOfRange(packet, 12 + 16 * i, 12 + 16 * i + 16);
            assertThat(Hex.encode(stream)).as("block %04x", i).isEqualTo(block.path("keystream").asText());
        }
    }

    @Test
    void libsrtpMadeCorpusVector() {
        JsonNode v = Corpus.json("srtp/srtp-packet-vectors.json");
        SrtpKeyMaterial key = SrtpKeyMaterial.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, hex(v, "masterKey"),
                hex(v, "masterSalt"));
        SrtpContext sender = SrtpContext.create(key);
        SrtpContext receiver = SrtpContext.create(key);
        for (JsonNode rtp : v.path("rtp")) {
            assertThat(Hex.encode(protectRtp(sender, hex(rtp, "plain")))).isEqualTo(rtp.path("protected").asText());
            assertThat(Hex.encode(unprotectRtp(receiver, hex(rtp, "protected")))).isEqualTo(rtp.path("plain").asText());
        }
        for (JsonNode rtcp : v.path("rtcp")) {
            // libsrtp numbered this first SRTCP packet 1; rtsp4j starts at 0 (RFC 3711 §3.4), so spend index 0.
            assertThat(rtcp.path("srtcpIndex").asInt()).isEqualTo(1);
            protectRtcp(sender, hex(rtcp, "plain"));
            assertThat(Hex.encode(protectRtcp(sender, hex(rtcp, "plain")))).isEqualTo(rtcp.path("protected").asText());
            assertThat(Hex.encode(unprotectRtcp(receiver, hex(rtcp, "protected"))))
                    .isEqualTo(rtcp.path("plain").asText());
        }
    }

    static Stream<Arguments> libsrtpDriverCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Corpus.json(Corpus.testdata("srtp/libsrtp-driver-vectors.json")).path("cases")) {
            out.add(Arguments.of(Named.of("libsrtp srtp_driver " + c.path("name").asText(), c)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("libsrtpDriverCases")
    void libsrtpDriverVector(JsonNode c) {
        SrtpProfile profile = SrtpProfile.valueOf(c.path("profile").asText());
        SrtpKeyMaterial key = SrtpKeyMaterial.of(profile, hex(c, "masterKey"), hex(c, "masterSalt"));
        SrtpContext sender = SrtpContext.create(key);
        SrtpContext receiver = SrtpContext.create(key);
        assertThat(Hex.encode(protectRtp(sender, hex(c, "rtpPlain")))).isEqualTo(c.path("rtpProtected").asText());
        assertThat(Hex.encode(unprotectRtp(receiver, hex(c, "rtpProtected")))).isEqualTo(c.path("rtpPlain").asText());
        protectRtcp(sender, hex(c, "rtcpPlain"));
        assertThat(Hex.encode(protectRtcp(sender, hex(c, "rtcpPlain")))).isEqualTo(c.path("rtcpProtected").asText());
        assertThat(Hex.encode(unprotectRtcp(receiver, hex(c, "rtcpProtected")))).isEqualTo(c.path("rtcpPlain").asText());
    }

    static Stream<Arguments> rfc7714Cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Corpus.json(Corpus.testdata("srtp/rfc7714-aead-gcm.json")).path("cases")) {
            out.add(Arguments.of(Named.of("RFC 7714 " + c.path("name").asText(), c)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("rfc7714Cases")
    void rfc7714Section16Rtp(JsonNode c) {
        SrtpProfile profile = SrtpProfile.valueOf(c.path("profile").asText());
        byte[] key = hex(c, "sessionKey");
        byte[] salt = hex(c, "sessionSalt");
        assertThat(Hex.encode(protectRtp(TestPackets.gcmWithSessionKeys(profile, key, salt, true),
                hex(c, "rtpPlain")))).isEqualTo(c.path("rtpEncrypted").asText());
        assertThat(Hex.encode(unprotectRtp(TestPackets.gcmWithSessionKeys(profile, key, salt, true),
                hex(c, "rtpEncrypted")))).isEqualTo(c.path("rtpPlain").asText());
        assertThat(Hex.encode(protectRtp(TestPackets.gcmWithSessionKeys(profile, key, salt, false),
                hex(c, "rtpPlain")))).isEqualTo(c.path("rtpAuthenticatedOnly").asText());
        assertThat(Hex.encode(unprotectRtp(TestPackets.gcmWithSessionKeys(profile, key, salt, false),
                hex(c, "rtpAuthenticatedOnly")))).isEqualTo(c.path("rtpPlain").asText());
    }

    @ParameterizedTest
    @MethodSource("rfc7714Cases")
    void rfc7714Section17Rtcp(JsonNode c) {
        SrtpProfile profile = SrtpProfile.valueOf(c.path("profile").asText());
        byte[] key = hex(c, "sessionKey");
        byte[] salt = hex(c, "sessionSalt");
        byte[] plain = hex(c, "rtcpPlain");
        long ssrc = 0x4d617273L;
        long index = 0x5d4;

        SrtpContext encrypting = TestPackets.gcmWithSessionKeys(profile, key, salt, true);
        encrypting.setNextSrtcpIndex(ssrc, index);
        assertThat(Hex.encode(protectRtcp(encrypting, plain))).isEqualTo(c.path("rtcpEncrypted").asText());
        assertThat(Hex.encode(unprotectRtcp(TestPackets.gcmWithSessionKeys(profile, key, salt, true),
                hex(c, "rtcpEncrypted")))).isEqualTo(c.path("rtcpPlain").asText());

        SrtpContext authenticating = TestPackets.gcmWithSessionKeys(profile, key, salt, false);
        authenticating.setNextSrtcpIndex(ssrc, index);
        assertThat(Hex.encode(protectRtcp(authenticating, plain))).isEqualTo(c.path("rtcpAuthenticatedOnly").asText());
        // The receiver follows the E flag of the packet, whatever its own setting.
        assertThat(Hex.encode(unprotectRtcp(TestPackets.gcmWithSessionKeys(profile, key, salt, true),
                hex(c, "rtcpAuthenticatedOnly")))).isEqualTo(c.path("rtcpPlain").asText());
    }
}
