package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.base.headers.Authorization;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthSenderTest {

    private static final String URL = "rtsp://cam/stream";

    static Stream<Arguments> choices() {
        String md5 = "Digest realm=\"r\", nonce=\"n\", algorithm=\"MD5\"";
        String sha = "Digest realm=\"r\", nonce=\"n\", algorithm=\"SHA-256\"";
        String basic = "Basic realm=\"r\"";
        return Stream.of(
                Arguments.of("basic only", List.of(basic), AuthMethod.BASIC),
                Arguments.of("digest beats basic", List.of(md5, basic), AuthMethod.DIGEST_MD5),
                Arguments.of("sha256 beats md5 wherever it is", List.of(basic, sha, md5), AuthMethod.DIGEST_SHA256),
                Arguments.of("unknown schemes are skipped", List.of("Bearer realm=\"x\"", basic), AuthMethod.BASIC),
                Arguments.of("unparsable challenges are skipped", List.of("Digest realm=\"x", md5),
                        AuthMethod.DIGEST_MD5),
                Arguments.of("MD5-sess is skipped", List.of(basic,
                        "Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess"), AuthMethod.BASIC),
                Arguments.of("qop auth-int only is skipped", List.of(basic,
                        "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""), AuthMethod.BASIC),
                Arguments.of("lowercase algorithm", List.of("Digest realm=\"r\", nonce=\"n\", algorithm=sha-256"),
                        AuthMethod.DIGEST_SHA256));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void picksTheStrongestSupportedChallenge(String name, List<String> challenges, AuthMethod expected)
            throws Exception {
        AuthSender s = AuthSender.create(challenges, "u", "p");
        assertThat(s.method()).isEqualTo(expected);
        assertThat(s.realm()).isEqualTo("r");
        assertThat(s.toString()).doesNotContain("p\"");
    }

    @Test
    void noUsableChallenge() {
        assertThatThrownBy(() -> AuthSender.create(List.of(), "u", "p")).isInstanceOf(AuthChallengeException.class)
                .hasMessage("no WWW-Authenticate challenge");
        assertThatThrownBy(() -> AuthSender.create(List.of("a", "b"), "u", "p"))
                .isInstanceOf(AuthChallengeException.class).hasMessageStartingWith("no usable WWW-Authenticate");
        assertThatThrownBy(() -> AuthSender.create(List.of("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"),
                "u", "p")).isInstanceOf(AuthChallengeException.class).hasMessageContaining("SHA-512-256");
    }

    @Test
    void basicUserCannotContainColon() throws Exception {
        assertThatThrownBy(() -> AuthSender.create(List.of("Basic realm=\"r\""), "a:b", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        // Digest can carry it
        assertThat(AuthSender.create(List.of("Digest realm=\"r\", nonce=\"n\""), "a:b", "p").authorize("OPTIONS", "*"))
                .startsWith("Digest username=\"a:b\"");
    }

    @Test
    void qopAuthCountsAndUsesFreshClientNonces() throws Exception {
        AuthSender s = AuthSender.create(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth,auth-int\", "
                + "opaque=\"op\""), "u", "p", new SecureRandom());
        Authorization first = Authorization.parse(s.authorize("DESCRIBE", URL));
        Authorization second = Authorization.parse(s.authorize("SETUP", URL + "/trackID=0"));
        assertThat(first.qop()).isEqualTo("auth");
        assertThat(first.nc()).isEqualTo("00000001");
        assertThat(second.nc()).isEqualTo("00000002");
        assertThat(first.cnonce()).hasSize(16).isNotEqualTo(second.cnonce());
        assertThat(first.opaque()).isEqualTo("op");
        assertThat(first.algorithm()).isNull();
        assertThat(second.uri()).isEqualTo(URL + "/trackID=0");
        // RFC 2617 §3.2.2 request-digest with qop, checked independently of Digests.response
        String ha1 = Digests.hex(AuthMethod.DIGEST_MD5, "u:r:p");
        String ha2 = Digests.hex(AuthMethod.DIGEST_MD5, "DESCRIBE:" + URL);
        assertThat(first.response()).isEqualTo(Digests.hex(AuthMethod.DIGEST_MD5,
                ha1 + ":n:00000001:" + first.cnonce() + ":auth:" + ha2));
    }

    @Test
    void basicIgnoresMethodAndUrl() throws Exception {
        AuthSender s = AuthSender.create(List.of("Basic realm=\"r\""), "myuser", "my:pass");
        assertThat(s.authorize("DESCRIBE", URL)).isEqualTo(s.authorize("PLAY", "rtsp://other/"))
                .isEqualTo("Basic bXl1c2VyOm15OnBhc3M=");
    }
}
