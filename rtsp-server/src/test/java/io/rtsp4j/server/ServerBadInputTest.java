package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input over raw sockets: each gets its documented answer, the server keeps serving the others, and no buffer
 * leaks (the leak extension fails the class otherwise).
 */
class ServerBadInputTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private TestServer start() {
        return start(TestHandler.serving(stream::get));
    }

    private TestServer start(TestHandler h) {
        TestServer ts = TestServer.start(h);
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    // Bytes that cannot start a message (binary junk, stray CRLF keep-alives) are skipped, like gortsplib does;
    // the next real request is answered on the same connection.
    @Test
    void junkBetweenRequestsIsSkipped() throws Exception {
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            byte[] junk = new byte[4096];
            new Random(1).nextBytes(junk);
            for (int i = 0; i < junk.length; i++) {
                // Keep '$' and capitals out: they would start a frame or a request line.
                if (junk[i] == '$' || (junk[i] >= 'A' && junk[i] <= 'Z')) {
                    junk[i] = 0;
                }
            }
            c.send(junk).send("\r\n\r\n");
            assertThat(c.request("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // Seeded random garbage (any bytes): the server never crashes, answers what it can, keeps serving others.
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomGarbage(long seed) throws Exception {
        try (TestServer ts = start()) {
            Random r = new Random(seed);
            RtspTestClient c = ts.connect();
            for (int i = 0; i < 20; i++) {
                byte[] garbage = new byte[r.nextInt(2000)];
                r.nextBytes(garbage);
                try {
                    c.send(garbage);
                } catch (IOException e) {
                    break; // closed by the server: allowed for garbage
                }
            }
            RtspTestClient other = ts.connect();
            assertThat(other.request("OPTIONS", "*").status()).isEqualTo(200);
            assertThat(other.describe("/teststream").status()).isEqualTo(200);
        }
    }

    // Mutations of real requests (a seeded property test): whatever the server makes of them, it answers with
    // a valid status or closes, and keeps serving other clients.
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void mutatedRequests(long seed) throws Exception {
        try (TestServer ts = start()) {
            Random r = new Random(seed);
            String url = ts.url("/teststream");
            List<String> valid = List.of(
                    "OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1\r\n\r\n",
                    "DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n",
                    "SETUP " + url + "/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: " + TCP + "\r\n\r\n",
                    "ANNOUNCE " + url + " RTSP/1.0\r\nCSeq: 4\r\nContent-Type: application/sdp\r\nContent-Length: "
                            + Fixtures.h264Sdp("trackID=0").length() + "\r\n\r\n" + Fixtures.h264Sdp("trackID=0"));
            for (int i = 0; i < 40; i++) {
                byte[] b = valid.get(r.nextInt(valid.size())).getBytes(StandardCharsets.ISO_8859_1);
                int mutations = 1 + r.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                try (RtspTestClient c = new RtspTestClient(ts.address())) {
                    c.send(b);
                    c.socket().shutdownOutput();
                    // Read whatever comes back until the server closes (it must, the client half-closed).
                    c.awaitClosed();
                }
            }
            RtspTestClient other = ts.connect();
            assertThat(other.describe("/teststream").status()).isEqualTo(200);
        }
    }

    static Stream<Arguments> oversized() {
        return Stream.of(
                Arguments.of("header value over 2048 bytes", "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Big: "
                        + repeat('a', 5000) + "\r\n\r\n", 400),
                Arguments.of("more than 255 header lines", "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n"
                        + "X-H: v\r\n".repeat(300) + "\r\n", 400),
                Arguments.of("URL over 2048 bytes", "DESCRIBE rtsp://127.0.0.1/" + repeat('a', 5000)
                        + " RTSP/1.0\r\nCSeq: 1\r\n\r\n", 414),
                Arguments.of("body over 128 KiB", "SET_PARAMETER * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 200000\r\n\r\n"
                        + repeat('x', 200000), 413),
                Arguments.of("RTSP/2.0", "OPTIONS * RTSP/2.0\r\nCSeq: 1\r\n\r\n", 505),
                Arguments.of("bad Content-Length", "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: -5\r\n\r\n", 400),
                Arguments.of("header line without colon", "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nnocolon\r\n\r\n", 400));
    }

    // Oversized or malformed requests get the decoder's status (400, 413, 414, 505); RTSP/2.0 gets 505 where
    // gortsplib drops the connection; the server keeps serving other clients.
    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void oversizedAndMalformedRequests(String name, String raw, int status) throws Exception {
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            c.send(raw);
            RtspTestClient.Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(status);
            assertThat(ts.connect().request("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // The decoding limits are configurable (here a 1 KiB body limit): over it, 413.
    @Test
    void configuredBodyLimit() throws Exception {
        try (TestServer ts = TestServer.start(new TestHandler(), b -> b.decoderConfig(
                io.rtsp4j.base.codec.RtspDecoderConfig.builder().maxBodyLength(1024).build()))) {
            RtspTestClient c = ts.connect();
            assertThat(c.request("SET_PARAMETER", ts.url("/x"), new byte[2000]).status()).isEqualTo(413);
            assertThat(c.request("SET_PARAMETER", ts.url("/x"), new byte[500]).status()).isEqualTo(501);
        }
    }

    // When the message boundaries are still known (RTSP/2.0, a too long header, a body over the limit), the same
    // connection goes on; the CSeq is echoed when it was read.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RTSP/2.0", "header value over 2048 bytes"})
    void recoverableDecodeFailuresKeepTheConnection(String name) throws Exception {
        String raw = name.equals("RTSP/2.0") ? "OPTIONS * RTSP/2.0\r\nCSeq: 7\r\n\r\n"
                : "OPTIONS * RTSP/1.0\r\nCSeq: 7\r\nX-Big: " + repeat('a', 5000) + "\r\n\r\n";
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            c.send(raw);
            RtspTestClient.Response r = c.readResponse();
            assertThat(r.header("CSeq")).isEqualTo("7");
            assertThat(c.request("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // A start line longer than any limit is answered 414 once it ends; the connection goes on.
    @Test
    void hugeStartLine() throws Exception {
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            c.send("DESCRIBE rtsp://127.0.0.1/" + repeat('a', 100_000) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(414);
            // The decoder skipped the line and knows where the next message starts: the connection goes on.
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // An HTTP request on the RTSP port that is no tunnel (HttpTunnelTest has the others): HTTP 400, and the
    // server goes on.
    @Test
    void httpRequest() throws Exception {
        try (TestServer ts = start(); HttpTunnelTestClient.Half c = HttpTunnelTestClient.open(ts.address(), null,
                "GET /teststream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) {
            assertThat(c.readHead().statusLine()).isEqualTo("HTTP/1.0 400 Bad Request");
            assertThat(ts.connect().request("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // A response sent by a client is ignored (the server sends no requests); the connection goes on.
    @Test
    void responseFromAClientIsIgnored() throws Exception {
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            c.send("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
            assertThat(c.request("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // Several requests in one write (pipelining) are answered in order.
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= 5; i++) {
                sb.append("OPTIONS * RTSP/1.0\r\nCSeq: ").append(i).append("\r\n\r\n");
            }
            c.send(sb.toString());
            for (int i = 1; i <= 5; i++) {
                assertThat(c.readResponse().header("CSeq")).isEqualTo(String.valueOf(i));
            }
        }
    }

    static Stream<Arguments> badTransports() {
        return Stream.of(
                Arguments.of("missing", null, 400),
                Arguments.of("no profile", "unicast;client_port=1000-1001", 400),
                Arguments.of("garbage", "\u0001\u0002;;;==", 400),
                Arguments.of("bad port", "RTP/AVP;unicast;client_port=abc", 400),
                Arguments.of("port out of range", "RTP/AVP;unicast;client_port=70000-70001", 400),
                Arguments.of("interleaved out of range", "RTP/AVP/TCP;unicast;interleaved=300-301", 400),
                Arguments.of("unknown profile only", "RTP/XYZ;unicast", 400),
                Arguments.of("only unsupported alternatives", "RTP/SAVP/TCP;unicast;interleaved=0-1", 461));
    }

    // Bad Transport headers: 400 (461 when it is valid but nothing is supported); the client can try again on the
    // same connection.
    @ParameterizedTest(name = "{0}")
    @MethodSource("badTransports")
    void badTransportHeaders(String name, String transport, int status) throws Exception {
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = transport == null ? c.request("SETUP", ts.url("/teststream/trackID=0"))
                    : c.setup(ts.url("/teststream/trackID=0"), transport, null);
            assertThat(r.status()).isEqualTo(status);
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(ts.url("/teststream"), session);
        }
    }

    // A malformed Session header is a bad request, not a crash.
    @Test
    void badSessionHeader() throws Exception {
        try (TestServer ts = start()) {
            RtspTestClient c = ts.connect();
            assertThat(c.request("PLAY", ts.url("/teststream"), "Session: ;timeout=abc").status()).isEqualTo(400);
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // An interleaved frame on a connection without session cannot be meant for anything: the connection is closed
    // (received unexpected interleaved frame); frames of a TCP session before PLAY are dropped.
    @Test
    void unexpectedInterleavedFrames() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.sendFrame(1, Fixtures.rtcp(new ReceiverReport(1, List.of())));
            c.doPlay(ts.url("/teststream"), session);
            RtspTestClient other = ts.connect();
            other.sendFrame(0, new byte[] {1, 2, 3});
            assertThat(other.awaitClosed()).isTrue();
            assertThat(h.awaitConnectionClose().message()).isEqualTo("received unexpected interleaved frame");
        }
    }

    // Frames on channels that were not set up are ignored (RFC 2326 §10.12 lets clients use them).
    @Test
    void framesOnUnknownChannelsAreIgnored() throws Exception {
        List<RtcpPacket> rtcp = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtcpAny((m, p) -> rtcp.add(p));
            return Reply.ok();
        };
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(ts.url("/teststream"), session);
            c.sendFrame(7, new byte[] {1, 2, 3});
            c.sendFrame(0, Fixtures.rtp(96, 1, 0, 1, Fixtures.IDR)); // RTP from a reader on a non back channel
            c.sendFrame(1, Fixtures.rtcp(new ReceiverReport(5, List.of())));
            await().atMost(Duration.ofSeconds(5)).until(() -> !rtcp.isEmpty());
            assertThat(c.requestIgnoreFrames("GET_PARAMETER", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
        }
    }

    // RTCP from another address than a UDP reader's declared RTCP port is dropped (§5.4).
    @Test
    void readerRtcpFromTheWrongAddressIsDropped() throws Exception {
        List<RtcpPacket> rtcp = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtcpAny((m, p) -> rtcp.add(p));
            return Reply.ok();
        };
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), "RTP/AVP;unicast;" + ports.clientPort(), null)
                    .session();
            c.doPlay(ts.url("/teststream"), session);
            UdpPorts intruder = ts.udpPorts();
            intruder.sendRtcp(Fixtures.rtcp(new ReceiverReport(666, List.of())), ts.udpRtcp());
            ports.sendRtp(Fixtures.rtcp(new ReceiverReport(667, List.of())), ts.udpRtcp());
            ports.sendRtcp(Fixtures.rtcp(new ReceiverReport(1, List.of())), ts.udpRtcp());
            await().atMost(Duration.ofSeconds(5)).until(() -> !rtcp.isEmpty());
            Thread.sleep(200);
            assertThat(rtcp).containsExactly(new ReceiverReport(1, List.of()));
        }
    }

    // Limits: over maxConnections a new connection gets 503 and is closed, the others go on.
    @Test
    void maxConnections() throws Exception {
        try (TestServer ts = TestServer.start(new TestHandler(), b -> b.maxConnections(2))) {
            RtspTestClient c1 = ts.connect();
            RtspTestClient c2 = ts.connect();
            assertThat(c1.request("OPTIONS", "*").status()).isEqualTo(200);
            assertThat(c2.request("OPTIONS", "*").status()).isEqualTo(200);
            RtspTestClient c3 = ts.connect();
            assertThat(c3.readResponse().status()).isEqualTo(503);
            assertThat(c3.awaitClosed()).isTrue();
            assertThat(c1.request("OPTIONS", "*").status()).isEqualTo(200);
            c2.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> ts.server.connections().size() == 1);
            assertThat(ts.connect().request("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // Limits: maxConnectionsPerIp, the same way.
    @Test
    void maxConnectionsPerIp() throws Exception {
        try (TestServer ts = TestServer.start(new TestHandler(), b -> b.maxConnectionsPerIp(1))) {
            RtspTestClient c1 = ts.connect();
            assertThat(c1.request("OPTIONS", "*").status()).isEqualTo(200);
            RtspTestClient c2 = ts.connect();
            assertThat(c2.readResponse().status()).isEqualTo(503);
            assertThat(c2.awaitClosed()).isTrue();
            assertThat(c1.request("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // Limits: maxSessions: the SETUP over the limit gets 503 and its connection is closed.
    @Test
    void maxSessions() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = TestServer.start(h, b -> b.maxSessions(1))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient c1 = ts.connect();
            c1.doSetup(ts.url("/teststream/trackID=0"), TCP, null);
            RtspTestClient c2 = ts.connect();
            assertThat(c2.setup(ts.url("/teststream/trackID=0"), TCP, null).status()).isEqualTo(503);
            assertThat(c2.awaitClosed()).isTrue();
        }
    }

    // A client that stops reading: the server keeps serving the other readers (they get every packet), the slow
    // one loses packets (counted, reported to onStreamWriteError) and is closed after the write timeout; the
    // publisher is never slowed down.
    @Test
    void slowReaderIsDroppedAndClosed() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = TestServer.start(h, b -> b.writeTimeout(Duration.ofSeconds(1)).writeQueueSize(1024))) {
            stream.set(ts.stream(Fixtures.h264()));
            // The slow reader: a tiny receive window, and it never reads after PLAY.
            RtspTestClient slow = ts.connect(4096);
            String slowSession = slow.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            slow.doPlay(ts.url("/teststream"), slowSession);
            ServerSession slowServerSide = ts.server.sessions().get(0);

            RtspTestClient fast = ts.connect();
            fast.doPlay(ts.url("/teststream"), fast.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session());
            int total = 8000;
            List<Integer> got = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    while (got.size() < total) {
                        RtspTestClient.Frame f = fast.readFrame();
                        if (f.channel() == 0) {
                            got.add(Fixtures.sequenceNumber(f.payload()));
                        }
                    }
                } catch (IOException e) {
                    // the assertion below reports it
                }
            });
            reader.start();
            byte[] payload = new byte[1200];
            payload[0] = 0x41;
            for (int seq = 0; seq < total; seq++) {
                RtpPacket p = Fixtures.packet(96, seq, seq * 3000L, 1, payload);
                try {
                    stream.get().writeRtp(stream.get().description().medias().get(0), p);
                } finally {
                    p.release();
                }
                if (seq % 8 == 0) {
                    Thread.sleep(2); // bursts below the queue size: only the slow reader must lose packets
                }
            }
            reader.join(20_000);
            assertThat(got).hasSize(total);
            for (int i = 0; i < total; i++) {
                assertThat(got.get(i)).isEqualTo(i);
            }
            assertThat(slowServerSide.stats().outboundRtpPacketsDropped()).isPositive();
            assertThat(TestHandler.await(h.streamWriteErrors, "onStreamWriteError").getMessage())
                    .contains("reader is too slow");
            assertThat(stream.get().stats().medias().get(0).droppedPackets()).isPositive();
            // Closed after the write timeout.
            TestHandler.Closed<ServerSession> closed = h.awaitSessionClose();
            assertThat(closed.subject()).isSameAs(slowServerSide);
            assertThat(h.connectionsClosed.stream().map(TestHandler.Closed::message))
                    .anyMatch(m -> m.contains("write timeout"));
            // The fast reader is still served.
            assertThat(fast.requestIgnoreFrames("OPTIONS", "*").status()).isEqualTo(200);
        }
    }

    // A connection reset in the middle of a frame is reported as the reset, not as the truncated frame the
    // decoder sees next (server-bugs.md B3: the reason must say what happened).
    @Test
    void resetIsTheCloseReason() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(ts.url("/teststream"), session);
            c.send(new byte[] {'$', 1, 0x10, 0x00, 1, 2, 3}); // a frame announcing 4096 bytes, cut short
            Thread.sleep(100);
            c.socket().setSoLinger(true, 0);
            c.close(); // RST
            assertThat(h.awaitConnectionClose().message()).containsIgnoringCase("reset");
        }
    }

    // Many clients connecting and vanishing mid-request leave nothing behind.
    @Test
    void clientsVanishingMidRequest() throws Exception {
        try (TestServer ts = start()) {
            for (int i = 0; i < 50; i++) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", ts.address().getPort()));
                    s.getOutputStream().write(("DESCRIBE " + ts.url("/teststream") + " RTSP/1.0\r\nCSeq: 1\r\nContent-Len")
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> ts.server.connections().isEmpty());
            assertThat(ts.connect().describe("/teststream").status()).isEqualTo(200);
        }
    }
}
