package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record of the shared corpus folder {@code auth/}: verify.jsonl (gortsplib pkg/auth verify cases and
 * the derived negatives), sender.jsonl (gortsplib pkg/auth sender cases) and rfc-vectors.jsonl (RFC 2617
 * §3.5, RFC 7616 §3.9.1). Each test is named after the record's {@code name}; its {@code source} is in the
 * record.
 */
class AuthCorpusTest {

    static Stream<Arguments> verifyRecords() {
        return named("auth/verify.jsonl");
    }

    static Stream<Arguments> senderRecords() {
        return named("auth/sender.jsonl");
    }

    static Stream<Arguments> rfcVectors() {
        return named("auth/rfc-vectors.jsonl");
    }

    private static Stream<Arguments> named(String file) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode r : Corpus.jsonLines(file)) {
            out.add(Arguments.of(Named.of(r.path("name").asText(), r)));
        }
        assertThat(out).isNotEmpty();
        return out.stream();
    }

    static AuthMethod method(String corpusName) {
        switch (corpusName) {
            case "basic":
                return AuthMethod.BASIC;
            case "digest-md5":
                return AuthMethod.DIGEST_MD5;
            case "digest-sha256":
                return AuthMethod.DIGEST_SHA256;
            default:
                throw new IllegalArgumentException(corpusName);
        }
    }

    static AuthVerifier verifierFor(JsonNode r) {
        List<AuthMethod> methods = new ArrayList<>();
        r.path("acceptedMethods").forEach(m -> methods.add(method(m.asText())));
        return AuthVerifier.builder().realm(r.path("realm").asText()).methods(methods).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifyRecords")
    void verify(JsonNode r) {
        AuthVerifier verifier = verifierFor(r);
        NonceScope scope = NonceScope.fixed(r.path("nonce").asText());
        AuthResult result = verifier.verify(scope, r.path("method").asText(), r.path("url").asText(),
                List.of(r.path("authorization").asText()), r.path("user").asText(), r.path("pass").asText());
        assertThat(result.isOk()).as("%s (%s)", result, r.path("source").asText())
                .isEqualTo(r.path("valid").asBoolean());
        if (!result.isOk()) {
            // a refused request must never be confused with "no credentials": nothing here asks for a challenge
            // except a method the verifier does not accept or a nonce it did not issue
            assertThat(result.status()).isIn(AuthResult.Status.WRONG_CREDENTIALS, AuthResult.Status.URI_MISMATCH,
                    AuthResult.Status.METHOD_NOT_ALLOWED, AuthResult.Status.STALE_NONCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifyRecords")
    void verifyAsyncWithLookupAgrees(JsonNode r) {
        AuthVerifier verifier = verifierFor(r);
        NonceScope scope = NonceScope.fixed(r.path("nonce").asText());
        AuthResult result = verifier.verify(scope, r.path("method").asText(), r.path("url").asText(),
                List.of(r.path("authorization").asText()),
                CredentialLookup.single(r.path("user").asText(), r.path("pass").asText()))
                .toCompletableFuture().join();
        assertThat(result.isOk()).as(result.toString()).isEqualTo(r.path("valid").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("senderRecords")
    void sender(JsonNode r) throws Exception {
        List<String> challenges = new ArrayList<>();
        r.path("wwwAuthenticate").forEach(c -> challenges.add(c.asText()));
        AuthSender sender = AuthSender.create(challenges, r.path("user").asText(), r.path("pass").asText(),
                new SecureRandom());
        List<String> produced = List.of(sender.authorize(r.path("method").asText(), r.path("url").asText()));
        List<String> expected = new ArrayList<>();
        r.path("expectedAuthorization").forEach(e -> expected.add(e.asText()));
        assertThat(produced).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfcVectors")
    void rfcVector(JsonNode r) {
        AuthMethod m = AuthMethod.ofDigestAlgorithm(r.path("algorithm").asText());
        String ha1 = Digests.ha1(m, r.path("username").asText(), r.path("realm").asText(),
                r.path("password").asText());
        String ha2 = Digests.ha2(m, r.path("method").asText(), r.path("uri").asText());
        assertThat(ha1).isEqualTo(r.path("ha1").asText());
        assertThat(ha2).isEqualTo(r.path("ha2").asText());
        assertThat(Digests.response(m, ha1, r.path("nonce").asText(), r.path("qop").asText(),
                r.path("nc").asText(), r.path("cnonce").asText(), ha2)).isEqualTo(r.path("response").asText());
        assertThat(StoredCredential.computeHa1(m, r.path("username").asText(), r.path("realm").asText(),
                r.path("password").asText())).isEqualTo(ha1);
    }

    /** The RFC examples as whole Authorization headers through the verifier (qop=auth, nc, cnonce, opaque). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rfcVectors")
    void rfcVectorThroughVerifier(JsonNode r) {
        AuthMethod m = AuthMethod.ofDigestAlgorithm(r.path("algorithm").asText());
        String header = "Digest username=\"" + r.path("username").asText() + "\", realm=\""
                + r.path("realm").asText() + "\", nonce=\"" + r.path("nonce").asText() + "\", uri=\""
                + r.path("uri").asText() + "\", algorithm=" + r.path("algorithm").asText() + ", qop="
                + r.path("qop").asText() + ", nc=" + r.path("nc").asText() + ", cnonce=\""
                + r.path("cnonce").asText() + "\", response=\"" + r.path("response").asText() + "\", opaque=\""
                + r.path("opaque").asText() + "\"";
        AuthVerifier verifier = AuthVerifier.builder().realm(r.path("realm").asText())
                .methods(AuthMethod.DIGEST_MD5, m).build();
        NonceScope scope = NonceScope.fixed(r.path("nonce").asText());
        AuthResult ok = verifier.verify(scope, r.path("method").asText(), r.path("uri").asText(), List.of(header),
                r.path("username").asText(), r.path("password").asText());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(AuthResult.Status.OK);
        // the same nonce count again is a replay
        AuthResult replay = verifier.verify(scope, r.path("method").asText(), r.path("uri").asText(),
                List.of(header), r.path("username").asText(), r.path("password").asText());
        assertThat(replay.status()).isEqualTo(AuthResult.Status.REPLAYED_NONCE_COUNT);
        // and with a wrong password the response no longer matches
        AuthResult wrong = verifier.verify(NonceScope.fixed(r.path("nonce").asText()), r.path("method").asText(),
                r.path("uri").asText(), List.of(header), r.path("username").asText(),
                r.path("password").asText() + "x");
        assertThat(wrong.status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        assertThat(header.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
