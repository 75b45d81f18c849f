package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.auth.AuthMethod;
import io.rtsp4j.auth.AuthSender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authentication through {@link ServerConnection#verifyCredentials} (gortsplib-server.md §9, checklist
 * TestServerAuth / TestServerAuthFail), with rtsp-auth's {@link AuthSender} as the client.
 */
class ServerAuthTest {

    private static final String USER = "myuser";
    private static final String PASS = "mypass";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    /** A handler that checks the credentials of every request before deciding like {@link TestHandler#serving}. */
    private TestHandler authenticating() {
        TestHandler h = TestHandler.serving(stream::get);
        h.describe = guard(h.describe);
        h.announce = guard(h.announce);
        h.setup = guard(h.setup);
        h.play = guard(h.play);
        h.record = guard(h.record);
        return h;
    }

    private static Function<RequestContext, Reply> guard(Function<RequestContext, Reply> next) {
        return ctx -> ctx.connection().verifyCredentials(ctx.request(), USER, PASS) ? next.apply(ctx)
                : Reply.authenticationFailed();
    }

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(Named.of("all", List.of(AuthMethod.BASIC, AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256)),
                        AuthMethod.DIGEST_SHA256),
                Arguments.of(Named.of("basic", List.of(AuthMethod.BASIC)), AuthMethod.BASIC),
                Arguments.of(Named.of("digest_md5", List.of(AuthMethod.DIGEST_MD5)), AuthMethod.DIGEST_MD5),
                Arguments.of(Named.of("digest_sha256", List.of(AuthMethod.DIGEST_SHA256)), AuthMethod.DIGEST_SHA256));
    }

    // TestServerAuth: a request without credentials is challenged and the connection stays open; the client
    // retries on the same connection with the chosen method and every later request is accepted.
    @ParameterizedTest
    @MethodSource("methods")
    void challengeThenRetryOnTheSameConnection(List<AuthMethod> methods, AuthMethod expected) throws Exception {
        TestHandler h = authenticating();
        try (TestServer ts = TestServer.start(h, b -> b.authMethods(methods))) {
            RtspTestClient c = ts.connect();
            String url = ts.url("/teststream");
            byte[] sdp = Fixtures.utf8(Fixtures.h264Sdp("trackID=0"));
            RtspTestClient.Response r = c.request("ANNOUNCE", url, sdp, "Content-Type: application/sdp");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.headers("WWW-Authenticate")).hasSize(methods.size());
            AuthSender sender = AuthSender.create(r.headers("WWW-Authenticate"), USER, PASS);
            assertThat(sender.method()).isEqualTo(expected);

            r = c.request("ANNOUNCE", url, sdp, "Content-Type: application/sdp",
                    "Authorization: " + sender.authorize("ANNOUNCE", url));
            assertThat(r.status()).isEqualTo(200);
            String setupUrl = url + "/trackID=0";
            r = c.setup(setupUrl, "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", null,
                    "Authorization: " + sender.authorize("SETUP", setupUrl));
            assertThat(r.status()).isEqualTo(200);
            r = c.request("RECORD", url, "Session: " + r.session(), "Authorization: " + sender.authorize("RECORD", url));
            assertThat(r.status()).isEqualTo(200);
        }
    }

    // Challenges follow the configured order, except that SHA-256 always comes right before MD5: FFmpeg keeps the
    // last Digest challenge and can only do MD5 (mediamtx PR#4266).
    @Test
    void challengesInConfiguredOrder() throws Exception {
        TestHandler h = authenticating();
        try (TestServer ts = TestServer.start(h, b -> b.authMethods(
                List.of(AuthMethod.BASIC, AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256)))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient.Response r = ts.connect().describe("/teststream");
            assertThat(r.status()).isEqualTo(401);
            List<String> challenges = r.headers("WWW-Authenticate");
            assertThat(challenges.get(0)).startsWith("Basic realm=\"rtsp4j\"");
            assertThat(challenges.get(1)).startsWith("Digest ").contains("algorithm=\"SHA-256\"");
            assertThat(challenges.get(2)).startsWith("Digest ").contains("algorithm=\"MD5\"").contains("realm=\"rtsp4j\"");
        }
    }

    // TestServerAuthFail: wrong credentials get 401 without a new challenge, then the connection is closed.
    @ParameterizedTest
    @MethodSource("methods")
    void wrongCredentialsAreRefusedAndClosed(List<AuthMethod> methods, AuthMethod expected) throws Exception {
        TestHandler h = authenticating();
        try (TestServer ts = TestServer.start(h, b -> b.authMethods(methods))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient c = ts.connect();
            String url = ts.url("/teststream");
            RtspTestClient.Response r = c.describe("/teststream");
            assertThat(r.status()).isEqualTo(401);
            AuthSender sender = AuthSender.create(r.headers("WWW-Authenticate"), USER, "wrongpass");
            r = c.request("DESCRIBE", url, "Authorization: " + sender.authorize("DESCRIBE", url));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.headers("WWW-Authenticate")).isEmpty();
            assertThat(c.awaitClosed()).isTrue();
            assertThat(h.awaitConnectionClose().message()).isEqualTo("authentication error");
        }
    }

    // A Digest answer to another connection's nonce is refused: nonces are bound to their connection.
    @Test
    void nonceOfAnotherConnectionIsNotAccepted() throws Exception {
        TestHandler h = authenticating();
        try (TestServer ts = TestServer.start(h, b -> b.authMethods(List.of(AuthMethod.DIGEST_MD5)))) {
            stream.set(ts.stream(Fixtures.h264()));
            String url = ts.url("/teststream");
            RtspTestClient c1 = ts.connect();
            AuthSender sender = AuthSender.create(c1.describe("/teststream").headers("WWW-Authenticate"), USER, PASS);
            RtspTestClient c2 = ts.connect();
            RtspTestClient.Response r = c2.request("DESCRIBE", url, "Authorization: " + sender.authorize("DESCRIBE", url));
            assertThat(r.status()).isEqualTo(401);
            // The first connection can use it.
            r = c1.request("DESCRIBE", url, "Authorization: " + sender.authorize("DESCRIBE", url));
            assertThat(r.status()).isEqualTo(200);
        }
    }

    // An expired nonce is challenged again with stale=true and the connection stays open (the client retries
    // without asking its user).
    @Test
    void expiredNonceIsChallengedAsStale() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        TestHandler h = authenticating();
        try (TestServer ts = TestServer.start(h, b -> b.authMethods(List.of(AuthMethod.DIGEST_MD5)).clock(clock))) {
            stream.set(ts.stream(Fixtures.h264()));
            String url = ts.url("/teststream");
            RtspTestClient c = ts.connect();
            AuthSender sender = AuthSender.create(c.describe("/teststream").headers("WWW-Authenticate"), USER, PASS);
            assertThat(c.request("DESCRIBE", url, "Authorization: " + sender.authorize("DESCRIBE", url)).status())
                    .isEqualTo(200);
            clock.advance(Duration.ofDays(2));
            RtspTestClient.Response r = c.request("DESCRIBE", url, "Authorization: " + sender.authorize("DESCRIBE", url));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.headers("WWW-Authenticate")).singleElement().asString().containsIgnoringCase("stale=\"TRUE\"");
            AuthSender renewed = AuthSender.create(r.headers("WWW-Authenticate"), USER, PASS);
            assertThat(c.request("DESCRIBE", url, "Authorization: " + renewed.authorize("DESCRIBE", url)).status())
                    .isEqualTo(200);
        }
    }

    // An async decision (e.g. a credential lookup on another thread) gives the same answers.
    @Test
    void asyncAuthenticationFailure() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        h.describe = ctx -> Reply.async(java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ctx.connection().verifyCredentials(ctx.request(), USER, PASS) ? Reply.ok(stream.get())
                        : Reply.authenticationFailed()));
        try (TestServer ts = TestServer.start(h)) {
            stream.set(ts.stream(Fixtures.h264()));
            String url = ts.url("/teststream");
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.describe("/teststream");
            assertThat(r.status()).isEqualTo(401);
            AuthSender sender = AuthSender.create(r.headers("WWW-Authenticate"), USER, PASS);
            assertThat(c.request("DESCRIBE", url, "Authorization: " + sender.authorize("DESCRIBE", url)).status())
                    .isEqualTo(200);
        }
    }
}
