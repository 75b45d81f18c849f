package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The digest {@code uri} forms real clients send, as whole verifications. User myuser, password mypass, realm
 * myrealm, nonce f49ac6dd0ba708d4becddc9692d1f2ce as in gortsplib pkg/auth/verify_test.go; responses computed
 * with Python hashlib as {@code md5(md5(user:realm:pass):nonce:md5(METHOD:uri))}.
 */
class ClientUriQuirksTest {

    private static final String NONCE = "f49ac6dd0ba708d4becddc9692d1f2ce";
    private static final String TRACK = "rtsp://myhost/mypath?key=val/trackID=3";

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, method, request URL, digest uri, response, expected
                Arguments.of("digest happytime (gortsplib verify_test.go): base URL without slash on SETUP",
                        "SETUP", TRACK, "rtsp://myhost/mypath?key=val", "c11a6e92b449f221dabf494a7a837ee3",
                        AuthResult.Status.OK),
                Arguments.of("digest vlc (gortsplib verify_test.go): base URL with slash on SETUP",
                        "SETUP", TRACK, "rtsp://myhost/mypath?key=val/", "5ca5ceeca20a05e9a3f49ecde4b42655",
                        AuthResult.Status.OK),
                Arguments.of("Bosch BVMS (gortsplib#1118): relative uri on SETUP", "SETUP", TRACK,
                        "/mypath?key=val/trackID=3", "d78ea008e655a7218f0c7e53db6115a5", AuthResult.Status.OK),
                Arguments.of("Bosch BVMS (gortsplib#1118): relative uri on DESCRIBE", "DESCRIBE",
                        "rtsp://myhost/mypath?key=val", "/mypath?key=val", "080d222917ff1bf24350bb285bf2828a",
                        AuthResult.Status.OK),
                Arguments.of("base URL is accepted on SETUP only", "PLAY", TRACK, "rtsp://myhost/mypath?key=val/",
                        "828ea13af869116dc3c570e563d83cd9", AuthResult.Status.URI_MISMATCH),
                Arguments.of("host root is not a stream base", "SETUP", TRACK, "rtsp://myhost/",
                        "09b08ece08f967f132a2fd2597ba5ef4", AuthResult.Status.URI_MISMATCH),
                Arguments.of("another track", "SETUP", TRACK, "rtsp://myhost/mypath?key=val/trackID=4",
                        "7067779e2137471d74bb045e78ef5758", AuthResult.Status.URI_MISMATCH),
                Arguments.of("relative base URL is no known client form", "SETUP", TRACK, "/mypath?key=val/",
                        "bd06a80ca4d1fc6a57242e72fe04f896", AuthResult.Status.URI_MISMATCH),
                Arguments.of("another host", "SETUP", TRACK, "rtsp://otherhost/mypath?key=val/trackID=3",
                        "a3564995ac7ac95b4690286e58298d17", AuthResult.Status.URI_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void digestUri(String name, String method, String url, String uri, String response, AuthResult.Status expected) {
        String header = "Digest username=\"myuser\", realm=\"myrealm\", nonce=\"" + NONCE + "\", uri=\"" + uri
                + "\", response=\"" + response + "\"";
        AuthResult r = AuthVerifier.builder().realm("myrealm").build()
                .verify(NonceScope.fixed(NONCE), method, url, List.of(header), "myuser", "mypass");
        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
    }

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("same URL", "rtsp://h/p", "rtsp://h/p", false, true),
                Arguments.of("OPTIONS *", "*", "*", false, true),
                Arguments.of("relative path", "rtsp://h:8554/p/q?x=1", "/p/q?x=1", false, true),
                Arguments.of("relative of a URL without path", "rtsp://h", "/", false, false),
                Arguments.of("FFmpeg streamid control, base with slash", "rtsp://h/p/streamid=0", "rtsp://h/p/", true,
                        true),
                Arguments.of("GStreamer stream control, base without slash", "rtsp://h/p/stream=1", "rtsp://h/p",
                        true, true),
                Arguments.of("live555 track control", "rtsp://h/p/track2", "rtsp://h/p/", true, true),
                Arguments.of("not a control segment", "rtsp://h/p/video", "rtsp://h/p/", true, false),
                Arguments.of("control without digits", "rtsp://h/p/trackID=", "rtsp://h/p/", true, false),
                Arguments.of("base not on SETUP", "rtsp://h/p/trackID=0", "rtsp://h/p/", false, false),
                Arguments.of("prefix is not enough", "rtsp://h/p/trackID=0", "rtsp://h/", true, false),
                Arguments.of("case matters", "rtsp://h/P", "rtsp://h/p", false, false),
                Arguments.of("empty digest uri", "rtsp://h/p", "", true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matches")
    void uriMatching(String name, String requestUri, String digestUri, boolean setup, boolean expected) {
        assertThat(DigestUris.matches(requestUri, digestUri, setup)).isEqualTo(expected);
    }
}
