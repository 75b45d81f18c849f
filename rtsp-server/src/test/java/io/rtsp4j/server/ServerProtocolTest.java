package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Generic protocol behaviour of the server (gortsplib-server.md §4, checklist §12.1). */
class ServerProtocolTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private TestServer start(TestHandler h) {
        TestServer ts = TestServer.start(h);
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    /** Whether the connection still answers: recoverable errors must keep it open. */
    static void assertStillServing(RtspTestClient c) throws Exception {
        assertThat(c.request("OPTIONS", "*").status()).isEqualTo(200);
    }

    // TestServerConnClose: an application may refuse a client as soon as it connects; closing twice is harmless.
    @Test
    void connectionClosedFromOnConnectionOpen() throws Exception {
        TestHandler h = new TestHandler();
        h.connectionOpen = c -> {
            c.close();
            c.close();
        };
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            assertThat(c.awaitClosed()).isTrue();
            assertThat(h.awaitConnectionClose().message()).isEqualTo("closed by the application");
        }
    }

    // TestServerCSeq: clients match answers to requests by CSeq.
    @Test
    void cseqIsEchoed() throws Exception {
        try (TestServer ts = start(new TestHandler())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.request("OPTIONS", ts.url("/"), "CSeq: 5");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("CSeq")).isEqualTo("5");
            assertThat(r.header("Server")).isEqualTo("rtsp4j");
        }
    }

    // TestServerErrorCSeqMissing: without CSeq nothing can be matched: 400 without CSeq, then close.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "duplicated"})
    void cseqMissingOrDuplicatedClosesTheConnection(String kind) throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            c.send("OPTIONS " + ts.url("/") + " RTSP/1.0\r\n"
                    + (kind.equals("duplicated") ? "CSeq: 1\r\nCSeq: 2\r\n" : "") + "\r\n");
            RtspTestClient.Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("CSeq")).isNull();
            assertThat(c.awaitClosed()).isTrue();
            assertThat(h.awaitConnectionClose().message()).isEqualTo("CSeq is missing");
        }
    }

    // TestServerErrorNilURL: '*' is only for OPTIONS; unlike gortsplib the client may retry with a real URL.
    @Test
    void starUrlOnlyForOptions() throws Exception {
        TestHandler h = new TestHandler().describe(ctx -> Reply.ok(stream.get()));
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.request("DESCRIBE", "*");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("invalid path");
            assertStillServing(c);
            assertThat(c.describe("/teststream").status()).isEqualTo(200);
        }
    }

    // A URL that is not rtsp:// is a client error it can fix: 400, connection kept.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1/x", "/relative/path", "rtsp://", "rtsp://host:99999999/x#frag"})
    void invalidUrlIsRefusedButConnectionKept(String url) throws Exception {
        TestHandler h = new TestHandler().describe(ctx -> Reply.ok(stream.get()));
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            assertThat(c.request("DESCRIBE", url).status()).isEqualTo(400);
            assertStillServing(c);
        }
    }

    // TestServerDescribeNonNilBody: a handler may serve its own SDP without a stream.
    @Test
    void describeWithHandlerBody() throws Exception {
        String sdp = Fixtures.h264Sdp("custom");
        TestHandler h = new TestHandler().describe(ctx -> Reply.of(RtspResponse.builder(RtspStatus.OK)
                .header(RtspHeaderNames.CONTENT_TYPE, "application/sdp")
                .body(sdp.getBytes(StandardCharsets.UTF_8)).build()));
        try (TestServer ts = start(h)) {
            RtspTestClient.Response r = ts.connect().describe("/teststream");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo(sdp);
        }
    }

    // DESCRIBE of a stream: SDP with control trackID=N, Content-Base = URL + '/', Content-Type application/sdp.
    @Test
    void describeOfAStream() throws Exception {
        TestHandler h = new TestHandler().describe(ctx -> {
            assertThat(ctx.path()).isEqualTo("/teststream");
            assertThat(ctx.query()).isEqualTo("a=b");
            return Reply.ok(stream.get());
        });
        try (TestServer ts = start(h)) {
            RtspTestClient.Response r = ts.connect().describe("/teststream?a=b");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Base")).isEqualTo(ts.url("/teststream?a=b/"));
            assertThat(r.header("Content-Type")).isEqualTo("application/sdp");
            assertThat(r.bodyText()).contains("a=control:trackID=0").contains("m=video 0 RTP/AVP 96");
        }
    }

    // A 200 DESCRIBE without stream nor body is a handler bug: 500 and close rather than an empty SDP.
    @Test
    void describeOkWithoutStreamIsAnInternalError() throws Exception {
        TestHandler h = new TestHandler().describe(ctx -> Reply.ok());
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            assertThat(c.describe("/x").status()).isEqualTo(500);
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    // A handler that throws must not break the server: 500, that connection closed, others served.
    @Test
    void handlerExceptionIsAnInternalError() throws Exception {
        TestHandler h = new TestHandler().describe(ctx -> {
            throw new IllegalStateException("boom");
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            assertThat(c.describe("/x").status()).isEqualTo(500);
            assertThat(c.awaitClosed()).isTrue();
            assertStillServing(ts.connect());
        }
    }

    // §4.3: Public lists only what the handler implements (plus GET_PARAMETER and TEARDOWN), in gortsplib's order.
    @Test
    void publicListsImplementedMethods() throws Exception {
        ServerHandler player = new ServerHandler() {
            @Override
            public Reply onDescribe(RequestContext ctx) {
                return Reply.notImplemented();
            }

            @Override
            public Reply onSetup(RequestContext ctx) {
                return Reply.notImplemented();
            }

            @Override
            public Reply onPlay(RequestContext ctx) {
                return Reply.notImplemented();
            }
        };
        assertThat(player.supportedMethods()).containsExactly(RtspMethod.DESCRIBE, RtspMethod.SETUP, RtspMethod.PLAY,
                RtspMethod.GET_PARAMETER, RtspMethod.TEARDOWN);
        RtspServer server = new RtspServer(TestServer.config(player).build()).start();
        try (RtspTestClient c = new RtspTestClient(server.rtspAddress())) {
            RtspTestClient.Response r = c.request("OPTIONS", "*");
            assertThat(r.header("Public")).isEqualTo("DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN");
            // ANNOUNCE is not implemented: 501, and the connection goes on.
            assertThat(c.request("ANNOUNCE", "rtsp://127.0.0.1/x", Fixtures.utf8(Fixtures.h264Sdp(null)),
                    "Content-Type: application/sdp").status()).isEqualTo(501);
            assertStillServing(c);
        } finally {
            server.close();
        }
    }

    // TestServerErrorMethodNotImplemented (outside session): SET_PARAMETER without handler is 501, conn alive.
    @Test
    void methodNotImplementedOutsideSession() throws Exception {
        try (TestServer ts = start(new TestHandler())) {
            RtspTestClient c = ts.connect();
            assertThat(c.request("SET_PARAMETER", ts.url("/teststream")).status()).isEqualTo(501);
            assertStillServing(c);
        }
    }

    // TestServerErrorMethodNotImplemented (inside session): same inside a session; the session header is kept.
    @Test
    void methodNotImplementedInsideSession() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient.Response r = c.request("SET_PARAMETER", ts.url("/teststream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(501);
            assertThat(c.request("OPTIONS", ts.url("/teststream"), "Session: " + session).status()).isEqualTo(200);
        }
    }

    // An extension method (e.g. REDIRECT sent by a client, or a made-up one) is not implemented: 501, conn kept.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"REDIRECT", "FOOBAR"})
    void unknownMethodIsNotImplemented(String method) throws Exception {
        try (TestServer ts = start(new TestHandler())) {
            RtspTestClient c = ts.connect();
            assertThat(c.request(method, ts.url("/teststream")).status()).isEqualTo(501);
            assertStillServing(c);
        }
    }

    // TestServerErrorTCPTwoConnOneSession: a TCP session is pinned to its connection once playing.
    @Test
    void tcpSessionCannotBeUsedFromAnotherConnection() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c1 = ts.connect();
            String session = c1.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c1.doPlay(ts.url("/teststream"), session);
            RtspTestClient c2 = ts.connect();
            RtspTestClient.Response r = c2.setup(ts.url("/teststream/trackID=0"), TCP, session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("session is linked to another connection");
            assertThat(c2.awaitClosed()).isTrue();
            // The first connection keeps its session.
            assertThat(c1.requestIgnoreFrames("GET_PARAMETER", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
        }
    }

    // TestServerErrorTCPOneConnTwoSessions: a SETUP without Session on a playing connection targets its session,
    // which cannot SETUP while playing: 455 (gortsplib: 400 and close).
    @Test
    void setupOnPlayingConnectionIsWrongState() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(ts.url("/teststream"), session);
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"), "RTP/AVP/TCP;unicast;interleaved=2-3",
                    null);
            assertThat(r.status()).isEqualTo(455);
            assertThat(r.bodyText()).contains("must be in state");
            assertThat(c.requestIgnoreFrames("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // A connection bound to a session cannot switch to another one (it would steal it): 400 and close.
    @Test
    void connectionLinkedToAnotherSession() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c1 = ts.connect();
            String s1 = c1.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient c2 = ts.connect();
            c2.doSetup(ts.url("/teststream/trackID=0"), TCP, null);
            RtspTestClient.Response r = c2.request("PLAY", ts.url("/teststream"), "Session: " + s1);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("connection is linked to another session");
            assertThat(c2.awaitClosed()).isTrue();
        }
    }

    // TestServerSetupMultipleTransports: the first supported alternative wins (UDP disabled here: TCP).
    @Test
    void setupPicksFirstSupportedTransport() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = TestServer.start(h, b -> b.udpAddresses("", ""))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP;unicast;client_port=35466-35467,RTP/AVP/TCP;unicast;interleaved=0-1", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Transport")).matches("RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=[0-9A-F]{8}");
        }
    }

    // TestServerGetSetParameter: parameters reach the handler inside and outside a session; user data visible.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"outside session", "inside session"})
    void getSetParameter(String where) throws Exception {
        AtomicReference<byte[]> params = new AtomicReference<>(new byte[0]);
        TestHandler h = TestHandler.serving(stream::get)
                .setParameter(ctx -> {
                    params.set(ctx.request().body());
                    if (ctx.session() != null) {
                        assertThat(ctx.session().userData()).isEqualTo("session data");
                    }
                    assertThat(ctx.connection().userData()).isEqualTo("connection data");
                    return Reply.ok();
                })
                .getParameter(ctx -> Reply.of(RtspResponse.builder(RtspStatus.OK)
                        .header(RtspHeaderNames.CONTENT_TYPE, "text/parameters").body(params.get()).build()));
        h.connectionOpen = c -> c.setUserData("connection data");
        h.sessionOpen = s -> s.setUserData("session data");
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String sessionHeader = null;
            if (where.equals("inside session")) {
                sessionHeader = "Session: " + c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            }
            RtspTestClient.Response r = c.request("SET_PARAMETER", ts.url("/teststream"), Fixtures.utf8("param1: 123\r\n"),
                    "Content-Type: text/parameters", sessionHeader);
            assertThat(r.status()).isEqualTo(200);
            r = c.request("GET_PARAMETER", ts.url("/teststream"), Fixtures.utf8("param1\r\n"),
                    "Content-Type: text/parameters", sessionHeader);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("param1: 123\r\n");
        }
    }

    // GET_PARAMETER is the keep-alive of FFmpeg and others: answered 200 (empty text/parameters) without handler.
    @Test
    void getParameterWithoutHandlerIsAKeepAlive() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.request("GET_PARAMETER", ts.url("/teststream"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/parameters");
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            r = c.request("GET_PARAMETER", ts.url("/teststream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.session()).isEqualTo(session);
            assertThat(r.header("Session")).isEqualTo(session + ";timeout=55");
        }
    }

    static Stream<Arguments> sessionMethods() {
        return Stream.of(Arguments.of("PLAY"), Arguments.of("RECORD"), Arguments.of("PAUSE"), Arguments.of("TEARDOWN"),
                Arguments.of("GET_PARAMETER"), Arguments.of("OPTIONS"));
    }

    // TestServerErrorInvalidSession: an unknown Session id is 454; the client may start again, so the
    // connection stays open (gortsplib closes it).
    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionMethods")
    void unknownSessionIs454(String method) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.request(method, ts.url("/teststream"), "Session: 0123456789abcdef");
            assertThat(r.status()).isEqualTo(454);
            assertStillServing(c);
        }
    }

    // PLAY/RECORD/PAUSE/TEARDOWN without any session: 454 Session Not Found (gortsplib answers 501).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PLAY", "RECORD", "PAUSE", "TEARDOWN"})
    void sessionMethodWithoutSessionIs454(String method) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            assertThat(c.request(method, ts.url("/teststream")).status()).isEqualTo(454);
            assertStillServing(c);
        }
    }

    // Larix and others echo ";timeout=60" in the Session header: the id is matched without parameters.
    @Test
    void sessionHeaderParametersAreIgnored() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient.Response r = c.request("PLAY", ts.url("/teststream"), "Session: " + session + ";timeout=60");
            assertThat(r.status()).isEqualTo(200);
        }
    }

    // TestServerSessionClose: ServerSession.close() (twice) closes the session's connection.
    @Test
    void sessionCloseClosesItsConnection() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            c.doSetup(ts.url("/teststream/trackID=0"), TCP, null);
            ServerSession s = h.awaitSessionOpen();
            s.close();
            s.close();
            assertThat(c.awaitClosed()).isTrue();
            assertThat(h.awaitSessionClose().message()).isEqualTo("closed by the application");
            assertThat(h.sessionsClosed).isEmpty();
        }
    }

    // TestServerSessionAutoClose: a session that is not streaming dies with its connection, even after a failed
    // SETUP.
    @ParameterizedTest(name = "setup answered {0}")
    @ValueSource(ints = {200, 400})
    void sessionClosesWithItsConnection(int status) throws Exception {
        TestHandler h = TestHandler.serving(stream::get)
                .setup(ctx -> status == 200 ? Reply.ok(stream.get()) : Reply.status(RtspStatus.BAD_REQUEST));
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            assertThat(c.setup(ts.url("/teststream/trackID=0"), TCP, null).status()).isEqualTo(status);
            h.awaitSessionOpen();
            c.close();
            assertThat(h.awaitSessionClose().reason()).isNotNull();
            assertThat(ts.server.sessions()).isEmpty();
        }
    }

    // TestServerSessionTeardown: after TEARDOWN the connection is free again (OPTIONS, DESCRIBE, a new SETUP).
    @Test
    void connectionUsableAfterTeardown() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient.Response r = c.request("TEARDOWN", ts.url("/teststream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Session")).isNull();
            assertThat(h.awaitSessionClose().message()).startsWith("torn down by");
            assertThat(c.request("OPTIONS", ts.url("/teststream")).status()).isEqualTo(200);
            assertThat(c.describe("/teststream").status()).isEqualTo(200);
            String other = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            assertThat(other).isNotEqualTo(session);
        }
    }

    // Session ids are 128 random bits in hex (the id is the only credential of a session), and the Session header
    // advertises the idle timeout less 5 s (Media Foundation sends keep-alives exactly at the timeout).
    @Test
    void sessionIdAndAdvertisedTimeout() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null);
            assertThat(r.header("Session")).matches("[0-9a-f]{32};timeout=55");
        }
    }

    // TestServerReloadDesc: DESCRIBE shows new SPS/PPS only after reloadDescription(); controls stay trackID=N.
    @Test
    void reloadDescription() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            assertThat(c.describe("/teststream").bodyText()).contains("Z00AKp2oHgCJ+WbgICAgQA==");
            Session updated = Session.parse(Fixtures.h264Sdp("trackID=0")
                    .replace("Z00AKp2oHgCJ+WbgICAgQA==,aO48gA==", "Z2QAKKy0A8ARPyo=,aO4xshs="));
            assertThat(c.describe("/teststream").bodyText()).doesNotContain("Z2QAKKy0A8ARPyo=");
            Media original = stream.get().description().medias().get(0);
            stream.get().reloadDescription(updated);
            String sdp = c.describe("/teststream").bodyText();
            assertThat(sdp).contains("Z2QAKKy0A8ARPyo=").contains("a=control:trackID=0");
            // A publisher keeps writing with the medias it announced, and new ones work too.
            for (Media m : List.of(original, updated.medias().get(0))) {
                RtpPacket p = Fixtures.packet(96, 1, 0, 1, Fixtures.NON_IDR);
                try {
                    stream.get().writeRtp(m, p);
                } finally {
                    p.release();
                }
            }
        }
    }

    // The default handler implements nothing: only OPTIONS, GET_PARAMETER and TEARDOWN are advertised.
    @Test
    void defaultHandlerSupportsNothing() {
        assertThat(new ServerHandler() { }.supportedMethods())
                .isEqualTo(Set.of(RtspMethod.GET_PARAMETER, RtspMethod.TEARDOWN));
    }
}
