package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.headers.Authenticate;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthVerifierTest {

    private static final String URL = "rtsp://cam.local:8554/live";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private AuthVerifier.Builder builder() {
        return AuthVerifier.builder().clock(clock);
    }

    private static String digestHeader(AuthVerifier v, NonceScope scope, AuthMethod m, String user, String pass,
            String method, String url) throws Exception {
        List<String> challenges = v.challenges(scope, false);
        String chosen = challenges.stream().filter(c -> c.contains("algorithm=\"" + m.algorithm() + "\""))
                .findFirst().orElseThrow();
        return AuthSender.create(List.of(chosen), user, pass).authorize(method, url);
    }

    @Test
    void defaultChallengesAreBasicThenDigestMd5() {
        AuthVerifier v = AuthVerifier.create();
        assertThat(v.realm()).isEqualTo("ipcam");
        assertThat(v.methods()).containsExactly(AuthMethod.BASIC, AuthMethod.DIGEST_MD5);
        assertThat(v.nonceLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(v.challenges(NonceScope.fixed("abc"), false)).containsExactly("Basic realm=\"ipcam\"",
                "Digest realm=\"ipcam\", nonce=\"abc\", algorithm=\"MD5\"");
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of(List.of(AuthMethod.BASIC, AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256),
                        List.of(AuthMethod.BASIC, AuthMethod.DIGEST_SHA256, AuthMethod.DIGEST_MD5)),
                Arguments.of(List.of(AuthMethod.DIGEST_MD5, AuthMethod.BASIC, AuthMethod.DIGEST_SHA256),
                        List.of(AuthMethod.DIGEST_SHA256, AuthMethod.DIGEST_MD5, AuthMethod.BASIC)),
                Arguments.of(List.of(AuthMethod.DIGEST_SHA256, AuthMethod.BASIC, AuthMethod.DIGEST_MD5),
                        List.of(AuthMethod.DIGEST_SHA256, AuthMethod.BASIC, AuthMethod.DIGEST_MD5)),
                Arguments.of(List.of(AuthMethod.DIGEST_SHA256), List.of(AuthMethod.DIGEST_SHA256)),
                Arguments.of(List.of(AuthMethod.BASIC, AuthMethod.BASIC, AuthMethod.DIGEST_MD5),
                        List.of(AuthMethod.BASIC, AuthMethod.DIGEST_MD5)));
    }

    /** FFmpeg keeps the last Digest challenge (testdata/auth/ffmpeg-5.1-play-digest-sha256-*.json). */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("orders")
    void sha256ChallengeComesBeforeMd5SoFfmpegKeepsMd5(List<AuthMethod> configured, List<AuthMethod> expected) {
        AuthVerifier v = builder().methods(configured).build();
        assertThat(v.methods()).isEqualTo(expected);
        List<String> challenges = v.challenges(v.newScope(), false);
        assertThat(challenges).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            AuthMethod m = expected.get(i);
            assertThat(challenges.get(i)).startsWith(m == AuthMethod.BASIC ? "Basic " : "Digest ");
            if (m.isDigest()) {
                assertThat(challenges.get(i)).endsWith("algorithm=\"" + m.algorithm() + "\"");
            }
        }
    }

    @Test
    void digestChallengesOfOneCallShareAFreshNonce() throws Exception {
        AuthVerifier v = builder().methods(AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256).build();
        NonceScope scope = v.newScope();
        List<String> first = v.challenges(scope, false);
        String n1 = Authenticate.parse(first.get(0)).nonce();
        assertThat(Authenticate.parse(first.get(1)).nonce()).isEqualTo(n1);
        assertThat(n1).hasSize(48).matches("[0-9a-f]+");
        clock.advance(Duration.ofMillis(1));
        String n2 = Authenticate.parse(v.challenges(scope, false).get(0)).nonce();
        assertThat(n2).isNotEqualTo(n1);
    }

    @Test
    void staleQopAndOpaqueOptions() throws Exception {
        AuthVerifier v = builder().qop(true).opaque(true).methods(AuthMethod.DIGEST_MD5).build();
        Authenticate c = Authenticate.parse(v.challenges(v.newScope(), true).get(0));
        assertThat(c.isStale()).isTrue();
        assertThat(c.stale()).isEqualTo("TRUE");
        assertThat(c.qop()).isEqualTo("auth");
        assertThat(c.opaque()).hasSize(32);
        assertThat(Authenticate.parse(v.challenges(v.newScope(), false).get(0)).stale()).isNull();
        assertThat(Authenticate.parse(AuthVerifier.create().challenges(v.newScope(), false).get(1)).opaque()).isNull();
    }

    @Test
    void generatedNonceWorksOnItsConnectionOnly() throws Exception {
        AuthVerifier v = builder().build();
        NonceScope conn1 = v.newScope();
        NonceScope conn2 = v.newScope();
        String header = digestHeader(v, conn1, AuthMethod.DIGEST_MD5, "admin", "secret", "DESCRIBE", URL);
        assertThat(v.verify(conn1, "DESCRIBE", URL, List.of(header), "admin", "secret").status())
                .isEqualTo(AuthResult.Status.OK);
        // same request again (RFC 2069 form has no count): still fine on its connection
        assertThat(v.verify(conn1, "DESCRIBE", URL, List.of(header), "admin", "secret").status())
                .isEqualTo(AuthResult.Status.OK);
        AuthResult elsewhere = v.verify(conn2, "DESCRIBE", URL, List.of(header), "admin", "secret");
        assertThat(elsewhere.status()).isEqualTo(AuthResult.Status.STALE_NONCE);
        assertThat(elsewhere.status().challenge()).isTrue();
        assertThat(elsewhere.status().stale()).isTrue();
        // another verifier (a restarted server) has another secret
        AuthVerifier restarted = builder().build();
        assertThat(restarted.verify(conn1, "DESCRIBE", URL, List.of(header), "admin", "secret").status())
                .isEqualTo(AuthResult.Status.STALE_NONCE);
    }

    @Test
    void expiredNonceIsStaleAndTheNewChallengeWorks() throws Exception {
        AuthVerifier v = builder().nonceLifetime(Duration.ofMinutes(5)).build();
        NonceScope scope = v.newScope();
        String header = digestHeader(v, scope, AuthMethod.DIGEST_MD5, "admin", "secret", "PLAY", URL);
        clock.advance(Duration.ofMinutes(5));
        assertThat(v.verify(scope, "PLAY", URL, List.of(header), "admin", "secret").status())
                .isEqualTo(AuthResult.Status.OK);
        clock.advance(Duration.ofMillis(1));
        AuthResult stale = v.verify(scope, "PLAY", URL, List.of(header), "admin", "secret");
        assertThat(stale.status()).isEqualTo(AuthResult.Status.STALE_NONCE);
        assertThat(stale.detail()).isEqualTo("nonce expired");
        List<String> again = v.challenges(scope, stale.status().stale());
        assertThat(again.get(1)).contains("stale=\"TRUE\"");
        String retried = AuthSender.create(again, "admin", "secret").authorize("PLAY", URL);
        assertThat(v.verify(scope, "PLAY", URL, List.of(retried), "admin", "secret").status())
                .isEqualTo(AuthResult.Status.OK);
    }

    @Test
    void wrongPasswordOverAForeignNonceIsWrongNotStale() throws Exception {
        AuthVerifier v = builder().build();
        String header = digestHeader(v, v.newScope(), AuthMethod.DIGEST_MD5, "admin", "guess", "DESCRIBE", URL);
        AuthResult r = v.verify(v.newScope(), "DESCRIBE", URL, List.of(header), "admin", "secret");
        assertThat(r.status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        assertThat(r.status().challenge()).isFalse();
    }

    @Test
    void nonceCountsMustIncrease() throws Exception {
        AuthVerifier v = builder().qop(true).build();
        NonceScope scope = v.newScope();
        AuthSender sender = AuthSender.create(v.challenges(scope, false), "admin", "secret");
        String first = sender.authorize("DESCRIBE", URL);
        String second = sender.authorize("SETUP", URL + "/trackID=0");
        String third = sender.authorize("PLAY", URL);
        assertThat(first).contains("nc=00000001").contains("qop=auth");
        assertThat(v.verify(scope, "DESCRIBE", URL, List.of(first), "admin", "secret").isOk()).isTrue();
        assertThat(v.verify(scope, "SETUP", URL + "/trackID=0", List.of(second), "admin", "secret").isOk()).isTrue();
        AuthResult replay = v.verify(scope, "DESCRIBE", URL, List.of(first), "admin", "secret");
        assertThat(replay.status()).isEqualTo(AuthResult.Status.REPLAYED_NONCE_COUNT);
        assertThat(replay.status().challenge()).isFalse();
        assertThat(v.verify(scope, "PLAY", URL, List.of(third), "admin", "secret").isOk()).isTrue();
    }

    @Test
    void opaqueMustMatchWhenSent() throws Exception {
        AuthVerifier v = builder().opaque(true).build();
        NonceScope scope = v.newScope();
        String header = AuthSender.create(v.challenges(scope, false), "admin", "secret").authorize("DESCRIBE", URL);
        assertThat(header).contains("opaque=\"");
        assertThat(v.verify(scope, "DESCRIBE", URL, List.of(header), "admin", "secret").isOk()).isTrue();
        String other = header.replaceAll("opaque=\"[0-9a-f]+\"", "opaque=\"00\"");
        assertThat(v.verify(scope, "DESCRIBE", URL, List.of(other), "admin", "secret").status())
                .isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        String none = header.replaceAll(", opaque=\"[0-9a-f]+\"", "");
        assertThat(v.verify(scope, "DESCRIBE", URL, List.of(none), "admin", "secret").isOk()).isTrue();
    }

    static Stream<Arguments> refusals() {
        String digest = "Digest username=\"admin\", realm=\"ipcam\", nonce=\"n\", uri=\"" + URL
                + "\", response=\"00\"";
        return Stream.of(
                Arguments.of("no header", List.of(), AuthResult.Status.MISSING),
                Arguments.of("two headers", List.of("Basic YWRtaW46c2VjcmV0", "Basic YWRtaW46c2VjcmV0"),
                        AuthResult.Status.MALFORMED),
                Arguments.of("empty Basic user", List.of("Basic OnNlY3JldA=="), AuthResult.Status.MISSING),
                Arguments.of("empty Digest user", List.of(digest.replace("username=\"admin\"", "username=\"\"")),
                        AuthResult.Status.MISSING),
                Arguments.of("Basic without colon", List.of("Basic YWRtaW4="), AuthResult.Status.MALFORMED),
                Arguments.of("Basic not base64", List.of("Basic !!!"), AuthResult.Status.MALFORMED),
                Arguments.of("Digest without response", List.of(digest.replace(", response=\"00\"", "")),
                        AuthResult.Status.MALFORMED),
                Arguments.of("Digest with empty uri", List.of(digest.replace("uri=\"" + URL + "\"", "uri=\"\"")),
                        AuthResult.Status.MALFORMED),
                Arguments.of("unterminated quote", List.of("Digest username=\"admin"), AuthResult.Status.MALFORMED),
                Arguments.of("Bearer token", List.of("Bearer abc"), AuthResult.Status.METHOD_NOT_ALLOWED),
                Arguments.of("empty value", List.of(" "), AuthResult.Status.MISSING),
                Arguments.of("MD5-sess", List.of(digest + ", algorithm=MD5-sess"),
                        AuthResult.Status.METHOD_NOT_ALLOWED),
                Arguments.of("SHA-256 not enabled", List.of(digest + ", algorithm=SHA-256"),
                        AuthResult.Status.METHOD_NOT_ALLOWED),
                Arguments.of("qop auth-int", List.of(digest + ", qop=auth-int, nc=00000001, cnonce=\"c\""),
                        AuthResult.Status.METHOD_NOT_ALLOWED),
                Arguments.of("qop without nc", List.of(digest + ", qop=auth, cnonce=\"c\""),
                        AuthResult.Status.MALFORMED),
                Arguments.of("qop with bad nc", List.of(digest + ", qop=auth, nc=0000000g, cnonce=\"c\""),
                        AuthResult.Status.MALFORMED),
                Arguments.of("qop with long nc", List.of(digest + ", qop=auth, nc=000000001, cnonce=\"c\""),
                        AuthResult.Status.MALFORMED),
                Arguments.of("qop without cnonce", List.of(digest + ", qop=auth, nc=00000001"),
                        AuthResult.Status.MALFORMED),
                Arguments.of("other realm", List.of(digest.replace("realm=\"ipcam\"", "realm=\"x\"")),
                        AuthResult.Status.WRONG_CREDENTIALS),
                Arguments.of("wrong response", List.of(digest), AuthResult.Status.WRONG_CREDENTIALS),
                Arguments.of("wrong Basic password", List.of("Basic YWRtaW46c2VjcmV4"),
                        AuthResult.Status.WRONG_CREDENTIALS),
                Arguments.of("other Basic user", List.of("Basic cm9vdDpzZWNyZXQ="),
                        AuthResult.Status.WRONG_CREDENTIALS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusals(String name, List<String> headers, AuthResult.Status expected) {
        AuthVerifier v = builder().build();
        AuthResult r = v.verify(NonceScope.fixed("n"), "DESCRIBE", URL, headers, "admin", "secret");
        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
        assertThat(r.isOk()).isFalse();
        assertThat(r.detail()).isNotBlank().doesNotContain("secret");
    }

    @Test
    void basicPasswordWithColonAndNonAscii() {
        AuthVerifier v = builder().methods(AuthMethod.BASIC).build();
        String header = io.rtsp4j.base.headers.Authorization.basic("admin", "a:b:ç€").format();
        AuthResult r = v.verify(v.newScope(), "DESCRIBE", URL, List.of(header), "admin", "a:b:ç€");
        assertThat(r.status()).isEqualTo(AuthResult.Status.OK);
        assertThat(r.method()).contains(AuthMethod.BASIC);
        assertThat(r.username()).contains("admin");
    }

    @Test
    void emptyExpectedUserNeverMatches() {
        AuthVerifier v = builder().build();
        String header = io.rtsp4j.base.headers.Authorization.basic("x", "").format();
        assertThat(v.verify(v.newScope(), "DESCRIBE", URL, List.of(header), "", "").status())
                .isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
    }

    @Test
    void uppercaseResponseHexIsAccepted() throws Exception {
        AuthVerifier v = builder().build();
        NonceScope scope = v.newScope();
        String header = digestHeader(v, scope, AuthMethod.DIGEST_MD5, "admin", "secret", "DESCRIBE", URL);
        String response = header.replaceAll(".*response=\"([0-9a-f]+)\".*", "$1");
        String upper = header.replace(response, response.toUpperCase(java.util.Locale.ROOT));
        assertThat(v.verify(scope, "DESCRIBE", URL, List.of(upper), "admin", "secret").isOk()).isTrue();
    }

    @Test
    void requestOverloadsReadMethodUriAndAuthorization() throws Exception {
        AuthVerifier v = builder().build();
        NonceScope scope = v.newScope();
        String header = digestHeader(v, scope, AuthMethod.DIGEST_MD5, "admin", "secret", "SETUP", URL + "/trackID=1");
        RtspRequest req = RtspRequest.builder(RtspMethod.SETUP, URL + "/trackID=1")
                .header(RtspHeaderNames.CSEQ, "3").header(RtspHeaderNames.AUTHORIZATION, header).build();
        assertThat(v.verify(scope, req, "admin", "secret").isOk()).isTrue();
        assertThat(v.verify(scope, req, "admin", StoredCredential.password("secret")).isOk()).isTrue();
        assertThat(v.verify(scope, req, CredentialLookup.single("admin", "secret")).toCompletableFuture().join()
                .isOk()).isTrue();
        RtspRequest none = RtspRequest.builder(RtspMethod.SETUP, URL).header(RtspHeaderNames.CSEQ, "3").build();
        assertThat(v.verify(scope, none, "admin", "secret").status()).isEqualTo(AuthResult.Status.MISSING);
    }

    @Test
    void ha1OnlyCredentials() throws Exception {
        AuthVerifier v = builder().methods(AuthMethod.BASIC, AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256).build();
        NonceScope scope = v.newScope();
        StoredCredential md5Only = StoredCredential.ha1("ipcam", AuthMethod.DIGEST_MD5,
                StoredCredential.computeHa1(AuthMethod.DIGEST_MD5, "admin", "ipcam", "secret").toUpperCase());
        CredentialLookup lookup = CredentialLookup.of(Map.of("admin", md5Only));
        String md5 = digestHeader(v, scope, AuthMethod.DIGEST_MD5, "admin", "secret", "DESCRIBE", URL);
        String sha = digestHeader(v, scope, AuthMethod.DIGEST_SHA256, "admin", "secret", "DESCRIBE", URL);
        String basic = io.rtsp4j.base.headers.Authorization.basic("admin", "secret").format();
        String badBasic = io.rtsp4j.base.headers.Authorization.basic("admin", "secreT").format();
        assertThat(verify(v, scope, md5, lookup).status()).isEqualTo(AuthResult.Status.OK);
        assertThat(verify(v, scope, basic, lookup).status()).isEqualTo(AuthResult.Status.OK);
        assertThat(verify(v, scope, badBasic, lookup).status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        AuthResult noSha = verify(v, scope, sha, lookup);
        assertThat(noSha.status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        assertThat(noSha.detail()).contains("SHA-256 HA1");
        // an HA1 for another realm is useless here
        StoredCredential otherRealm = StoredCredential.ha1("other", AuthMethod.DIGEST_MD5,
                StoredCredential.computeHa1(AuthMethod.DIGEST_MD5, "admin", "other", "secret"));
        CredentialLookup other = CredentialLookup.of(Map.of("admin", otherRealm));
        assertThat(verify(v, scope, md5, other).status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        assertThat(verify(v, scope, basic, other).status()).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        // both algorithms stored
        CredentialLookup both = CredentialLookup.of(Map.of("admin", md5Only.withHa1("ipcam",
                AuthMethod.DIGEST_SHA256, StoredCredential.computeHa1(AuthMethod.DIGEST_SHA256, "admin", "ipcam",
                        "secret"))));
        assertThat(verify(v, scope, sha, both).status()).isEqualTo(AuthResult.Status.OK);
        assertThat(verify(v, scope, md5, CredentialLookup.of(Map.of())).detail()).isEqualTo("unknown user");
    }

    private static AuthResult verify(AuthVerifier v, NonceScope scope, String header, CredentialLookup lookup) {
        return v.verify(scope, "DESCRIBE", URL, List.of(header), lookup).toCompletableFuture().join();
    }

    @Test
    void lookupIsCalledOnlyForUsableCredentialsAndMayCompleteLater() throws Exception {
        AuthVerifier v = builder().build();
        NonceScope scope = v.newScope();
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Optional<StoredCredential>> pending = new CompletableFuture<>();
        CredentialLookup slow = user -> {
            calls.incrementAndGet();
            assertThat(user).isEqualTo("admin");
            return pending;
        };
        assertThat(v.verify(scope, "DESCRIBE", URL, List.of(), slow).toCompletableFuture().join().status())
                .isEqualTo(AuthResult.Status.MISSING);
        assertThat(v.verify(scope, "DESCRIBE", URL, List.of("Bearer x"), slow).toCompletableFuture().join().status())
                .isEqualTo(AuthResult.Status.METHOD_NOT_ALLOWED);
        assertThat(calls).hasValue(0);
        String header = digestHeader(v, scope, AuthMethod.DIGEST_MD5, "admin", "secret", "DESCRIBE", URL);
        CompletableFuture<AuthResult> result = v.verify(scope, "DESCRIBE", URL, List.of(header), slow)
                .toCompletableFuture();
        assertThat(result).isNotDone();
        pending.complete(Optional.of(StoredCredential.password("secret")));
        assertThat(result.join().isOk()).isTrue();
        assertThat(calls).hasValue(1);
    }

    @Test
    void lookupFailuresArePassedOn() throws Exception {
        AuthVerifier v = builder().build();
        NonceScope scope = v.newScope();
        String header = digestHeader(v, scope, AuthMethod.DIGEST_MD5, "admin", "secret", "DESCRIBE", URL);
        CredentialLookup failing = user -> CompletableFuture.failedFuture(new IllegalStateException("db down"));
        assertThatThrownBy(() -> v.verify(scope, "DESCRIBE", URL, List.of(header), failing).toCompletableFuture()
                .join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
        CredentialLookup throwing = user -> {
            throw new IllegalStateException("db down");
        };
        assertThatThrownBy(() -> v.verify(scope, "DESCRIBE", URL, List.of(header), throwing).toCompletableFuture()
                .join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void builderValidation() {
        assertThatThrownBy(() -> AuthVerifier.builder().realm("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthVerifier.builder().realm("a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthVerifier.builder().realm("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthVerifier.builder().methods()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthVerifier.builder().nonceLifetime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthVerifier.builder().nonceLifetime(Duration.ofDays(4000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NonceScope.fixed("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NonceScope.fixed("a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredCredential.ha1("r", AuthMethod.BASIC, "00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredCredential.ha1("r", AuthMethod.DIGEST_MD5, "00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredCredential.ha1("r", AuthMethod.DIGEST_SHA256, "z".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredCredential.computeHa1(AuthMethod.BASIC, "u", "r", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthMethod.BASIC.algorithm()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringsRevealNoSecrets() throws Exception {
        AuthVerifier v = builder().random(new SecureRandom()).qop(true).opaque(true).build();
        assertThat(v.toString()).isEqualTo("AuthVerifier(realm=ipcam, methods=[BASIC, DIGEST_MD5], "
                + "nonceLifetime=PT24H, qop=auth, opaque)");
        String ha1 = StoredCredential.computeHa1(AuthMethod.DIGEST_MD5, "u", "ipcam", "secret");
        StoredCredential c = StoredCredential.password("secret").withHa1("ipcam", AuthMethod.DIGEST_MD5, ha1);
        assertThat(c.toString()).isEqualTo("StoredCredential(password, ha1: DIGEST_MD5/ipcam)").doesNotContain(ha1);
        assertThat(c.hasPassword()).isTrue();
        assertThat(v.newScope().toString()).isEqualTo("NonceScope(generated)");
        assertThat(NonceScope.fixed("n").toString()).isEqualTo("NonceScope(fixed)");
        NonceScope scope = v.newScope();
        String header = AuthSender.create(v.challenges(scope, false), "u", "secret").authorize("DESCRIBE", URL);
        AuthResult r = v.verify(scope, "DESCRIBE", URL, List.of(header), "u", "secret");
        assertThat(r.toString()).isEqualTo("AuthResult(OK, user=u, DIGEST_MD5: ok)");
    }
}
