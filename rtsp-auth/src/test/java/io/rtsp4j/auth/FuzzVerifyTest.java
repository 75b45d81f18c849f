package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never hurts: the upstream fuzz corpora (gortsplib pkg/auth FuzzVerify: an Authorization value
 * checked for user myuser, password mypass, realm IPCAM; pkg/headers FuzzAuthorizationUnmarshal and
 * FuzzAuthenticateUnmarshal) and seeded random mutations of real headers go through the verifier and the
 * sender, which must answer with a result or their checked exception, never anything else.
 */
class FuzzVerifyTest {

    private static final AuthVerifier VERIFIER = AuthVerifier.builder().realm("IPCAM")
            .methods(AuthMethod.BASIC, AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256).qop(true).opaque(true)
            .build();

    static Stream<Arguments> authorizationInputs() {
        List<Arguments> out = new ArrayList<>();
        for (Corpus.FuzzInput in : Corpus.fuzzInputs("auth", "FuzzVerify")) {
            out.add(Arguments.of(Named.of(in.file(), new String(in.first(), StandardCharsets.UTF_8))));
        }
        for (Corpus.FuzzInput in : Corpus.fuzzInputs("headers", "FuzzAuthorizationUnmarshal")) {
            out.add(Arguments.of(Named.of(in.file(), new String(in.first(), StandardCharsets.UTF_8))));
        }
        return out.stream();
    }

    static Stream<Arguments> challengeInputs() {
        List<Arguments> out = new ArrayList<>();
        for (Corpus.FuzzInput in : Corpus.fuzzInputs("headers", "FuzzAuthenticateUnmarshal")) {
            out.add(Arguments.of(Named.of(in.file(), new String(in.first(), StandardCharsets.UTF_8))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizationInputs")
    void upstreamAuthorizationInput(String value) {
        AuthResult r = verifyAll(value);
        assertThat(r.isOk()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challengeInputs")
    void upstreamChallengeInput(String value) {
        answer(value);
    }

    /** Verifies with every entry point; all must agree and none may throw. */
    static AuthResult verifyAll(String value) {
        NonceScope scope = NonceScope.fixed("f49ac6dd0ba708d4becddc9692d1f2ce");
        AuthResult sync = VERIFIER.verify(scope, "DESCRIBE", "rtsp://myhost/mypath", List.of(value), "myuser",
                "mypass");
        AuthResult async = VERIFIER.verify(scope, "SETUP", "rtsp://myhost/mypath/trackID=0", List.of(value),
                CredentialLookup.single("myuser", "mypass")).toCompletableFuture().join();
        AuthResult generated = VERIFIER.verify(VERIFIER.newScope(), "DESCRIBE", "*", List.of(value), "myuser",
                "mypass");
        assertThat(sync.detail()).isNotNull();
        assertThat(async.detail()).isNotNull();
        assertThat(generated.detail()).isNotNull();
        return sync;
    }

    /** The sender either answers or throws its checked exception. */
    static void answer(String challenge) {
        try {
            AuthSender s = AuthSender.create(List.of(challenge), "myuser", "mypass");
            assertThat(s.authorize("DESCRIBE", "rtsp://myhost/mypath")).isNotEmpty();
        } catch (AuthChallengeException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
        }
    }

    /** Seeded mutations (replace, insert, delete, duplicate) of real and corpus headers. */
    @Test
    void randomMutationsNeverThrow() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (JsonNode r : Corpus.jsonLines("auth/verify.jsonl")) {
            seeds.add(r.path("authorization").asText());
        }
        for (JsonNode r : Corpus.jsonLines("headers/authorization.jsonl")) {
            if (r.has("input")) {
                seeds.add(r.path("input").asText());
            }
        }
        seeds.add(AuthSender.create(VERIFIER.challenges(VERIFIER.newScope(), false), "myuser", "my:pass")
                .authorize("SETUP", "rtsp://myhost/mypath/trackID=0"));
        List<String> challengeSeeds = new ArrayList<>(VERIFIER.challenges(VERIFIER.newScope(), true));
        for (JsonNode r : Corpus.jsonLines("headers/www-authenticate.jsonl")) {
            if (r.has("input")) {
                challengeSeeds.add(r.path("input").asText());
            }
        }
        Random random = new Random(0x5eed_a07L);
        for (int i = 0; i < 5_000; i++) {
            verifyAll(mutate(seeds.get(random.nextInt(seeds.size())), random));
            answer(mutate(challengeSeeds.get(random.nextInt(challengeSeeds.size())), random));
        }
    }

    private static final String ALPHABET = "\"\\,= \t:;/abcdefABCDEF0123456789+=\u0000\r\n\u00e9\u20ac";

    static String mutate(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int pos = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(4)) {
                case 0:
                    if (sb.length() > 0) {
                        sb.setCharAt(pos, c);
                    }
                    break;
                case 1:
                    sb.insert(pos, c);
                    break;
                case 2:
                    if (sb.length() > 0) {
                        sb.deleteCharAt(pos);
                    }
                    break;
                default:
                    int end = Math.min(sb.length(), pos + 1 + random.nextInt(8));
                    sb.insert(pos, sb.substring(pos, end));
                    break;
            }
        }
        return sb.toString();
    }
}
