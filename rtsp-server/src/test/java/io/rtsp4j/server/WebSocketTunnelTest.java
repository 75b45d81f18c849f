package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RTSP over WebSocket (ONVIF, gortsplib-server.md §6.5 and the gaps of §14 item 10), with Netty's WebSocket
 * client: the subprotocol echo browsers require, {@code Connection: keep-alive, Upgrade}, play and record with
 * interleaved media both ways, pings, text and oversized frames, UDP refused.
 */
class WebSocketTunnelTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private TestServer start(TestHandler h, java.util.function.UnaryOperator<RtspServerConfig.Builder> tweak) {
        TestServer ts = TestServer.start(h, tweak);
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    // Netty's client, like browsers, fails the handshake unless the subprotocol is echoed; any path is accepted,
    // and Firefox's "Connection: keep-alive, Upgrade" as well as the plain form.
    @ParameterizedTest(name = "Connection: {0}")
    @ValueSource(strings = {"Upgrade", "keep-alive, Upgrade", "upgrade"})
    void handshakeEchoesTheSubprotocol(String connection) throws Exception {
        try (TestServer ts = start(new TestHandler(), b -> b);
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/any/path?x=1", connection)) {
            assertThat(ws.responseHeaders().get("Sec-WebSocket-Protocol")).isEqualTo("rtsp.onvif.org");
            RtspTestClient c = ws.rtsp();
            ServerProtocolTest.assertStillServing(c);
            assertThat(ts.server.connections()).singleElement()
                    .satisfies(conn -> assertThat(conn.tunnel()).isEqualTo(Tunnel.WEBSOCKET));
        }
    }

    @Test
    void playThroughTheTunnel() throws Exception {
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get).play(ctx -> {
            ctx.session().onPacketRtcpAny((media, packet) -> fromReader.add(packet));
            return Reply.ok();
        });
        try (TestServer ts = start(h, b -> b);
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/teststream", "Upgrade")) {
            RtspTestClient c = ws.rtsp();
            RtspTestClient.Response r = c.describe("/teststream");
            assertThat(r.status()).isEqualTo(200);
            String session = c.doSetup(c.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(c.url("/teststream"), session);
            for (int seq = 1; seq <= 50; seq++) {
                RtpPacket p = Fixtures.packet(96, seq, seq * 3000L, 0x11223344L, Fixtures.NON_IDR);
                try {
                    stream.get().writeRtp(stream.get().description().medias().get(0), p);
                } finally {
                    p.release();
                }
            }
            for (int seq = 1; seq <= 50; seq++) {
                assertThat(Fixtures.sequenceNumber(c.readFrame(0).payload())).isEqualTo(seq);
            }
            c.sendFrame(1, Fixtures.rtcp(new ReceiverReport(0x55, List.of())));
            await().atMost(Duration.ofSeconds(5)).until(() -> !fromReader.isEmpty());
            ServerConnection conn = ts.server.connections().get(0);
            assertThat(conn.stats().inboundBytes()).isGreaterThan(200);
            assertThat(conn.stats().outboundBytes()).isGreaterThan(50 * 17);
            assertThat(c.requestIgnoreFrames("TEARDOWN", c.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void recordThroughTheTunnel() throws Exception {
        List<Integer> seqs = new CopyOnWriteArrayList<>();
        TestHandler h = new TestHandler().announce(ctx -> Reply.ok()).setup(ctx -> Reply.ok()).record(ctx -> {
            ctx.session().onPacketRtpAny((media, format, p) -> seqs.add(p.sequenceNumber()));
            return Reply.ok();
        });
        try (TestServer ts = start(h, b -> b);
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/", "Upgrade")) {
            RtspTestClient c = ws.rtsp();
            String url = c.url("/teststream");
            c.doAnnounce(url, Fixtures.twoMediaSdp());
            String session = c.doSetup(url + "/trackID=0", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", null)
                    .session();
            c.doSetup(url + "/trackID=1", "RTP/AVP/TCP;unicast;interleaved=2-3;mode=record", session);
            c.doRecord(url, session);
            for (int i = 1; i <= 10; i++) {
                c.sendFrame(0, Fixtures.rtp(96, i, i * 3000L, 0x1234, Fixtures.NON_IDR));
            }
            // Several frames and a request in one message, and a frame cut over two messages: a byte stream.
            byte[] a = Fixtures.rtp(96, 11, 0, 0x1234, Fixtures.NON_IDR);
            byte[] b = Fixtures.rtp(96, 12, 0, 0x1234, Fixtures.NON_IDR);
            byte[] both = new byte[8 + a.length + b.length];
            both[0] = '$';
            both[2] = (byte) (a.length >> 8);
            both[3] = (byte) a.length;
            System.arraycopy(a, 0, both, 4, a.length);
            both[4 + a.length] = '$';
            both[6 + a.length] = (byte) (b.length >> 8);
            both[7 + a.length] = (byte) b.length;
            System.arraycopy(b, 0, both, 8 + a.length, b.length);
            ws.send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(both, 0, 10)));
            ws.send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(both, 10, both.length - 10)));
            await().atMost(Duration.ofSeconds(5)).until(() -> seqs.size() == 12);
            assertThat(seqs).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RTP/AVP;unicast;client_port=35466-35467", "RTP/AVP;multicast"})
    void udpIsRefusedInsideTheTunnel(String transport) throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), b -> b.multicast("224.1.0.0/16", 8002, 8003));
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/", "Upgrade")) {
            RtspTestClient c = ws.rtsp();
            assertThat(c.setup(c.url("/teststream/trackID=0"), transport, null).status()).isEqualTo(461);
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // A text message is not RTSP over WebSocket: close code 1003 with a reason, the connection ends.
    @Test
    void textMessageClosesTheConnection() throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h, b -> b);
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/", "Upgrade")) {
            ws.sendText("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            WebSocketTestClient.Close close = ws.closeFrame.get(5, TimeUnit.SECONDS);
            assertThat(close.statusCode()).isEqualTo(1003);
            assertThat(close.reasonText()).isEqualTo("RTSP over WebSocket uses binary messages");
            assertThat(ws.awaitClosed()).isTrue();
            assertThat(h.awaitConnectionClose().message()).startsWith("WebSocket text message received");
            ServerProtocolTest.assertStillServing(ts.connect());
        }
    }

    // A frame over webSocketMaxFrameSize: Netty's decoder closes with 1009.
    @Test
    void oversizedFrameClosesTheConnection() throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h, b -> b.webSocketMaxFrameSize(1024));
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/", "Upgrade")) {
            ws.send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[5000])));
            assertThat(ws.awaitClosed()).isTrue();
            assertThat(h.awaitConnectionClose().message()).contains("1024");
        }
    }

    // Pings: the server answers the client's, and sends its own every webSocketPingInterval.
    @Test
    void pingsBothWays() throws Exception {
        try (TestServer ts = start(new TestHandler(), b -> b.webSocketPingInterval(Duration.ofMillis(50)));
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/", "Upgrade")) {
            ws.sendPing("hello");
            assertThat(ws.pongsReceived.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
            await().atMost(Duration.ofSeconds(5)).until(() -> ws.pingsReceived.get() >= 2);
            ServerProtocolTest.assertStillServing(ws.rtsp());
        }
    }

    // A close frame from the client is answered and ends the connection with a clear reason.
    @Test
    void closeFrameFromTheClient() throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h, b -> b);
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/", "Upgrade")) {
            ws.send(new CloseWebSocketFrame(1000, "bye"));
            assertThat(ws.closeFrame.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(1000);
            assertThat(h.awaitConnectionClose().message()).isEqualTo("WebSocket closed by the client (1000 bye)");
        }
    }

    // A server-side close (here the idle timeout) sends a close frame first.
    @Test
    void serverCloseSendsACloseFrame() throws Exception {
        TestHandler h = new TestHandler();
        try (TestServer ts = start(h, b -> b.idleTimeout(Duration.ofMillis(300)));
                WebSocketTestClient ws = WebSocketTestClient.connect(ts.address(), "/", "Upgrade")) {
            assertThat(ws.closeFrame.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(1000);
            assertThat(h.awaitConnectionClose().message()).contains("idle timeout");
        }
    }

    @Test
    void disabledWebSocket() throws Exception {
        try (TestServer ts = start(new TestHandler(), b -> b.webSocketTunnel(false))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> WebSocketTestClient.connect(ts.address(), "/", "Upgrade").close())
                    .hasMessageContaining("400");
        }
    }
}
