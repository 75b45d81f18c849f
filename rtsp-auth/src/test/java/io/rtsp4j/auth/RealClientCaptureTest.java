package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What real clients sent, captured on this machine by {@code testdata/auth/capture-auth.py} (commands in
 * {@code testdata/auth/capture-all.sh} and in each file): FFmpeg 5.1 and GStreamer 1.22 (rtspsrc,
 * rtspclientsink), Basic and Digest, with and without qop. Every recorded Authorization must verify with the
 * password the client was given and be refused with another one.
 */
class RealClientCaptureTest {

    static List<Path> captureFiles() {
        try (Stream<Path> s = Files.list(Corpus.testdata("auth"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> captures() {
        List<Arguments> out = new ArrayList<>();
        for (Path p : captureFiles()) {
            out.add(Arguments.of(Named.of(p.getFileName().toString(), Corpus.json(p))));
        }
        return out.stream();
    }

    /** The verifier the capture server stood for: its realm and the methods it challenged with. */
    static AuthVerifier verifierFor(JsonNode capture) {
        List<AuthMethod> methods = new ArrayList<>();
        for (JsonNode c : capture.path("challenges")) {
            String v = c.asText();
            if (v.startsWith("Basic")) {
                methods.add(AuthMethod.BASIC);
            } else if (v.contains("SHA-256")) {
                methods.add(AuthMethod.DIGEST_SHA256);
            } else {
                methods.add(AuthMethod.DIGEST_MD5);
            }
        }
        return AuthVerifier.builder().realm(capture.path("realm").asText()).methods(methods).build();
    }

    static List<JsonNode> authorizedRequests(JsonNode connection) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode req : connection) {
            if (!req.path("authorization").isEmpty()) {
                out.add(req);
            }
        }
        return out;
    }

    static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyRecordedAuthorizationVerifies(JsonNode capture) {
        AuthVerifier verifier = verifierFor(capture);
        String user = capture.path("user").asText();
        String pass = capture.path("pass").asText();
        int authorized = 0;
        for (JsonNode connection : capture.path("connections")) {
            NonceScope scope = NonceScope.fixed(capture.path("nonce").asText());
            for (JsonNode req : connection) {
                String method = req.path("method").asText();
                String url = req.path("url").asText();
                List<String> auth = values(req.path("authorization"));
                AuthResult r = verifier.verify(scope, method, url, auth, user, pass);
                if (auth.isEmpty()) {
                    assertThat(r.status()).isEqualTo(AuthResult.Status.MISSING);
                } else {
                    authorized++;
                    assertThat(r.status()).as("%s %s: %s", method, url, r).isEqualTo(AuthResult.Status.OK);
                    assertThat(r.username()).contains(user);
                }
            }
        }
        if (capture.path("note").asText().contains("gives up")) {
            // FFmpeg facing a SHA-256 challenge after the MD5 one: no credentials at all, and a failure
            assertThat(authorized).isZero();
            assertThat(capture.path("clientExitCode").asInt()).isNotZero();
        } else {
            // DESCRIBE or ANNOUNCE, SETUP, PLAY or RECORD
            assertThat(authorized).isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void wrongPasswordOrUserIsRefused(JsonNode capture) {
        AuthVerifier verifier = verifierFor(capture);
        String user = capture.path("user").asText();
        String pass = capture.path("pass").asText();
        for (JsonNode connection : capture.path("connections")) {
            for (JsonNode req : authorizedRequests(connection)) {
                List<String> auth = values(req.path("authorization"));
                String method = req.path("method").asText();
                String url = req.path("url").asText();
                NonceScope scope = NonceScope.fixed(capture.path("nonce").asText());
                assertThat(verifier.verify(scope, method, url, auth, user, pass + "x").status())
                        .isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
                assertThat(verifier.verify(scope, method, url, auth, user, pass.substring(1)).status())
                        .isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
                assertThat(verifier.verify(scope, method, url, auth, user + "x", pass).status())
                        .isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
            }
        }
    }

    /** The same requests verify against stored HA1 values only (no plain password on the server). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void verifiesAgainstStoredHa1(JsonNode capture) {
        AuthVerifier verifier = verifierFor(capture);
        String user = capture.path("user").asText();
        String pass = capture.path("pass").asText();
        String realm = capture.path("realm").asText();
        StoredCredential ha1Only = StoredCredential
                .ha1(realm, AuthMethod.DIGEST_MD5,
                        StoredCredential.computeHa1(AuthMethod.DIGEST_MD5, user, realm, pass))
                .withHa1(realm, AuthMethod.DIGEST_SHA256,
                        StoredCredential.computeHa1(AuthMethod.DIGEST_SHA256, user, realm, pass));
        StoredCredential wrongHa1 = StoredCredential.ha1(realm, AuthMethod.DIGEST_MD5,
                StoredCredential.computeHa1(AuthMethod.DIGEST_MD5, user, realm, pass + "x"));
        for (JsonNode connection : capture.path("connections")) {
            NonceScope scope = NonceScope.fixed(capture.path("nonce").asText());
            for (JsonNode req : authorizedRequests(connection)) {
                List<String> auth = values(req.path("authorization"));
                String method = req.path("method").asText();
                String url = req.path("url").asText();
                AuthResult wrong = verifier.verify(NonceScope.fixed(capture.path("nonce").asText()), method, url,
                        auth, CredentialLookup.of(java.util.Map.of(user, wrongHa1))).toCompletableFuture().join();
                assertThat(wrong.status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
                AuthResult ok = verifier.verify(scope, method, url, auth,
                        CredentialLookup.of(java.util.Map.of(user, ha1Only))).toCompletableFuture().join();
                assertThat(ok.status()).as(ok.toString()).isEqualTo(AuthResult.Status.OK);
            }
        }
    }

    /** With qop=auth, FFmpeg counts nc up; sending a request again is detected as a replay. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void replayedNonceCountIsRefused(JsonNode capture) {
        if (capture.path("qop").isNull()) {
            return;
        }
        AuthVerifier verifier = verifierFor(capture);
        String user = capture.path("user").asText();
        String pass = capture.path("pass").asText();
        for (JsonNode connection : capture.path("connections")) {
            List<JsonNode> requests = authorizedRequests(connection);
            if (requests.isEmpty()) {
                continue;
            }
            NonceScope scope = NonceScope.fixed(capture.path("nonce").asText());
            boolean counted = false;
            for (JsonNode req : requests) {
                List<String> auth = values(req.path("authorization"));
                counted |= auth.get(0).contains("nc=");
                assertThat(verifier.verify(scope, req.path("method").asText(), req.path("url").asText(), auth, user,
                        pass).status()).isEqualTo(AuthResult.Status.OK);
            }
            JsonNode first = requests.get(0);
            AuthResult replay = verifier.verify(scope, first.path("method").asText(), first.path("url").asText(),
                    values(first.path("authorization")), user, pass);
            if (counted) {
                assertThat(replay.status()).isEqualTo(AuthResult.Status.REPLAYED_NONCE_COUNT);
            } else {
                // GStreamer ignores qop and sends the RFC 2069 form: nothing to count, the nonce alone binds it
                assertThat(replay.status()).isEqualTo(AuthResult.Status.OK);
            }
        }
    }

    /**
     * GStreamer 1.22 answers a {@code stale=true} challenge on a keep-alive by sending the old nonce again: with
     * a verifier that issued the new nonce, its keep-alives stay stale (hence the long default nonce lifetime).
     */
    @Test
    void gstreamerIgnoresStaleOnKeepAlive() {
        JsonNode capture = Corpus.json(Corpus.testdata("auth/gstreamer-1.22-rtspsrc-digest-md5-stale-keepalive.json"));
        List<JsonNode> requests = authorizedRequests(capture.path("connections").get(0));
        JsonNode last = requests.get(requests.size() - 1);
        assertThat(last.path("method").asText()).isEqualTo("GET_PARAMETER");
        assertThat(last.path("authorization").get(0).asText()).contains(capture.path("nonce").asText());
        String newNonce = capture.path("staleChallenges").get(1).asText().replaceAll(".*nonce=\"([^\"]+)\".*", "$1");
        AuthResult r = verifierFor(capture).verify(NonceScope.fixed(newNonce), "GET_PARAMETER",
                last.path("url").asText(), values(last.path("authorization")), capture.path("user").asText(),
                capture.path("pass").asText());
        assertThat(r.status()).isEqualTo(AuthResult.Status.STALE_NONCE);
    }

    /** The captures were made with exactly the challenges this module produces (same nonce). */
    @Test
    void captureServerSentOurWireFormat() {
        JsonNode md5 = Corpus.json(Corpus.testdata("auth/ffmpeg-5.1-play-digest-md5.json"));
        NonceScope scope = NonceScope.fixed(md5.path("nonce").asText());
        assertThat(AuthVerifier.create().challenges(scope, false)).isEqualTo(values(md5.path("challenges")));

        JsonNode shaFirst = Corpus.json(Corpus.testdata("auth/ffmpeg-5.1-play-digest-sha256-first.json"));
        AuthVerifier all = AuthVerifier.builder()
                .methods(AuthMethod.BASIC, AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256).build();
        assertThat(all.challenges(NonceScope.fixed(shaFirst.path("nonce").asText()), false))
                .isEqualTo(values(shaFirst.path("challenges")));
    }

    @Test
    void capturesCoverBothClientsBothMethodsAndBothDirections() {
        List<String> names = captureFiles().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("ffmpeg-5.1-play-basic.json", "ffmpeg-5.1-play-digest-md5.json",
                "ffmpeg-5.1-play-digest-md5-qop.json", "ffmpeg-5.1-record-digest-md5.json",
                "gstreamer-1.22-rtspsrc-basic.json", "gstreamer-1.22-rtspsrc-digest-md5.json",
                "gstreamer-1.22-rtspclientsink-digest-md5.json");
    }
}
