package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.server.HttpTunnelTestClient.Half;
import io.rtsp4j.server.HttpTunnelTestClient.Head;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RTSP over HTTP (the QuickTime tunnel, gortsplib-server.md §6.4, gortsplib's TestServerTunnelHTTP): the GET
 * answer, pairing rules, play and record through the tunnel, UDP refused, and bad input.
 */
class HttpTunnelTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private TestServer start(TestHandler h) {
        return start(h, b -> b);
    }

    private TestServer start(TestHandler h, java.util.function.UnaryOperator<RtspServerConfig.Builder> tweak) {
        TestServer ts = TestServer.start(h, tweak);
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    private static void assertRefused(Half half, String reason) throws Exception {
        Head head = half.readHead();
        assertThat(head.statusLine()).isEqualTo("HTTP/1.0 400 Bad Request");
        assertThat(head.header("Connection")).isEqualTo("close");
        byte[] body = half.in().readNBytes(Integer.parseInt(head.header("Content-Length")));
        assertThat(new String(body, StandardCharsets.UTF_8)).contains(reason);
        assertThat(half.in().read()).as("closed after the 400").isEqualTo(-1);
    }

    // The GET answer of gortsplib and the QuickTime note: HTTP/1.0 200 with these headers and no Content-Length.
    @Test
    void getIsAnsweredWithTheTunnelHeaders() throws Exception {
        try (TestServer ts = start(new TestHandler()); Half get = HttpTunnelTestClient.open(ts.address(), null,
                HttpTunnelTestClient.getRequest("abc"))) {
            Head head = get.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.0 200 OK");
            assertThat(head.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(head.header("Connection")).isEqualTo("close");
            assertThat(head.header("Content-Type")).isEqualTo("application/x-rtsp-tunnelled");
            assertThat(head.header("Pragma")).isEqualTo("no-cache");
            assertThat(head.header("Content-Length")).isNull();
            assertThat(head.headers()).hasSize(4);
        }
    }

    // TestServerTunnelHTTP + play: DESCRIBE, SETUP, PLAY over base64 POST, answers and interleaved RTP on the GET,
    // RTCP from the reader through the POST; one RTSP connection (Tunnel.HTTP), the POST half joined it.
    @ParameterizedTest(name = "POST body in {0} piece(s) per message")
    @ValueSource(ints = {1, 3, 7})
    void playThroughTheTunnel(int pieces) throws Exception {
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get).play(ctx -> {
            ctx.session().onPacketRtcpAny((media, packet) -> fromReader.add(packet));
            return Reply.ok();
        });
        try (TestServer ts = start(h);
                RtspTestClient c = HttpTunnelTestClient.connect(ts.address(), "play-" + pieces, pieces)) {
            RtspTestClient.Response r = c.describe("/teststream");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).contains("m=video");
            String session = c.doSetup(c.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(c.url("/teststream"), session);

            RtpPacket p = Fixtures.packet(96, 321, 9000, 0x11223344L, Fixtures.NON_IDR);
            try {
                stream.get().writeRtp(stream.get().description().medias().get(0), p);
            } finally {
                p.release();
            }
            RtspTestClient.Frame f = c.readFrame(0);
            assertThat(Fixtures.sequenceNumber(f.payload())).isEqualTo(321);
            c.sendFrame(1, Fixtures.rtcp(new ReceiverReport(0x55, List.of())));
            await().atMost(Duration.ofSeconds(5)).until(() -> !fromReader.isEmpty());
            assertThat(fromReader).containsExactly(new ReceiverReport(0x55, List.of()));

            List<ServerConnection> conns = ts.server.connections();
            assertThat(conns).hasSize(1);
            ServerConnection conn = conns.get(0);
            assertThat(conn.tunnel()).isEqualTo(Tunnel.HTTP);
            assertThat(ts.server.sessions().get(0).transport().protocol()).isEqualTo(TransportProtocol.TCP);
            // Raw bytes: the base64 POST body is a third larger than the RTSP it carries.
            assertThat(conn.stats().inboundBytes()).isGreaterThan(200);
            assertThat(conn.stats().outboundBytes()).isGreaterThan(300);

            assertThat(c.requestIgnoreFrames("TEARDOWN", c.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
            TestHandler.Closed<ServerConnection> postHalf = h.awaitConnectionClose();
            assertThat(postHalf.message()).startsWith("joined the HTTP tunnel of");
            assertThat(postHalf.subject()).isNotSameAs(conn);
        }
    }

    // Publishing through the tunnel: ANNOUNCE, SETUP, RECORD, interleaved RTP through the POST, in order.
    @Test
    void recordThroughTheTunnel() throws Exception {
        List<Integer> seqs = new CopyOnWriteArrayList<>();
        TestHandler h = new TestHandler().announce(ctx -> Reply.ok()).setup(ctx -> Reply.ok()).record(ctx -> {
            ctx.session().onPacketRtpAny((media, format, p) -> seqs.add(p.sequenceNumber()));
            return Reply.ok();
        });
        try (TestServer ts = start(h);
                RtspTestClient c = HttpTunnelTestClient.connect(ts.address(), "record", 2)) {
            String url = c.url("/teststream");
            c.doAnnounce(url, Fixtures.twoMediaSdp());
            String session = c.doSetup(url + "/trackID=0", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", null)
                    .session();
            c.doSetup(url + "/trackID=1", "RTP/AVP/TCP;unicast;interleaved=2-3;mode=record", session);
            c.doRecord(url, session);
            for (int i = 1; i <= 20; i++) {
                c.sendFrame(0, Fixtures.rtp(96, i, i * 3000L, 0x1234, Fixtures.NON_IDR));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> seqs.size() == 20);
            assertThat(seqs).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
            assertThat(ts.server.sessions().get(0).state()).isEqualTo(ServerSessionState.RECORD);
        }
    }

    // gortsplib #896: UDP (unicast, multicast) cannot go through a tunnel: 461, the connection stays.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RTP/AVP;unicast;client_port=35466-35467", "RTP/AVP;multicast"})
    void udpIsRefusedInsideTheTunnel(String transport) throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), b -> b.multicast("224.1.0.0/16", 8002, 8003));
                RtspTestClient c = HttpTunnelTestClient.connect(ts.address(), "udp", 1)) {
            RtspTestClient.Response r = c.setup(c.url("/teststream/trackID=0"), transport, null);
            assertThat(r.status()).isEqualTo(461);
            ServerProtocolTest.assertStillServing(c);
            assertThat(c.setup(c.url("/teststream/trackID=0"), TCP, null).status()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------ pairing

    // A POST with another cookie does not join (400); the waiting GET is not disturbed and joins its own POST.
    @Test
    void postWithAnotherCookieIsRefused() throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h);
                Half get = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("mine"))) {
            assertThat(get.readHead().status()).isEqualTo(200);
            try (Half other = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.postRequest("other"))) {
                assertRefused(other, "no GET with x-sessioncookie 'other' is waiting");
            }
            try (Half post = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.postRequest("mine"))) {
                RtspTestClient c = new RtspTestClient(get.in(), new HttpTunnelTestClient.Base64Writer(post.out(), 1),
                        "rtsp://127.0.0.1:" + ts.address().getPort(), () -> { });
                ServerProtocolTest.assertStillServing(c);
            }
        }
    }

    @Test
    void postWithoutGetIsRefused() throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h);
                Half post = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.postRequest("x"))) {
            assertRefused(post, "HTTP tunnel POST: no GET with x-sessioncookie 'x' is waiting from 127.0.0.1");
            assertThat(h.awaitConnectionClose().message()).startsWith("invalid HTTP request: HTTP tunnel POST");
        }
    }

    @Test
    void getWithoutPostTimesOut() throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h, b -> b.tunnelPairingTimeout(Duration.ofMillis(200)));
                Half get = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("late"))) {
            assertThat(get.readHead().status()).isEqualTo(200);
            assertThat(get.in().read()).isEqualTo(-1);
            assertThat(h.awaitConnectionClose().message())
                    .isEqualTo("HTTP tunnel: no POST with x-sessioncookie 'late' within 200 ms of the GET");
            // too late now
            try (Half post = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.postRequest("late"))) {
                assertRefused(post, "no GET with x-sessioncookie 'late'");
            }
        }
    }

    // Each cookie pairs once: a second POST is refused and the first tunnel goes on.
    @Test
    void secondPostForTheSameCookieIsRefused() throws Exception {
        try (TestServer ts = start(new TestHandler());
                RtspTestClient c = HttpTunnelTestClient.connect(ts.address(), "once", 1)) {
            ServerProtocolTest.assertStillServing(c);
            try (Half again = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.postRequest("once"))) {
                assertRefused(again, "no GET with x-sessioncookie 'once' is waiting");
            }
            ServerProtocolTest.assertStillServing(c);
        }
    }

    @Test
    void secondGetForAWaitingCookieIsRefused() throws Exception {
        try (TestServer ts = start(new TestHandler());
                Half get = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("dup"))) {
            assertThat(get.readHead().status()).isEqualTo(200);
            try (Half again = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("dup"))) {
                assertRefused(again, "x-sessioncookie 'dup' is already waiting for its POST");
            }
        }
    }

    // Pairing by IP (default): a POST from another address does not join; turned off (load balancers), it does.
    @ParameterizedTest(name = "pair by IP: {0}")
    @ValueSource(booleans = {true, false})
    void postFromAnotherAddress(boolean checkIp) throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (TestServer ts = start(new TestHandler(), b -> b.tunnelPairingChecksIp(checkIp));
                Half get = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("lb"))) {
            // Clients POST once the GET is answered.
            assertThat(get.readHead().status()).isEqualTo(200);
            Half post = HttpTunnelTestClient.open(ts.address(), other, HttpTunnelTestClient.postRequest("lb"));
            if (checkIp) {
                assertRefused(post, "no GET with x-sessioncookie 'lb' is waiting from 127.0.0.2");
            } else {
                RtspTestClient c = new RtspTestClient(get.in(), new HttpTunnelTestClient.Base64Writer(post.out(), 1),
                        "rtsp://127.0.0.1:" + ts.address().getPort(), () -> { });
                ServerProtocolTest.assertStillServing(c);
            }
            post.close();
        }
    }

    // Closing either half ends the tunnel (and its session).
    @ParameterizedTest(name = "{0} half closed")
    @ValueSource(strings = {"GET", "POST"})
    void closingOneHalfClosesTheTunnel(String which) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h);
                Half get = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("halves"))) {
            assertThat(get.readHead().status()).isEqualTo(200);
            Half post = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.postRequest("halves"));
            RtspTestClient c = new RtspTestClient(get.in(), new HttpTunnelTestClient.Base64Writer(post.out(), 1),
                    "rtsp://127.0.0.1:" + ts.address().getPort(), () -> { });
            c.doSetup(c.url("/teststream/trackID=0"), TCP, null);
            assertThat(post.readHead().status()).isEqualTo(200);
            (which.equals("GET") ? get : post).close();
            assertThat(h.awaitSessionClose()).isNotNull();
            if (which.equals("GET")) {
                assertThat(post.in().read()).isEqualTo(-1);
            } else {
                assertThat(get.in().read()).isEqualTo(-1);
            }
            post.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> ts.server.connections().isEmpty());
        }
    }

    // ------------------------------------------------------------------------------------------ bad input

    static Stream<Arguments> httpRequestsThatAreNotTunnels() {
        String ws = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n";
        return Stream.of(
                Arguments.of("path-only GET", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "is neither an HTTP tunnel GET"),
                Arguments.of("GET without cookie", "GET /s HTTP/1.0\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n",
                        "HTTP tunnel GET without x-sessioncookie"),
                Arguments.of("GET with empty cookie", "GET /s HTTP/1.0\r\nAccept: application/x-rtsp-tunnelled\r\n"
                        + "x-sessioncookie:  \r\n\r\n", "HTTP tunnel GET without x-sessioncookie"),
                Arguments.of("GET with a body", "GET /s HTTP/1.0\r\nAccept: application/x-rtsp-tunnelled\r\n"
                        + "x-sessioncookie: a\r\nContent-Length: 3\r\n\r\nabc", "a tunnel GET has no body"),
                Arguments.of("POST of a form", "POST /s HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n"
                        + "\r\nabcd", "is not an HTTP tunnel POST"),
                Arguments.of("POST without cookie", "POST /s HTTP/1.0\r\nContent-Type: application/x-rtsp-tunnelled"
                        + "\r\n\r\n", "HTTP tunnel POST without x-sessioncookie"),
                Arguments.of("chunked POST", "POST /s HTTP/1.1\r\nContent-Type: application/x-rtsp-tunnelled\r\n"
                        + "x-sessioncookie: a\r\nTransfer-Encoding: chunked\r\n\r\n", "chunked body"),
                Arguments.of("other method", "POSTMAN /s HTTP/1.1\r\n\r\n", "HTTP method POSTMAN is not a tunnel"),
                Arguments.of("not HTTP", "GET /s FOO/1.0\r\n\r\n", "malformed HTTP request: invalid version format: FOO/1.0"),
                Arguments.of("header too long", "GET /s HTTP/1.1\r\nX-Long: " + "x".repeat(9000) + "\r\n\r\n",
                        "malformed HTTP request"),
                Arguments.of("request line too long", "GET /" + "x".repeat(9000) + " HTTP/1.1\r\n\r\n",
                        "malformed HTTP request"),
                Arguments.of("garbage header", "GET /s HTTP/1.1\r\n\u0001\u0002\u0003\r\n\r\n", "malformed HTTP"),
                Arguments.of("WebSocket without subprotocol", "GET /s HTTP/1.1\r\n" + ws + "\r\n",
                        "without Sec-WebSocket-Protocol: rtsp.onvif.org"),
                Arguments.of("WebSocket with another subprotocol", "GET /s HTTP/1.1\r\n" + ws
                        + "Sec-WebSocket-Protocol: chat\r\n\r\n", "without Sec-WebSocket-Protocol: rtsp.onvif.org"),
                Arguments.of("WebSocket without Connection: Upgrade", "GET /s HTTP/1.1\r\nUpgrade: websocket\r\n"
                        + "Connection: keep-alive\r\nSec-WebSocket-Protocol: rtsp.onvif.org\r\n\r\n",
                        "without the Upgrade token"),
                Arguments.of("WebSocket without key", "GET /s HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: rtsp.onvif.org\r\n\r\n",
                        "WebSocket upgrade refused"));
    }

    // Any other HTTP request: 400 with the reason, then close; the server goes on serving others.
    @ParameterizedTest(name = "{0}")
    @MethodSource("httpRequestsThatAreNotTunnels")
    void httpRequestsThatAreNotTunnelsGet400(String name, String request, String reason) throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h); Half half = HttpTunnelTestClient.open(ts.address(), null, request)) {
            assertRefused(half, reason);
            assertThat(h.awaitConnectionClose().message()).startsWith("invalid HTTP request: ");
            ServerProtocolTest.assertStillServing(ts.connect());
        }
    }

    @ParameterizedTest(name = "HTTP tunnel disabled, WebSocket {0}")
    @ValueSource(booleans = {true, false})
    void disabledTunnel(boolean webSocket) throws Exception {
        try (TestServer ts = start(new TestHandler(), b -> b.httpTunnel(false).webSocketTunnel(webSocket));
                Half get = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("off"))) {
            if (webSocket) {
                assertRefused(get, "RTSP over HTTP is disabled on this server");
            } else {
                // No detection at all: the RTSP decoder answers what it makes of an HTTP request.
                assertThat(get.readHead().statusLine()).startsWith("RTSP/1.0 ");
            }
        }
    }

    static Stream<Arguments> badTunnelBodies() {
        return Stream.of(
                Arguments.of("not base64", "!!!!", "invalid base64 in the POST body at character 44: not a base64 "
                        + "character (0x21)"),
                Arguments.of("padding after one character", "T===", "padding after 1 characters"),
                Arguments.of("one padding character of two", "T1=x", "expected '=' (second padding character)"),
                Arguments.of("binary", "\u0000\u00ff\u0010", "not a base64 character"));
    }

    // Garbage in the POST body closes the tunnel with a clear reason (no crash, no leak).
    @ParameterizedTest(name = "{0}")
    @MethodSource("badTunnelBodies")
    void badBase64ClosesTheTunnel(String name, String body, String reason) throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h);
                Half get = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.getRequest("bad"))) {
            assertThat(get.readHead().status()).isEqualTo(200);
            Half post = HttpTunnelTestClient.open(ts.address(), null, HttpTunnelTestClient.postRequest("bad"));
            // A valid request first, in a piece of its own
            RtspTestClient c = new RtspTestClient(get.in(), new HttpTunnelTestClient.Base64Writer(post.out(), 1),
                    "rtsp://127.0.0.1:" + ts.address().getPort(), () -> { });
            ServerProtocolTest.assertStillServing(c);
            post.out().write(body.getBytes(StandardCharsets.ISO_8859_1));
            post.out().flush();
            assertThat(get.in().read()).isEqualTo(-1);
            TestHandler.Closed<ServerConnection> postHalf = h.awaitConnectionClose();
            assertThat(postHalf.message()).startsWith("joined the HTTP tunnel");
            TestHandler.Closed<ServerConnection> tunnel = h.awaitConnectionClose();
            assertThat(tunnel.message()).contains(reason);
            assertThat(tunnel.subject().tunnel()).isEqualTo(Tunnel.HTTP);
            post.close();
            ServerProtocolTest.assertStillServing(ts.connect());
        }
    }

    // Property: seeded-random mutations of tunnel requests (GET, POST, WebSocket upgrade) and of a base64 body
    // never crash the server nor leak: every connection ends (answered or closed) and the server goes on.
    @Test
    void mutatedTunnelRequests() throws Exception {
        java.util.Random r = new java.util.Random(9);
        String ws = "GET /s HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: rtsp.onvif.org\r\n\r\n";
        List<String> seeds = List.of(HttpTunnelTestClient.getRequest("m"), HttpTunnelTestClient.postRequest("m")
                + java.util.Base64.getEncoder().encodeToString("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)), ws);
        try (TestServer ts = start(new TestHandler(), b -> b.tunnelPairingTimeout(Duration.ofMillis(200))
                .idleTimeout(Duration.ofMillis(500)))) {
            for (int round = 0; round < 30; round++) {
                byte[] b = seeds.get(round % seeds.size()).getBytes(StandardCharsets.ISO_8859_1);
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                try (Half h = HttpTunnelTestClient.open(ts.address(), null, new String(b, StandardCharsets.ISO_8859_1))) {
                    // read until the server closes (the idle timeout at the latest)
                    while (h.in().read() >= 0) {
                        // discard
                    }
                } catch (java.net.SocketException e) {
                    // reset by the server: fine
                }
            }
            ServerProtocolTest.assertStillServing(ts.connect());
            await().atMost(Duration.ofSeconds(5)).until(() -> ts.server.connections().size() == 1);
        }
    }

    // An RTSP request over the decoder's limits inside the tunnel: the decoder's 413, as on plain TCP.
    @Test
    void oversizedRequestThroughTheTunnel() throws Exception {
        try (TestServer ts = start(new TestHandler(), b -> b.decoderConfig(
                io.rtsp4j.base.codec.RtspDecoderConfig.builder().maxBodyLength(1024).build()));
                RtspTestClient c = HttpTunnelTestClient.connect(ts.address(), "big", 5)) {
            assertThat(c.request("SET_PARAMETER", c.url("/x"), new byte[200_000]).status()).isEqualTo(413);
        }
    }

    // Back-pressure: much more media than the tunnel buffer, sent while the handler answers RECORD late, all
    // arrives in order (the POST socket is paused, not the bytes dropped).
    @Test
    void mediaBehindASlowRecordIsKeptInOrder() throws Exception {
        List<Integer> seqs = new CopyOnWriteArrayList<>();
        TestHandler h = new TestHandler().announce(ctx -> Reply.ok()).setup(ctx -> Reply.ok()).record(ctx -> {
            ctx.session().onPacketRtpAny((media, format, p) -> seqs.add(p.sequenceNumber()));
            return Reply.async(java.util.concurrent.CompletableFuture.supplyAsync(Reply::ok,
                    java.util.concurrent.CompletableFuture.delayedExecutor(300,
                            java.util.concurrent.TimeUnit.MILLISECONDS)));
        });
        try (TestServer ts = start(h, b -> b.httpTunnelBufferSize(4096));
                RtspTestClient c = HttpTunnelTestClient.connect(ts.address(), "slow", 1)) {
            String url = c.url("/teststream");
            c.doAnnounce(url, Fixtures.twoMediaSdp());
            String session = c.doSetup(url + "/trackID=0", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", null)
                    .session();
            c.doSetup(url + "/trackID=1", "RTP/AVP/TCP;unicast;interleaved=2-3;mode=record", session);
            c.sendRequest("RECORD", url, null, "Session: " + session);
            byte[] payload = new byte[1000];
            payload[0] = 0x41;
            int n = 300;
            for (int i = 1; i <= n; i++) {
                c.sendFrame(0, Fixtures.rtp(96, i, i, 1, payload));
            }
            assertThat(c.readResponse().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> seqs.size() == n);
            assertThat(seqs).isEqualTo(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        }
    }
}
