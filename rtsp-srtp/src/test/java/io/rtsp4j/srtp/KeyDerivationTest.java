package io.rtsp4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import org.junit.jupiter.api.Test;

/** RFC 3711 §4.3 key derivation against RFC 3711 B.3, RFC 6188 §7.1 and the libsrtp-made corpus vector. */
class KeyDerivationTest {

    private static byte[] hex(JsonNode node, String field) {
        return Hex.decode(node.path(field).asText());
    }

    @Test
    void rfc3711AppendixB3() {
        JsonNode v = Corpus.json("srtp/rfc3711-b3-key-derivation.json");
        byte[] key = hex(v, "masterKey");
        byte[] salt = hex(v, "masterSalt");
        assertThat(Hex.encode(KeyDerivation.derive(key, salt, 0, 16)))
                .isEqualTo(v.path("encryption").path("sessionKey").asText());
        assertThat(Hex.encode(KeyDerivation.derive(key, salt, 2, 14)))
                .isEqualTo(v.path("salt").path("sessionSalt").asText());
        // The RFC prints 94 bytes of authentication key stream; HMAC-SHA1 uses the first 20.
        assertThat(Hex.encode(KeyDerivation.derive(key, salt, 1, 94)))
                .isEqualTo(v.path("authentication").path("sessionKey94").asText());
        assertThat(Hex.encode(KeyDerivation.derive(key, salt, 1, 20)))
                .isEqualTo(v.path("authentication").path("sessionKeyHmacSha1").asText());
    }

    @Test
    void rfc6188Section71Aes256() {
        JsonNode v = Corpus.json(Corpus.testdata("srtp/rfc6188-aes256-key-derivation.json"));
        SessionKeys keys = new SessionKeys(
                KeyDerivation.derive(hex(v, "masterKey"), hex(v, "masterSalt"), 0, 32),
                KeyDerivation.derive(hex(v, "masterKey"), hex(v, "masterSalt"), 2, 14),
                KeyDerivation.derive(hex(v, "masterKey"), hex(v, "masterSalt"), 1, 20));
        assertThat(Hex.encode(keys.encryptionKey())).isEqualTo(v.path("srtpEncryptionKey").asText());
        assertThat(Hex.encode(keys.salt())).isEqualTo(v.path("srtpSalt").asText());
        assertThat(Hex.encode(keys.authenticationKey())).isEqualTo(v.path("srtpAuthenticationKey").asText());
    }

    @Test
    void libsrtpMadeCorpusVectorDerivedKeys() {
        JsonNode v = Corpus.json("srtp/srtp-packet-vectors.json");
        JsonNode expected = v.path("derivedKeys");
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        SessionKeys rtp = SessionKeys.derive(profile, hex(v, "masterKey"), hex(v, "masterSalt"), false);
        SessionKeys rtcp = SessionKeys.derive(profile, hex(v, "masterKey"), hex(v, "masterSalt"), true);
        assertThat(Hex.encode(rtp.encryptionKey())).isEqualTo(expected.path("srtpEncryptionKey").asText());
        assertThat(Hex.encode(rtp.authenticationKey())).isEqualTo(expected.path("srtpAuthenticationKey").asText());
        assertThat(Hex.encode(rtp.salt())).isEqualTo(expected.path("srtpSalt").asText());
        assertThat(Hex.encode(rtcp.encryptionKey())).isEqualTo(expected.path("srtcpEncryptionKey").asText());
        assertThat(Hex.encode(rtcp.authenticationKey())).isEqualTo(expected.path("srtcpAuthenticationKey").asText());
        assertThat(Hex.encode(rtcp.salt())).isEqualTo(expected.path("srtcpSalt").asText());
    }

    @Test
    void gcmTwelveByteSaltIsPaddedOnTheRight() {
        // libsrtp's GCM vector (see libsrtp-driver-vectors.json) only matches with the 12-byte salt in the
        // leading bytes of the 14-byte field; the session salt is then 12 bytes of key stream.
        byte[] key = Hex.decode("000102030405060708090a0b0c0d0e0f");
        byte[] salt12 = Hex.decode("a0a1a2a3a4a5a6a7a8a9aaab");
        byte[] salt14 = Hex.decode("a0a1a2a3a4a5a6a7a8a9aaab0000");
        assertThat(KeyDerivation.derive(key, salt12, 2, 12)).isEqualTo(KeyDerivation.derive(key, salt14, 2, 12));
    }
}
