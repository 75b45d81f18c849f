package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared corpus' auth header records (headers/www-authenticate.jsonl, headers/authorization.jsonl, from
 * gortsplib pkg/headers) seen from this module: their parsing is rtsp-base's business and tested there; here
 * the sender must answer each valid challenge with the method it names, and the verifier must give every
 * Authorization record a result (the one whose password is known, gortsplib's 'basic', must pass).
 */
class HeaderRecordsTest {

    static Stream<Arguments> challenges() {
        return named("headers/www-authenticate.jsonl");
    }

    static Stream<Arguments> authorizations() {
        return named("headers/authorization.jsonl");
    }

    private static Stream<Arguments> named(String file) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode r : Corpus.jsonLines(file)) {
            out.add(Arguments.of(Named.of(r.path("name").asText(), r)));
        }
        return out.stream();
    }

    private static List<String> inputs(JsonNode r) {
        List<String> out = new ArrayList<>();
        if (r.has("inputValues")) {
            r.path("inputValues").forEach(v -> out.add(v.asText()));
        } else {
            out.add(r.path("input").asText());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void senderAnswersChallenge(JsonNode r) throws Exception {
        if (!r.path("valid").asBoolean()) {
            assertThatThrownBy(() -> AuthSender.create(inputs(r), "u", "p")).isInstanceOf(AuthChallengeException.class);
            return;
        }
        AuthSender s = AuthSender.create(inputs(r), "u", "p");
        JsonNode e = r.path("expected");
        AuthMethod expected = e.path("method").asText().equals("Basic") ? AuthMethod.BASIC
                : e.path("algorithm").asText("MD5").equals("SHA-256") ? AuthMethod.DIGEST_SHA256
                : AuthMethod.DIGEST_MD5;
        assertThat(s.method()).isEqualTo(expected);
        assertThat(s.realm()).isEqualTo(e.path("realm").asText());
        String answer = s.authorize("DESCRIBE", "rtsp://h/p");
        if (expected.isDigest()) {
            assertThat(answer).contains("nonce=\"" + e.path("nonce").asText() + "\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizations")
    void verifierHandlesAuthorization(JsonNode r) {
        AuthVerifier v = AuthVerifier.builder().methods(AuthMethod.BASIC, AuthMethod.DIGEST_MD5,
                AuthMethod.DIGEST_SHA256).build();
        JsonNode e = r.path("expected");
        String realm = e.path("realm").asText("");
        if (!realm.isEmpty()) {
            v = AuthVerifier.builder().realm(realm).methods(v.methods()).build();
        }
        String nonce = e.path("nonce").asText();
        NonceScope scope = NonceScope.fixed(nonce.isEmpty() ? "n" : nonce);
        AuthResult result = v.verify(scope, "DESCRIBE", e.path("uri").asText("rtsp://h/"), inputs(r), "myuser",
                "mypass");
        if (r.path("name").asText().equals("basic")) {
            assertThat(result.status()).isEqualTo(AuthResult.Status.OK);
        } else if (!r.path("valid").asBoolean()) {
            assertThat(result.status()).isIn(AuthResult.Status.MISSING, AuthResult.Status.MALFORMED);
        } else {
            // the passwords of the camera captures are unknown: well-formed, but not ours
            assertThat(result.status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
            assertThat(result.username()).contains(e.path("username").asText());
        }
    }
}
