package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.ReceptionReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.rtcp.SourceDescription;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import java.net.DatagramPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Readers: SETUP, PLAY, PAUSE and delivery of a stream (gortsplib-server.md §4.4–§8, checklist §12.2). */
class ServerPlayTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private TestServer start(TestHandler h, Session description) {
        return start(h, description, b -> b);
    }

    private TestServer start(TestHandler h, Session description,
            java.util.function.UnaryOperator<RtspServerConfig.Builder> tweak) {
        TestServer ts = TestServer.start(h, tweak);
        stream.set(ts.stream(description));
        return ts;
    }

    private Media media(int i) {
        return stream.get().description().medias().get(i);
    }

    private void writeRtp(int mediaIndex, int seq, long ts, byte[] payload) {
        int pt = media(mediaIndex).formats().get(0).payloadType();
        RtpPacket p = Fixtures.packet(pt, seq, ts, 0x11223344L, payload);
        try {
            stream.get().writeRtp(media(mediaIndex), p);
        } finally {
            p.release();
        }
    }

    private static String udp(UdpPorts ports) {
        return "RTP/AVP;unicast;" + ports.clientPort();
    }

    // ------------------------------------------------------------------------------------------ paths

    static Stream<Arguments> playPaths() {
        return Stream.of(
                Arguments.of("standard", "/teststream[control]", "/teststream/", "/teststream", ""),
                Arguments.of("query, ffmpeg format", "/teststream?testing=123[control]", "/teststream/", "/teststream",
                        "testing=123"),
                Arguments.of("query, gstreamer format", "/teststream[control]?testing=123", "/teststream/",
                        "/teststream", "testing=123"),
                Arguments.of("no control (ffmpeg reading mpegts)", "/teststream/", "/teststream/", "/teststream", ""),
                Arguments.of("no control, query, ffmpeg", "/teststream?testing=123/", "/teststream/", "/teststream",
                        "testing=123"),
                Arguments.of("no control, query, gstreamer", "/teststream/?testing=123", "/teststream/", "/teststream",
                        "testing=123"),
                Arguments.of("subpath", "/test/stream[control]", "/test/stream/", "/test/stream", ""),
                Arguments.of("subpath, no control", "/test/stream/", "/test/stream/", "/test/stream", ""),
                Arguments.of("subpath with query, ffmpeg format", "/test/stream?testing=123[control]", "/test/stream",
                        "/test/stream", "testing=123"),
                Arguments.of("subpath with query, gstreamer format", "/test/stream[control]?testing=123",
                        "/test/stream", "/test/stream", "testing=123"),
                Arguments.of("no path, no slash", "[control]", "", "", ""),
                Arguments.of("single slash", "/[control]", "//", "/", ""),
                Arguments.of("no control, no path", "/", "/", "/", ""),
                Arguments.of("no control, no path, no slash", "", "", "", ""));
    }

    // TestServerPlayPath: the URL forms of FFmpeg, GStreamer and VLC all designate the same path and track.
    @ParameterizedTest(name = "{0}")
    @MethodSource("playPaths")
    void playPath(String name, String setupPath, String playPath, String path, String query) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.setup = ctx -> {
            seen.add("setup " + ctx.path() + " ? " + ctx.query());
            return Reply.ok(stream.get());
        };
        h.play = ctx -> {
            seen.add("play " + ctx.path() + " ? " + ctx.query());
            return Reply.ok();
        };
        try (TestServer ts = start(h, Fixtures.twoMedias())) {
            RtspTestClient c = ts.connect();
            boolean hasControl = setupPath.contains("[control]");
            String setupUrl = ts.url(setupPath.replace("[control]", "/trackID=1"));
            RtspTestClient.Response r = c.doSetup(setupUrl, TCP, null);
            c.doPlay(ts.url(playPath), r.session());
            assertThat(seen).containsExactly("setup " + path + " ? " + query, "play " + path + " ? " + query);
            // Without control the first media is meant; with it, trackID=1.
            assertThat(h.awaitSessionOpen().medias()).containsExactly(media(hasControl ? 1 : 0));
        }
    }

    // TestServerPlaySetupErrors (invalid path): a SETUP URL no client dialect produces: 400 (connection kept).
    @Test
    void setupInvalidPath() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.setup(ts.url("/invalid"), TCP, null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("invalid SETUP path");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // A trackID beyond the stream's medias: 404 media not found (connection kept).
    @Test
    void setupUnknownTrack() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=7"), TCP, null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.bodyText()).contains("media not found");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // TestServerPlaySetupErrors (closed stream): a closed stream cannot be set up.
    @Test
    void setupClosedStream() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            stream.get().close();
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"), TCP, null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("stream is closed");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // TestServerPlaySetupErrors (different paths): every SETUP of a reader is on the same path.
    @Test
    void setupDifferentPaths() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.twoMedias())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient.Response r = c.setup(ts.url("/test12stream/trackID=1"),
                    "RTP/AVP/TCP;unicast;interleaved=2-3", session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("can't setup medias with different paths");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // TestServerPlaySetupErrors (double setup): a media is set up once.
    @Test
    void setupTwice() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP/TCP;unicast;interleaved=2-3", session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("media has already been setup");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // TestServerPlaySetupErrors (different protocols): all medias of a session use one transport.
    @Test
    void setupDifferentTransports() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.twoMedias())) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null).session();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=1"), TCP, session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("can't setup medias with different transports");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // TestServerPlaySetupErrorSameUDPPortsAndIP: two readers of one IP cannot share client ports (the server
    // could not tell their RTCP apart).
    @Test
    void setupSameUdpPortsAndIp() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            UdpPorts ports = ts.udpPorts();
            RtspTestClient c1 = ts.connect();
            c1.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null);
            RtspTestClient c2 = ts.connect();
            RtspTestClient.Response r = c2.setup(ts.url("/teststream/trackID=0"), udp(ports), null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("UDP ports " + ports.rtpPort() + " and " + ports.rtcpPort()
                    + " are already assigned to another reader with the same IP");
        }
    }

    // UDP SETUP must give client ports (§4.5 SETUP step 7): 400, connection kept.
    @Test
    void setupUdpWithoutClientPorts() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"), "RTP/AVP;unicast", null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("transport header does not contain client ports");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // A single client port means RTP on it and RTCP on the next one.
    @Test
    void setupUdpSingleClientPort() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP;unicast;client_port=35466", null);
            assertThat(r.header("Transport")).contains("client_port=35466-35467");
        }
    }

    // A player asking for record mode is refused (§4.5 SETUP step 9).
    @Test
    void setupPlayWithRecordMode() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"), TCP + ";mode=record", null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("invalid mode");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // Interleaved ids must be a pair n, n+1 and not already used in the session.
    @Test
    void setupInvalidInterleavedIds() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.twoMedias())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP/TCP;unicast;interleaved=0-3", null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("invalid interleaved IDs");
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            r = c.setup(ts.url("/teststream/trackID=1"), "RTP/AVP/TCP;unicast;interleaved=1-2", session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("interleaved IDs are in use");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // No acceptable transport alternative (SRTP without TLS; UDP when disabled): 461, connection kept.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RTP/SAVP;unicast;client_port=35466-35467", "RTP/AVP;multicast"})
    void setupUnsupportedTransportIs461(String transport) throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            assertThat(c.setup(ts.url("/teststream/trackID=0"), transport, null).status()).isEqualTo(461);
            ServerProtocolTest.assertStillServing(c);
            // The client falls back to TCP on the same connection (what VLC does).
            assertThat(c.setup(ts.url("/teststream/trackID=0"), TCP, null).status()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------ the main flow

    // TestServerPlay (rtsp_udp, rtsp_tcp): the whole reader flow and its side effects. Multicast: see
    // MulticastNetnsTest. RTSPS/SRTP: not part of this issue (TLS comes with the tunnels).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void play(String transport) throws Exception {
        List<String> checks = new CopyOnWriteArrayList<>();
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            checks.add(ctx.connection().session() == ctx.session() ? "bound" : "not bound");
            checks.add(ctx.session().transport().protocol() + " " + ctx.session().transport().profile());
            checks.add(ctx.session().query());
            checks.add(ctx.session().medias().equals(stream.get().description().medias()) ? "medias" : "other");
            // Sent right after the response, before any stream packet.
            ctx.session().writePacketRtcp(media(0), new ReceiverReport(0x99, List.of()));
            ctx.session().onPacketRtcpAny((media, packet) -> fromReader.add(packet));
            return Reply.ok();
        };
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            assertThat(c.describe("/teststream?param=value").status()).isEqualTo(200);
            UdpPorts ports = ts.udpPorts();
            boolean tcp = transport.equals("tcp");
            // Odd interleaved ids are legal (gortsplib #304).
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream?param=value/trackID=0"),
                    tcp ? "RTP/AVP/TCP;unicast;interleaved=5-6" : udp(ports), null);
            String session = r.session();
            if (tcp) {
                assertThat(r.header("Transport")).startsWith("RTP/AVP/TCP;unicast;interleaved=5-6;ssrc=");
            } else {
                assertThat(r.header("Transport")).startsWith("RTP/AVP;unicast;" + ports.clientPort()
                        + ";server_port=" + ts.udpRtp().getPort() + "-" + ts.udpRtcp().getPort() + ";ssrc=");
            }
            r = c.doPlay(ts.url("/teststream?param=value"), session);
            assertThat(r.header("Range")).isEqualTo("npt=0.000-");
            assertThat(checks).containsExactly("bound", (tcp ? "TCP" : "UDP") + " AVP", "param=value", "medias");

            // The direct RTCP of onPlay arrives first.
            byte[] direct = tcp ? c.readFrame().payload() : ports.receiveRtcp();
            assertThat(Fixtures.decodeRtcp(direct)).containsExactly(new ReceiverReport(0x99, List.of()));

            stream.get().writeRtcp(media(0), new ReceiverReport(0x77, List.of()));
            writeRtp(0, 100, 9000, Fixtures.NON_IDR);
            if (tcp) {
                RtspTestClient.Frame f = c.readFrame();
                assertThat(f.channel()).isEqualTo(6);
                assertThat(Fixtures.decodeRtcp(f.payload())).containsExactly(new ReceiverReport(0x77, List.of()));
                f = c.readFrame();
                assertThat(f.channel()).isEqualTo(5);
                assertThat(Fixtures.sequenceNumber(f.payload())).isEqualTo(100);
                c.sendFrame(6, Fixtures.rtcp(new ReceiverReport(0x55, List.of())));
            } else {
                assertThat(Fixtures.decodeRtcp(ports.receiveRtcp())).containsExactly(new ReceiverReport(0x77, List.of()));
                DatagramPacket p = UdpPorts.receivePacket(ports.rtp);
                // Packets come from the server's RTP port: clients behind NAT and firewalls expect it.
                assertThat(p.getPort()).isEqualTo(ts.udpRtp().getPort());
                assertThat(Fixtures.sequenceNumber(java.util.Arrays.copyOf(p.getData(), p.getLength()))).isEqualTo(100);
                ports.sendRtcp(Fixtures.rtcp(new ReceiverReport(0x55, List.of())), ts.udpRtcp());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !fromReader.isEmpty());
            assertThat(fromReader).containsExactly(new ReceiverReport(0x55, List.of()));

            // Keep-alives.
            assertThat(c.requestIgnoreFrames("OPTIONS", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
            assertThat(c.requestIgnoreFrames("GET_PARAMETER", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);

            ServerSession s = ts.server.sessions().get(0);
            SessionStats stats = s.stats();
            assertThat(stats.outboundRtpPackets()).isEqualTo(1);
            assertThat(stats.outboundRtcpPackets()).isEqualTo(2);
            assertThat(stats.inboundRtcpPackets()).isEqualTo(1);
            assertThat(stats.outboundBytes()).isEqualTo(12 + 4 + 8 + 8);
            assertThat(stats.inboundBytes()).isEqualTo(8);
            SessionStats.FormatStats f0 = stats.medias().get(0).formats().get(0);
            assertThat(f0.localSsrc()).isEqualTo(stream.get().stats().medias().get(0).formats().get(0).localSsrc());
            assertThat(f0.outboundLastSequenceNumber()).isEqualTo(100);
            assertThat(f0.remoteSsrc()).isEqualTo(-1);

            assertThat(c.requestIgnoreFrames("TEARDOWN", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
            TestHandler.Closed<ServerSession> closed = h.awaitSessionClose();
            assertThat(closed.message()).startsWith("torn down by");
            assertThat(closed.subject().stats().outboundRtpPackets()).isEqualTo(1);
            ServerConnection conn = h.connectionsOpened.peek();
            assertThat(conn.stats().inboundBytes()).isGreaterThan(300);
            assertThat(conn.stats().outboundBytes()).isGreaterThan(500);
        }
    }

    // TestServerPlay (concurrent getters): every getter may be called from any thread while requests run.
    @Test
    void gettersFromOtherThreads() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.setup = ctx -> {
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        ctx.connection().session();
                        ctx.connection().stats();
                        ctx.session().state();
                        ctx.session().stats();
                        ctx.session().medias();
                        ctx.session().path();
                        ctx.session().query();
                        ctx.session().stream();
                        ctx.session().transport();
                        ctx.session().connections();
                        stream.get().stats();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
            return Reply.ok(stream.get());
        };
        try (TestServer ts = start(h, Fixtures.twoMedias())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.doSetup(ts.url("/teststream/trackID=1"), "RTP/AVP/TCP;unicast;interleaved=2-3", session);
            c.doPlay(ts.url("/teststream"), session);
            for (int i = 0; i < 50; i++) {
                writeRtp(0, i, 0, Fixtures.NON_IDR);
            }
            for (Thread t : threads) {
                t.join(10_000);
            }
            assertThat(failures).isEmpty();
        }
    }

    // TestServerPlayTCPResponseBeforeFrames: a TCP reader gets the PLAY response before any frame, even when
    // the stream is being written all the time.
    @Test
    void tcpResponseBeforeFrames() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            Thread writer = new Thread(() -> {
                int seq = 0;
                while (!Thread.currentThread().isInterrupted() && !stream.get().isClosed()) {
                    writeRtp(0, seq++, seq * 3000L, Fixtures.NON_IDR);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writer.start();
            try {
                RtspTestClient c = ts.connect();
                String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
                c.doPlay(ts.url("/teststream"), session); // readResponse fails on a frame before the response
                assertThat(c.readFrame(0).payload()).isNotEmpty();
            } finally {
                writer.interrupt();
                writer.join();
            }
        }
    }

    // TestServerPlayPause (tcp, udp): PAUSE stops delivery, PLAY resumes it.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void pauseStopsDelivery(String transport) throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            boolean tcp = transport.equals("tcp");
            String session = c.doSetup(ts.url("/teststream/trackID=0"), tcp ? TCP : udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            writeRtp(0, 1, 0, Fixtures.NON_IDR);
            assertThat(Fixtures.sequenceNumber(tcp ? c.readFrame(0).payload() : ports.receiveRtp())).isEqualTo(1);
            RtspTestClient.Response r = c.requestIgnoreFrames("PAUSE", ts.url("/teststream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(200);
            assertThat(ts.server.sessions().get(0).state()).isEqualTo(ServerSessionState.PRE_PLAY);
            writeRtp(0, 2, 0, Fixtures.NON_IDR);
            if (tcp) {
                assertThat(c.staysSilent(300)).isTrue();
            } else {
                assertThat(UdpPorts.silent(ports.rtp, 300)).isTrue();
            }
            c.doPlay(ts.url("/teststream"), session);
            writeRtp(0, 3, 0, Fixtures.NON_IDR);
            assertThat(Fixtures.sequenceNumber(tcp ? c.readFrame(0).payload() : ports.receiveRtp())).isEqualTo(3);
        }
    }

    // TestServerPlayPlayPausePausePlay: repeated PLAY and PAUSE are all answered 200.
    @Test
    void playPlayPausePausePlay() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            String url = ts.url("/teststream");
            for (String method : List.of("PLAY", "PLAY", "PAUSE", "PAUSE", "PLAY")) {
                writeRtp(0, 1, 0, Fixtures.NON_IDR);
                assertThat(c.requestIgnoreFrames(method, url, "Session: " + session).status()).as(method)
                        .isEqualTo(200);
            }
        }
    }

    // TestServerPlayPlayPausePausePlay (direct writes): the same with packets written to the session directly.
    @Test
    void playPlayPausePausePlayWithDirectWrites() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            ServerSession s = h.awaitSessionOpen();
            String url = ts.url("/teststream");
            for (String method : List.of("PLAY", "PLAY", "PAUSE", "PAUSE", "PLAY")) {
                RtpPacket p = Fixtures.packet(96, 1, 0, 1, Fixtures.NON_IDR);
                try {
                    s.writePacketRtp(media(0), p);
                } finally {
                    p.release();
                }
                assertThat(c.requestIgnoreFrames(method, url, "Session: " + session).status()).as(method)
                        .isEqualTo(200);
            }
            // Playing again: direct writes arrive, with the caller's packet untouched.
            RtpPacket p = Fixtures.packet(96, 42, 0, 1, Fixtures.NON_IDR);
            try {
                assertThat(s.writePacketRtp(media(0), p)).isTrue();
            } finally {
                p.release();
            }
            assertThat(Fixtures.sequenceNumber(c.readFrame(0).payload())).isEqualTo(42);
        }
    }

    // Direct writes (with NTP): the SETUP's SSRC on the wire, and the session's own sender report right after the
    // first key frame, mapping its RTP time to the given NTP time.
    @Test
    void directWritesWithNtp() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2020-01-01T00:00:00Z"));
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264(), b -> b.clock(clock))) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null);
            c.doPlay(ts.url("/teststream"), r.session());
            ServerSession s = h.awaitSessionOpen();
            Instant at = Instant.parse("2019-06-01T10:00:00Z");
            RtpPacket p = Fixtures.packet(96, 5, 180000, 0xABCDL, Fixtures.IDR);
            try {
                assertThat(s.writePacketRtp(media(0), p, at)).isTrue();
                assertThat(p.ssrc()).isEqualTo(0xABCDL);
            } finally {
                p.release();
            }
            byte[] rtp = c.readFrame(0).payload();
            assertThat(String.format("%08X", Fixtures.ssrc(rtp))).isEqualTo(r.header("Transport").replaceAll(".*ssrc=", ""));
            SenderReport sr = (SenderReport) Fixtures.decodeRtcp(c.readFrame(1).payload()).get(0);
            assertThat(sr.ssrc()).isEqualTo(Fixtures.ssrc(rtp));
            assertThat(sr.ntpTime()).isEqualTo(ntp(at));
            assertThat(sr.rtpTime()).isEqualTo(180000);
        }
    }

    // TestServerPlaySocketError (udp, tcp): a reader that disappears while the stream is written is closed (TCP at
    // once, UDP by timeout) and the writer goes on without errors.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void readerDisappears(String transport) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264(), b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            boolean tcp = transport.equals("tcp");
            c.doPlay(ts.url("/teststream"),
                    c.doSetup(ts.url("/teststream/trackID=0"), tcp ? TCP : udp(ports), null).session());
            c.close();
            ports.close(); // UDP: ICMP port unreachable for what the server still sends
            for (int i = 0; i < 60 && h.sessionsClosed.isEmpty(); i++) {
                writeRtp(0, i, i * 3000L, Fixtures.NON_IDR);
                Thread.sleep(50);
            }
            assertThat(h.awaitSessionClose().reason()).isNotNull();
            writeRtp(0, 1000, 0, Fixtures.NON_IDR);
            assertThat(stream.get().isClosed()).isFalse();
        }
    }

    // PLAY before SETUP, or RECORD on a reader: 455 Method Not Valid in This State (gortsplib: 400 and close).
    @Test
    void wrongStateIs455() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient.Response r = c.request("RECORD", ts.url("/teststream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(455);
            assertThat(r.bodyText()).contains("must be in state [PRE_RECORD], while is in state PRE_PLAY");
            assertThat(r.session()).isEqualTo(session);
            c.doPlay(ts.url("/teststream"), session);
        }
    }

    // PLAY of another path than the one set up: 400 (connection kept).
    @Test
    void playPathChanged() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            RtspTestClient.Response r = c.request("PLAY", ts.url("/otherstream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("path has changed, was '/teststream', now is '/otherstream'");
            c.doPlay(ts.url("/teststream"), session);
        }
    }

    // A refused PLAY leaves the session set up: the handler decides, the client may try again.
    @Test
    void refusedPlayKeepsTheSession() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        AtomicReference<RtspStatus> answer = new AtomicReference<>(RtspStatus.NOT_FOUND);
        h.play = ctx -> {
            // Direct writes of a refused PLAY are dropped.
            ctx.session().writePacketRtcp(media(0), new ReceiverReport(0x99, List.of()));
            return Reply.status(answer.get());
        };
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            assertThat(c.request("PLAY", ts.url("/teststream"), "Session: " + session).status()).isEqualTo(404);
            assertThat(ts.server.sessions().get(0).state()).isEqualTo(ServerSessionState.PRE_PLAY);
            answer.set(RtspStatus.OK);
            c.doPlay(ts.url("/teststream"), session);
            // Only the RTCP written during the accepted PLAY arrives.
            assertThat(c.readFrame(1).payload()).isNotEmpty();
            assertThat(c.staysSilent(200)).isTrue();
        }
    }

    // A UDP reader whose session ends gets an RTCP BYE (RFC 3550 §6.6; gortsplib sends none).
    @Test
    void udpReaderGetsByeOnTeardown() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            c.request("TEARDOWN", ts.url("/teststream"), "Session: " + session);
            byte[] bye = ports.receiveRtcp();
            assertThat(Fixtures.rtcpType(bye)).isEqualTo(203);
        }
    }

    // TestServerPlayTimeout (udp): a UDP reader that sends neither requests nor RTCP is closed after the idle
    // timeout (1 s here).
    @Test
    void udpPlayTimeout() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264(), b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            assertThat(h.awaitSessionClose().message()).contains("session timed out");
        }
    }

    // RTCP receiver reports keep a UDP reader alive without requests (gortsplib#185); the RTSP connection may
    // idle out meanwhile, the session survives it.
    @Test
    void udpPlayKeptAliveByRtcp() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264(), b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            ServerSession s = h.awaitSessionOpen();
            byte[] rr = Fixtures.rtcp(new ReceiverReport(0x55, List.of()));
            for (int i = 0; i < 12; i++) {
                ports.sendRtcp(rr, ts.udpRtcp());
                Thread.sleep(200);
            }
            // 2.4 s > 2 idle timeouts: the connection idled out but the session did not.
            assertThat(h.awaitConnectionClose().message()).contains("idle timeout");
            assertThat(s.closeReason()).isNull();
            assertThat(h.sessionsClosed).isEmpty();
        }
    }

    // TestServerPlayWithoutTeardown (tcp): closing the connection closes a TCP session at once.
    @Test
    void tcpPlayWithoutTeardown() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(ts.url("/teststream"), session);
            c.close();
            assertThat(h.awaitSessionClose().reason()).isNotNull();
        }
    }

    // TestServerPlayWithoutTeardown (udp): a UDP session survives its connection, then times out.
    @Test
    void udpPlayWithoutTeardown() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264(), b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            c.close();
            h.awaitConnectionClose();
            assertThat(h.sessionsClosed).isEmpty();
            assertThat(h.awaitSessionClose().message()).contains("session timed out");
        }
    }

    // TestServerPlayUDPChangeConn: a new connection from the same IP may keep a UDP session alive.
    @Test
    void udpPlayChangeConnection() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            c.close();
            h.awaitConnectionClose();
            RtspTestClient c2 = ts.connect();
            RtspTestClient.Response r = c2.request("GET_PARAMETER", ts.url("/teststream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.session()).isEqualTo(session);
        }
    }

    // TestServerPlayPartialMedias: a reader that sets up one media of two gets only that media's packets.
    @Test
    void partialMedias() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.twoMedias())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=1"), "RTP/AVP/TCP;unicast;interleaved=4-5", null)
                    .session();
            c.doPlay(ts.url("/teststream"), session);
            writeRtp(0, 1, 0, Fixtures.NON_IDR);
            writeRtp(1, 2, 0, new byte[] {1, 2, 3});
            RtspTestClient.Frame f = c.readFrame();
            assertThat(f.channel()).isEqualTo(4);
            assertThat(Fixtures.payloadType(f.payload())).isEqualTo(97);
            // Then only the sender report of that media.
            assertThat(c.readFrame().channel()).isEqualTo(5);
            assertThat(c.staysSilent(200)).isTrue();
        }
    }

    // TestServerPlayAdditionalInfos: SSRC in SETUP answers; RTP-Info only for medias that already sent packets,
    // with seq = last + 1 and an extrapolated rtptime; URLs name each track.
    @Test
    void additionalInfos() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.twoMedias())) {
            writeRtp(0, 556, 984512368L, Fixtures.IDR);
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null);
            String session = r.session();
            String ssrc0 = String.format("%08X", stream.get().stats().medias().get(0).formats().get(0).localSsrc());
            assertThat(r.header("Transport")).endsWith(";ssrc=" + ssrc0);
            r = c.doSetup(ts.url("/teststream/trackID=1"), "RTP/AVP/TCP;unicast;interleaved=2-3", session);
            String ssrc1 = String.format("%08X", stream.get().stats().medias().get(1).formats().get(0).localSsrc());
            assertThat(r.header("Transport")).endsWith(";ssrc=" + ssrc1);
            r = c.doPlay(ts.url("/teststream"), session);
            String[] entries = r.header("RTP-Info").split(",");
            assertThat(entries).hasSize(2);
            assertThat(entries[0]).startsWith("url=" + ts.url("/teststream/trackID=0") + ";seq=557;rtptime=");
            assertThat(entries[1]).isEqualTo("url=" + ts.url("/teststream/trackID=1"));
        }
    }

    // TestServerPlayNoInterleavedIDs: TCP clients that send no interleaved= get 0-1, 2-3 (mediamtx#1650).
    @Test
    void noInterleavedIds() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.twoMedias())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"), "RTP/AVP/TCP", null);
            assertThat(r.header("Transport")).contains("interleaved=0-1");
            r = c.doSetup(ts.url("/teststream/trackID=1"), "RTP/AVP/TCP", r.session());
            assertThat(r.header("Transport")).contains("interleaved=2-3");
            c.doPlay(ts.url("/teststream"), r.session());
            writeRtp(1, 1, 0, new byte[] {1});
            assertThat(c.readFrame().channel()).isEqualTo(2);
        }
    }

    // TestServerPlayStreamStats: packets are counted once per reader they reach (a TCP and a UDP reader here;
    // the multicast case is in MulticastNetnsTest).
    @Test
    void streamStats() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c1 = ts.connect();
            c1.doPlay(ts.url("/teststream"), c1.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session());
            RtspTestClient c2 = ts.connect();
            UdpPorts ports = ts.udpPorts();
            c2.doPlay(ts.url("/teststream"), c2.doSetup(ts.url("/teststream/trackID=0"), udp(ports), null).session());
            writeRtp(0, 1, 0, Fixtures.NON_IDR);
            c1.readFrame(0);
            ports.receiveRtp();
            StreamStats s = stream.get().stats();
            assertThat(s.outboundRtpPackets()).isEqualTo(2);
            assertThat(s.outboundBytes()).isEqualTo(2 * (12 + Fixtures.NON_IDR.length));
            assertThat(s.outboundRtcpPackets()).isZero();
            assertThat(s.medias().get(0).formats().get(0).rtpPacketsWritten()).isEqualTo(1);
        }
    }

    // The stream's SSRC replaces the publisher's in what readers get, and the caller's packet is not modified.
    @Test
    void streamSsrcWithoutTouchingTheCallersPacket() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session());
            RtpPacket p = Fixtures.packet(96, 7, 0, 0xAAAAAAAAL, Fixtures.NON_IDR);
            try {
                stream.get().writeRtp(media(0), p);
                assertThat(p.ssrc()).isEqualTo(0xAAAAAAAAL);
            } finally {
                p.release();
            }
            long local = stream.get().stats().medias().get(0).formats().get(0).localSsrc();
            assertThat(Fixtures.ssrc(c.readFrame(0).payload())).isEqualTo(local);
        }
    }

    // Writing a packet of a payload type the media does not have, or bigger than maxPacketSize, is refused.
    @Test
    void invalidStreamWrites() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264())) {
            RtpPacket wrongType = Fixtures.packet(111, 1, 0, 1, Fixtures.NON_IDR);
            RtpPacket tooBig = Fixtures.packet(96, 1, 0, 1, new byte[2000]);
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.get().writeRtp(media(0), wrongType))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload type 111");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.get().writeRtp(media(0), tooBig))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("RTP packet size (2012) is greater than the maximum allowed (1472)");
                stream.get().close();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.get().writeRtp(media(0), wrongType))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("stream is closed");
            } finally {
                wrongType.release();
                tooBig.release();
            }
        }
    }

    // Closing a stream sends BYE to its readers and closes their sessions (and TCP connections).
    @Test
    void streamCloseClosesReaders() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session());
            stream.get().close();
            RtspTestClient.Frame bye = c.readFrame(1);
            assertThat(Fixtures.rtcpType(bye.payload())).isEqualTo(203);
            assertThat(h.awaitSessionClose().message()).isEqualTo("stream closed");
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    // TestServerPlayVLCMulticast: '?vlcmulticast' makes DESCRIBE announce the multicast range in c=, so that VLC
    // asks for multicast. (Only DESCRIBE here: nothing is sent to a group on the host's interfaces.)
    @Test
    void vlcMulticastDescribe() throws Exception {
        int port;
        try (UdpPorts free = UdpPorts.open()) {
            port = free.rtpPort();
        }
        int rtp = port;
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264(),
                b -> b.multicast("224.1.0.0/16", rtp, rtp + 1))) {
            RtspTestClient c = ts.connect();
            assertThat(c.describe("/teststream?vlcmulticast").bodyText()).contains("c=IN IP4 224.1.0.0");
            assertThat(c.describe("/teststream").bodyText()).contains("c=IN IP4 0.0.0.0");
        }
    }

    // ------------------------------------------------------------------------------------------ RTCP

    // TestServerPlayRTCPReport (udp, tcp): the first SR follows the first key frame at once, with its NTP/RTP
    // times; later ones are extrapolated on the clock (30 s later: NTP + 30 s, RTP + 30 * 90000).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void senderReports(String transport) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2017-08-10T12:22:00Z"));
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264(),
                b -> b.clock(clock).senderReportPeriod(Duration.ofMillis(300)))) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            boolean tcp = transport.equals("tcp");
            c.doPlay(ts.url("/teststream"),
                    c.doSetup(ts.url("/teststream/trackID=0"), tcp ? TCP : udp(ports), null).session());
            RtpPacket p = Fixtures.packet(96, 10, 240000, 1, Fixtures.IDR);
            try {
                stream.get().writeRtp(media(0), p, clock.instant());
            } finally {
                p.release();
            }
            byte[] first = tcp ? c.readFrame(1).payload() : ports.receiveRtcp();
            List<RtcpPacket> compound = Fixtures.decodeRtcp(first);
            SenderReport sr = (SenderReport) compound.get(0);
            long ssrc = stream.get().stats().medias().get(0).formats().get(0).localSsrc();
            assertThat(sr.ssrc()).isEqualTo(ssrc);
            assertThat(sr.ntpTime()).isEqualTo(ntp(clock.instant()));
            assertThat(sr.rtpTime()).isEqualTo(240000);
            assertThat(sr.packetCount()).isEqualTo(1);
            assertThat(sr.octetCount()).isEqualTo(Fixtures.IDR.length);
            // RFC 3550 §6.1: every compound carries an SDES CNAME.
            assertThat(compound.get(1)).isInstanceOf(SourceDescription.class);

            Instant start = clock.instant();
            clock.advance(Duration.ofSeconds(30));
            SenderReport next;
            do {
                byte[] b = tcp ? c.readFrame(1).payload() : ports.receiveRtcp();
                next = (SenderReport) Fixtures.decodeRtcp(b).get(0);
            } while (next.ntpTime() == ntp(start));
            assertThat(next.ntpTime()).isEqualTo(ntp(start.plusSeconds(30)));
            assertThat(next.rtpTime()).isEqualTo(240000 + 30 * 90000);
        }
    }

    // Sender reports can be turned off.
    @Test
    void senderReportsDisabled() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264(),
                b -> b.disableSenderReports(true).senderReportPeriod(Duration.ofMillis(100)))) {
            RtspTestClient c = ts.connect();
            c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session());
            writeRtp(0, 1, 0, Fixtures.IDR);
            assertThat(c.readFrame().channel()).isEqualTo(0);
            assertThat(c.staysSilent(400)).isTrue();
        }
    }

    private static long ntp(Instant t) {
        long seconds = t.getEpochSecond() + 2208988800L;
        long fraction = (t.getNano() * (1L << 32)) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }

    // TestServerPlayDecodeErrors (udp/tcp x rtcp invalid / rtcp too big): bad RTCP from a reader is reported,
    // counted, and the session goes on.
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readerDecodeErrors")
    void readerDecodeErrors(String transport, String kind, String message) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            boolean tcp = transport.equals("tcp");
            String session = c.doSetup(ts.url("/teststream/trackID=0"), tcp ? TCP : udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            byte[] bad = kind.equals("rtcp invalid") ? new byte[] {0x01, 0x02} : new byte[2000];
            if (kind.equals("rtcp too big")) {
                bad[0] = (byte) 0x80;
                bad[1] = (byte) 201;
            }
            if (tcp) {
                c.sendFrame(1, bad);
            } else {
                ports.sendRtcp(bad, ts.udpRtcp());
            }
            assertThat(h.awaitDecodeError().getMessage()).contains(message);
            assertThat(ts.server.sessions().get(0).stats().inboundRtcpPacketsInError()).isEqualTo(1);
            assertThat(c.requestIgnoreFrames("GET_PARAMETER", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
        }
    }

    static Stream<Arguments> readerDecodeErrors() {
        return Stream.of(
                Arguments.of("udp", "rtcp invalid", "RTCP"),
                Arguments.of("udp", "rtcp too big", "RTCP packet is too big to be read with UDP"),
                Arguments.of("tcp", "rtcp invalid", "RTCP"),
                Arguments.of("tcp", "rtcp too big", "RTCP packet size (2000) is greater than maximum allowed (1472)"));
    }

    // TestServerPlayBackChannelReportedLostStats: the loss a reader reports in its RRs shows in the stats.
    @Test
    void reportedLostStats() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, Fixtures.h264())) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
            c.doPlay(ts.url("/teststream"), session);
            long ssrc = stream.get().stats().medias().get(0).formats().get(0).localSsrc();
            c.sendFrame(1, Fixtures.rtcp(new ReceiverReport(0x55,
                    List.of(new ReceptionReport(ssrc, 0, 9, 100, 0, 0, 0)))));
            ServerSession s = h.awaitSessionOpen();
            await().atMost(Duration.ofSeconds(5)).until(() -> s.stats().outboundRtpPacketsReportedLost() == 9);
            c.request("TEARDOWN", ts.url("/teststream"), "Session: " + session);
            assertThat(h.awaitSessionClose().subject().stats().outboundRtpPacketsReportedLost()).isEqualTo(9);
        }
    }

    // ------------------------------------------------------------------------------------------ back channel

    private static Session backChannelDescription() {
        return Session.parse(Fixtures.h264Sdp("trackID=0")
                + "m=audio 0 RTP/AVP 8\r\n"
                + "a=control:trackID=1\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=sendonly\r\n");
    }

    // TestServerPlayBackChannel (udp, tcp): back channels are advertised only with the ONVIF Require header, and
    // the reader's RTP on them reaches the packet callbacks.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void backChannel(String transport) throws Exception {
        List<RtpPacket> received = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtpAny((media, format, packet) -> received.add(packet.copy()));
            return Reply.ok();
        };
        try (TestServer ts = start(h, backChannelDescription())) {
            RtspTestClient c = ts.connect();
            assertThat(c.describe("/teststream").bodyText()).doesNotContain("m=audio");
            String require = "Require: www.onvif.org/ver20/backchannel";
            RtspTestClient.Response r = c.request("DESCRIBE", ts.url("/teststream"), require);
            assertThat(r.bodyText()).contains("m=audio").contains("a=sendonly");
            boolean tcp = transport.equals("tcp");
            UdpPorts ports = ts.udpPorts();
            String session = c.doSetup(ts.url("/teststream/trackID=1"),
                    tcp ? TCP : udp(ports), null).session();
            c.doPlay(ts.url("/teststream"), session);
            byte[] rtp = Fixtures.rtp(8, 1, 160, 0x1234, new byte[] {1, 2, 3, 4});
            if (tcp) {
                c.sendFrame(0, rtp);
            } else {
                ports.sendRtp(rtp, ts.udpRtp());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
            assertThat(received.get(0).payloadType()).isEqualTo(8);
            received.forEach(RtpPacket::release);
        }
    }
}
