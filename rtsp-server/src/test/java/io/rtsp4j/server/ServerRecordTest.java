package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.ReceptionReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.rtcp.SourceDescription;
import io.rtsp4j.sdp.description.Media;
import java.io.IOException;
import java.net.DatagramPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Publishers: ANNOUNCE, SETUP, RECORD and reception (gortsplib-server.md §4.5, §5, §7.2, checklist §12.3). */
class ServerRecordTest {

    private static final String SDP = Fixtures.twoMediaSdp();

    private TestServer start(TestHandler h) {
        return TestServer.start(h);
    }

    private TestServer start(TestHandler h, UnaryOperator<RtspServerConfig.Builder> tweak) {
        return TestServer.start(h, tweak);
    }

    private static TestHandler publishing() {
        return new TestHandler().announce(ctx -> Reply.ok()).setup(ctx -> Reply.ok()).record(ctx -> Reply.ok())
                .pause(ctx -> Reply.ok());
    }

    private static String tcp(int channel) {
        return "RTP/AVP/TCP;unicast;interleaved=" + channel + "-" + (channel + 1) + ";mode=record";
    }

    private static String udp(UdpPorts p) {
        return "RTP/AVP;unicast;" + p.clientPort() + ";mode=record";
    }

    /** ANNOUNCE + SETUP of both medias + RECORD; returns the session id. */
    private static String publish(TestServer ts, RtspTestClient c, UdpPorts p0, UdpPorts p1) throws Exception {
        String url = ts.url("/teststream");
        c.doAnnounce(url, SDP);
        String session = c.doSetup(url + "/trackID=0", p0 == null ? tcp(0) : udp(p0), null).session();
        c.doSetup(url + "/trackID=1", p1 == null ? tcp(2) : udp(p1), session);
        c.doRecord(url, session);
        return session;
    }

    // ------------------------------------------------------------------------------------------ ANNOUNCE

    static Stream<Arguments> badAnnounces() {
        return Stream.of(
                Arguments.of("missing content-type", null, SDP, 400, "Content-Type header is missing"),
                Arguments.of("invalid content-type (415)", "aa", SDP, 415, "unsupported Content-Type header 'aa'"),
                Arguments.of("invalid sdp", "application/sdp", "\u0001\u0002\u0003\u0004", 400, "invalid SDP"),
                Arguments.of("no media", "application/sdp",
                        "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n", 400,
                        "invalid SDP"),
                Arguments.of("back channel", "application/sdp", Fixtures.h264Sdp("trackID=0")
                        + "m=audio 0 RTP/AVP 8\r\na=control:trackID=1\r\na=rtpmap:8 PCMA/8000\r\na=sendonly\r\n", 400,
                        "back channels cannot be recorded"));
    }

    // TestServerRecordErrorAnnounce: a bad ANNOUNCE is refused with its reason; unlike gortsplib the connection
    // stays open (the client can announce again), and a wrong Content-Type is 415.
    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnnounces")
    void badAnnounce(String name, String contentType, String body, int status, String reason) throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.request("ANNOUNCE", ts.url("/teststream"), Fixtures.utf8(body),
                    contentType == null ? null : "Content-Type: " + contentType);
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.bodyText()).contains(reason);
            ServerProtocolTest.assertStillServing(c);
            c.doAnnounce(ts.url("/teststream"), SDP);
        }
    }

    // Content-Type parameters are allowed (gortsplib rejects "application/sdp; charset=utf-8").
    @Test
    void announceContentTypeWithParameters() throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.request("ANNOUNCE", ts.url("/teststream"), Fixtures.utf8(SDP),
                    "Content-Type: Application/SDP; charset=utf-8");
            assertThat(r.status()).isEqualTo(200);
            // No Session header in the ANNOUNCE answer (mediamtx#840: some clients reject it).
            assertThat(r.header("Session")).isNull();
        }
    }

    // server-bugs.md B2: a format whose parameters the SDP reader cannot decode (here GStreamer's MP4A-LATM config
    // with an SBR sync extension, and a broken AAC config) does not refuse the publisher: it is relayed as a
    // generic format.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a=rtpmap:97 MP4A-LATM/48000\r\na=fmtp:97 cpresent=0;config=40002320adca00",
            "a=rtpmap:97 mpeg4-generic/48000/2\r\na=fmtp:97 streamtype=5;mode=AAC-hbr;config=ZZ;sizelength=13"})
    void announceWithUndecodableFormatParameters(String format) throws Exception {
        AtomicReference<io.rtsp4j.sdp.description.Session> announced = new AtomicReference<>();
        TestHandler h = publishing().announce(ctx -> {
            announced.set(ctx.description());
            return Reply.ok();
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), Fixtures.h264Sdp("trackID=0")
                    + "m=audio 0 RTP/AVP 97\r\na=control:trackID=1\r\n" + format + "\r\n");
            assertThat(announced.get().medias()).hasSize(2);
            assertThat(announced.get().medias().get(1).formats().get(0).clockRate()).isEqualTo(48000);
            new ServerStream(ts.server, announced.get()).close();
        }
    }

    // A second ANNOUNCE on an announced session is in the wrong state: 455.
    @Test
    void announceTwiceIs455() throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), SDP);
            RtspTestClient.Response r = c.request("ANNOUNCE", ts.url("/teststream"), Fixtures.utf8(SDP),
                    "Content-Type: application/sdp");
            assertThat(r.status()).isEqualTo(455);
        }
    }

    // The handler sees the announced description and may create a stream from it without changing its controls.
    @Test
    void announceGivesTheDescription() throws Exception {
        AtomicReference<ServerStream> created = new AtomicReference<>();
        AtomicReference<TestServer> server = new AtomicReference<>();
        TestHandler h = publishing().announce(ctx -> {
            created.set(new ServerStream(server.get().server, ctx.description()));
            return Reply.ok();
        });
        try (TestServer ts = start(h)) {
            server.set(ts);
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), Fixtures.twoMediaSdp("streamid=0", "streamid=1"));
            assertThat(created.get().description().medias()).extracting(Media::control)
                    .containsExactly("streamid=0", "streamid=1");
            // The publisher's SETUP URLs still match the announced controls.
            String session = c.doSetup(ts.url("/teststream/streamid=0"), tcp(0), null).session();
            c.doSetup(ts.url("/teststream/streamid=1"), tcp(2), session);
            created.get().close();
        }
    }

    // ------------------------------------------------------------------------------------------ SETUP / RECORD

    // TestServerRecordErrorSetup: a publisher's SETUP without mode=record is refused (connection kept).
    @Test
    void setupWithoutRecordMode() throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            UdpPorts p = ts.udpPorts();
            c.doAnnounce(ts.url("/teststream"), SDP);
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"), "RTP/AVP;unicast;" + p.clientPort(),
                    null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("transport header contains a invalid mode (null)");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // mode=receive is the old alias of record used by FFmpeg -listen and Darwin.
    @Test
    void setupModeReceive() throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), SDP);
            assertThat(c.setup(ts.url("/teststream/trackID=0"), "RTP/AVP/TCP;unicast;interleaved=0-1;mode=receive",
                    null).status()).isEqualTo(200);
        }
    }

    // Publishing over multicast is not supported: 461, connection kept (mediamtx#2346). No group is allocated.
    @Test
    void multicastRecordIs461() throws Exception {
        int port;
        try (UdpPorts free = UdpPorts.open()) {
            port = free.rtpPort();
        }
        int rtp = port;
        try (TestServer ts = start(publishing(), b -> b.multicast("224.1.0.0/16", rtp, rtp + 1))) {
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), SDP);
            assertThat(c.setup(ts.url("/teststream/trackID=0"), "RTP/AVP;multicast;mode=record", null).status())
                    .isEqualTo(461);
            ServerProtocolTest.assertStillServing(c);
        }
    }

    static Stream<Arguments> recordPaths() {
        return Stream.of(
                Arguments.of("normal", "bbb=ccc", "/teststream", "/teststream/bbb=ccc", "/teststream", ""),
                Arguments.of("subpath", "ddd=eee", "/test/stream", "/test/stream/ddd=eee", "/test/stream", ""),
                Arguments.of("subpath and query, ffmpeg format", "fff=ggg", "/test/stream?testing=0",
                        "/test/stream?testing=0/fff=ggg", "/test/stream", "testing=0"),
                Arguments.of("subpath and query, gstreamer format", "fff=ggg", "/test/stream?testing=0",
                        "/test/stream/fff=ggg?testing=0", "/test/stream", "testing=0"),
                Arguments.of("no path", "streamid=1", "", "/streamid=1", "", ""),
                Arguments.of("single slash", "streamid=1", "/", "//streamid=1", "/", ""),
                Arguments.of("absolute control", "rtsp://127.0.0.1:PORT/teststream/abs", "/teststream",
                        "/teststream/abs", "/teststream", ""));
    }

    // TestServerRecordPath: the publishers' SETUP URL forms (FFmpeg, GStreamer, absolute control) match the
    // announced medias; path and query given to the handler are those of the ANNOUNCE.
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordPaths")
    void recordPath(String name, String control, String announcePath, String setupPath, String path, String query)
            throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        TestHandler h = publishing()
                .setup(ctx -> {
                    seen.add("setup " + ctx.path() + " ? " + ctx.query());
                    return Reply.ok();
                })
                .record(ctx -> {
                    seen.add("record " + ctx.path() + " ? " + ctx.query());
                    return Reply.ok();
                });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String controlHere = control.replace("PORT", String.valueOf(ts.address().getPort()));
            c.doAnnounce(ts.url(announcePath), Fixtures.h264Sdp(controlHere));
            String session = c.doSetup(ts.url(setupPath), tcp(0), null).session();
            c.doRecord(ts.url(announcePath), session);
            assertThat(seen).containsExactly("setup " + path + " ? " + query, "record " + path + " ? " + query);
        }
    }

    // A SETUP URL that matches no announced media: 400 media not found (connection kept).
    @Test
    void setupUnknownMedia() throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), SDP);
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=9"), tcp(0), null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("media not found");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // TestServerRecordErrorSetupMediaTwice: a media is set up once.
    @Test
    void setupMediaTwice() throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), SDP);
            String session = c.doSetup(ts.url("/teststream/trackID=0"), tcp(0), null).session();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=0"), tcp(2), session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("media has already been setup");
        }
    }

    // TestServerRecordErrorRecordPartialMedias: RECORD needs every announced media set up.
    @Test
    void recordPartialMedias() throws Exception {
        try (TestServer ts = start(publishing())) {
            RtspTestClient c = ts.connect();
            c.doAnnounce(ts.url("/teststream"), SDP);
            String session = c.doSetup(ts.url("/teststream/trackID=0"), tcp(0), null).session();
            RtspTestClient.Response r = c.request("RECORD", ts.url("/teststream"), "Session: " + session);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.bodyText()).contains("not all announced medias have been setup");
            ServerProtocolTest.assertStillServing(c);
        }
    }

    // RECORD before ANNOUNCE/SETUP or PLAY on a publisher: 455.
    @Test
    void playOnPublisherIs455() throws Exception {
        try (TestServer ts = start(publishing().play(ctx -> Reply.ok()))) {
            RtspTestClient c = ts.connect();
            String session = publish(ts, c, null, null);
            assertThat(c.requestIgnoreFrames("PLAY", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(455);
        }
    }

    // ------------------------------------------------------------------------------------------ the main flow

    // TestServerRecord (rtsp_udp, rtsp_tcp): RTP and RTCP of the publisher reach the callbacks, RTCP written in
    // onRecord follows the RECORD answer, RTCP can be echoed from a callback, UDP ports are opened with
    // firewall packets, and the counters add up.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void record(String transport) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> checks = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ServerSession s = ctx.session();
            checks.add(s.transport().protocol() + " " + s.query());
            checks.add(s.medias().equals(s.announcedDescription().medias()) ? "medias" : "other medias");
            for (Media m : s.announcedDescription().medias()) {
                s.writePacketRtcp(m, new ReceiverReport(0x99, List.of()));
                s.onPacketRtp(m, m.formats().get(0), (media, format, p) ->
                        received.add("rtp " + format.payloadType() + " seq " + p.sequenceNumber()));
                s.onPacketRtcp(m, (media, p) -> {
                    received.add("rtcp " + media.control() + " " + p.getClass().getSimpleName());
                    s.writePacketRtcp(media, new ReceiverReport(0x98, List.of()));
                });
            }
            return Reply.ok();
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            boolean tcp = transport.equals("tcp");
            UdpPorts p0 = tcp ? null : ts.udpPorts();
            UdpPorts p1 = tcp ? null : ts.udpPorts();
            String url = ts.url("/teststream?param=value");
            c.doAnnounce(url, SDP);
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream?param=value/trackID=0"),
                    tcp ? tcp(2) : udp(p0), null);
            String session = r.session();
            assertThat(r.header("Transport")).isEqualTo(tcp ? "RTP/AVP/TCP;unicast;interleaved=2-3;mode=record"
                    : "RTP/AVP;unicast;" + p0.clientPort() + ";server_port=" + ts.udpRtp().getPort() + "-"
                            + ts.udpRtcp().getPort() + ";mode=record");
            c.doSetup(ts.url("/teststream?param=value/trackID=1"), tcp ? tcp(4) : udp(p1), session);
            c.doRecord(url, session);
            assertThat(checks).containsExactly((tcp ? "TCP" : "UDP") + " param=value", "medias");

            if (tcp) {
                // The RTCP written in onRecord, after the answer.
                assertThat(c.readFrame().channel()).isEqualTo(3);
                assertThat(c.readFrame().channel()).isEqualTo(5);
                c.sendFrame(2, Fixtures.rtp(96, 1, 0, 0x1234, Fixtures.IDR));
                c.sendFrame(4, Fixtures.rtp(97, 2, 0, 0x1235, new byte[] {1}));
                c.sendFrame(3, Fixtures.rtcp(new SenderReport(0x1234, 1L << 32, 0, 1, 1, List.of())));
                // The echo of the callback.
                assertThat(Fixtures.decodeRtcp(c.readFrame(3).payload()).get(0))
                        .isEqualTo(new ReceiverReport(0x98, List.of()));
            } else {
                for (UdpPorts p : List.of(p0, p1)) {
                    // Firewall-opening packets: an empty RTP packet and an empty RR, from the server's ports.
                    DatagramPacket d = UdpPorts.receivePacket(p.rtp);
                    assertThat(d.getLength()).isEqualTo(12);
                    assertThat(d.getPort()).isEqualTo(ts.udpRtp().getPort());
                    assertThat(Fixtures.rtcpType(UdpPorts.receive(p.rtcp))).isEqualTo(201);
                    // The RTCP written in onRecord.
                    assertThat(Fixtures.decodeRtcp(UdpPorts.receive(p.rtcp)))
                            .containsExactly(new ReceiverReport(0x99, List.of()));
                }
                p0.sendRtp(Fixtures.rtp(96, 1, 0, 0x1234, Fixtures.IDR), ts.udpRtp());
                p1.sendRtp(Fixtures.rtp(97, 2, 0, 0x1235, new byte[] {1}), ts.udpRtp());
                p0.sendRtcp(Fixtures.rtcp(new SenderReport(0x1234, 1L << 32, 0, 1, 1, List.of())), ts.udpRtcp());
                assertThat(Fixtures.decodeRtcp(UdpPorts.receive(p0.rtcp)).get(0))
                        .isEqualTo(new ReceiverReport(0x98, List.of()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);
            assertThat(received).containsExactlyInAnyOrder("rtp 96 seq 1", "rtp 97 seq 2",
                    "rtcp trackID=0 SenderReport");

            ServerSession s = h.awaitSessionOpen();
            SessionStats stats = s.stats();
            assertThat(stats.inboundRtpPackets()).isEqualTo(2);
            assertThat(stats.inboundRtcpPackets()).isEqualTo(1);
            assertThat(stats.inboundBytes()).isEqualTo(12 + Fixtures.IDR.length + 12 + 1 + 28);
            SessionStats.FormatStats f0 = stats.medias().get(0).formats().get(0);
            assertThat(f0.remoteSsrc()).isEqualTo(0x1234);
            assertThat(f0.packetsReceived()).isEqualTo(1);
            assertThat(f0.lastSequenceNumber()).isEqualTo(1);
            assertThat(f0.lastRtpTimestamp()).isZero();
            assertThat(f0.outboundLastSequenceNumber()).isEqualTo(-1);
            assertThat(c.requestIgnoreFrames("TEARDOWN", url, "Session: " + session).status()).isEqualTo(200);
            assertThat(h.awaitSessionClose().message()).startsWith("torn down by");
        }
    }

    // TestServerRecordErrorInvalidProtocol: interleaved frames on the connection of a UDP publisher make no sense:
    // the connection is closed (received unexpected interleaved frame).
    @Test
    void interleavedFrameOnUdpPublisher() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            publish(ts, c, ts.udpPorts(), ts.udpPorts());
            c.sendFrame(0, Fixtures.rtp(96, 1, 0, 1, Fixtures.IDR));
            assertThat(c.awaitClosed()).isTrue();
            assertThat(h.awaitConnectionClose().message()).isEqualTo("received unexpected interleaved frame");
        }
    }

    // TestServerRecordRTCPReport (+ TCP, which gortsplib does not do): receiver reports carry the publisher's
    // SSRC, the last sequence number and the middle 32 bits of its last SR's NTP time (LSR).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void receiverReports(String transport) throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h, b -> b.receiverReportPeriod(Duration.ofMillis(300)))) {
            RtspTestClient c = ts.connect();
            boolean tcp = transport.equals("tcp");
            UdpPorts p0 = tcp ? null : ts.udpPorts();
            UdpPorts p1 = tcp ? null : ts.udpPorts();
            publish(ts, c, p0, p1);
            if (!tcp) {
                p0.drain();
            }
            long ntp = ntp(Instant.parse("2018-02-20T19:00:00Z"));
            byte[] sr = Fixtures.rtcp(new SenderReport(0x9dbb7812L, ntp, 54352, 1, 1, List.of()));
            byte[] rtp = Fixtures.rtp(96, 534, 54352, 0x9dbb7812L, Fixtures.IDR);
            if (tcp) {
                c.sendFrame(0, rtp);
                c.sendFrame(1, sr);
            } else {
                p0.sendRtp(rtp, ts.udpRtp());
                p0.sendRtcp(sr, ts.udpRtcp());
            }
            ReceptionReport block;
            List<RtcpPacket> compound;
            do {
                compound = Fixtures.decodeRtcp(tcp ? c.readFrame(1).payload() : UdpPorts.receive(p0.rtcp));
                ReceiverReport rr = (ReceiverReport) compound.get(0);
                block = rr.reports().isEmpty() ? null : rr.reports().get(0);
            } while (block == null || block.lastSenderReport() == 0);
            assertThat(block.ssrc()).isEqualTo(0x9dbb7812L);
            assertThat(block.lastSequenceNumber()).isEqualTo(534);
            assertThat(block.lastSenderReport()).isEqualTo((ntp >>> 16) & 0xffffffffL);
            assertThat(block.lastSenderReport()).isEqualTo(4004511744L);
            // RFC 3550 §6.1: an SDES CNAME in every compound.
            assertThat(compound.get(1)).isInstanceOf(SourceDescription.class);
        }
    }

    private static long ntp(Instant t) {
        long seconds = t.getEpochSecond() + 2208988800L;
        long fraction = (t.getNano() * (1L << 32)) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }

    // TestServerRecordTimeout (udp): a UDP publisher that stops sending is closed after the read timeout (1 s),
    // although it never sends keep-alive requests (FFmpeg does not, mediamtx#5100).
    @Test
    void udpRecordTimeout() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h, b -> b.readTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            publish(ts, c, ts.udpPorts(), ts.udpPorts());
            assertThat(h.awaitSessionClose().message()).contains("session timed out");
        }
    }

    // TestServerRecordTimeout (tcp): a TCP publisher whose media stops is closed after the read timeout, with its
    // connection.
    @Test
    void tcpRecordTimeout() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h, b -> b.readTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            publish(ts, c, null, null);
            assertThat(h.awaitConnectionClose().message()).contains("read timeout");
            h.awaitSessionClose();
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    // A UDP publisher's RTSP connection is not closed for idling: FFmpeg sends no keep-alives while recording
    // over UDP (mediamtx#5100); its media keeps the session alive.
    @Test
    void udpPublisherConnectionDoesNotIdleOut() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h, b -> b.idleTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            UdpPorts p0 = ts.udpPorts();
            publish(ts, c, p0, ts.udpPorts());
            for (int i = 0; i < 12; i++) {
                p0.sendRtp(Fixtures.rtp(96, i, i * 3000L, 1, Fixtures.NON_IDR), ts.udpRtp());
                Thread.sleep(200);
            }
            assertThat(h.connectionsClosed).isEmpty();
            assertThat(h.sessionsClosed).isEmpty();
        }
    }

    // TestServerRecordWithoutTeardown (tcp): closing the connection ends a TCP publisher at once.
    @Test
    void tcpRecordWithoutTeardown() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            publish(ts, c, null, null);
            c.close();
            assertThat(h.awaitSessionClose().reason()).isNotNull();
        }
    }

    // TestServerRecordWithoutTeardown (udp): a UDP publisher survives its connection while media flows, then times
    // out once it stops.
    @Test
    void udpRecordWithoutTeardown() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h, b -> b.readTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            publish(ts, c, ts.udpPorts(), ts.udpPorts());
            c.close();
            h.awaitConnectionClose();
            assertThat(h.awaitSessionClose().message()).contains("session timed out");
        }
    }

    // TestServerRecordUDPChangeConn: a new connection of the same IP may use the UDP publishing session.
    @Test
    void udpRecordChangeConnection() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = publish(ts, c, ts.udpPorts(), ts.udpPorts());
            c.close();
            h.awaitConnectionClose();
            RtspTestClient c2 = ts.connect();
            assertThat(c2.request("GET_PARAMETER", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
        }
    }

    // TestServerRecordPausePause: RECORD, PAUSE, PAUSE are all 200; PAUSE stops reception.
    @Test
    void recordPausePause() throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = publish(ts, c, null, null);
            for (int i = 0; i < 2; i++) {
                assertThat(c.requestIgnoreFrames("PAUSE", ts.url("/teststream"), "Session: " + session).status())
                        .isEqualTo(200);
            }
            assertThat(h.awaitSessionOpen().state()).isEqualTo(ServerSessionState.PRE_RECORD);
            c.doRecord(ts.url("/teststream"), session);
        }
    }

    static Stream<Arguments> publisherDecodeErrors() {
        byte[] tooBig = new byte[2000];
        tooBig[0] = (byte) 0x80;
        tooBig[1] = 96;
        byte[] rtcpTooBig = new byte[2000];
        rtcpTooBig[0] = (byte) 0x80;
        rtcpTooBig[1] = (byte) 201;
        return Stream.of(
                Arguments.of("udp", "rtp invalid", true, new byte[] {0x01, 0x02}, "RTP packet too short"),
                Arguments.of("udp", "rtcp invalid", false, new byte[] {0x01, 0x02}, "RTCP"),
                Arguments.of("udp", "rtp unknown payload type", true, Fixtures.rtp(111, 1, 0, 1, new byte[] {1}),
                        "received RTP packet with unknown payload type: 111"),
                Arguments.of("udp", "rtcp too big", false, rtcpTooBig, "RTCP packet is too big to be read with UDP"),
                Arguments.of("udp", "rtp too big", true, tooBig, "RTP packet is too big to be read with UDP"),
                Arguments.of("tcp", "rtcp invalid", false, new byte[] {0x01, 0x02}, "RTCP"),
                Arguments.of("tcp", "rtp unknown payload type", true, Fixtures.rtp(111, 1, 0, 1, new byte[] {1}),
                        "received RTP packet with unknown payload type: 111"),
                Arguments.of("tcp", "rtcp too big", false, rtcpTooBig,
                        "RTCP packet size (2000) is greater than maximum allowed (1472)"));
    }

    // TestServerRecordDecodeErrors: bad packets from a publisher are reported to onDecodeError, counted, and the
    // session goes on (RTP up to 65535 bytes is fine over TCP).
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("publisherDecodeErrors")
    void decodeErrors(String transport, String name, boolean rtp, byte[] bad, String message) throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            boolean tcp = transport.equals("tcp");
            UdpPorts p0 = tcp ? null : ts.udpPorts();
            String session = publish(ts, c, p0, tcp ? null : ts.udpPorts());
            if (tcp) {
                c.sendFrame(rtp ? 0 : 1, bad);
            } else if (rtp) {
                p0.sendRtp(bad, ts.udpRtp());
            } else {
                p0.sendRtcp(bad, ts.udpRtcp());
            }
            assertThat(h.awaitDecodeError().getMessage()).contains(message);
            SessionStats stats = h.awaitSessionOpen().stats();
            assertThat(rtp ? stats.inboundRtpPacketsInError() : stats.inboundRtcpPacketsInError()).isEqualTo(1);
            assertThat(c.requestIgnoreFrames("GET_PARAMETER", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
        }
    }

    // TestServerRecordDecodeErrors (rtp packets lost): a gap of sequence numbers is reported once (30 -> 100: 69).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void packetsLost(String transport) throws Exception {
        TestHandler h = publishing();
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            boolean tcp = transport.equals("tcp");
            UdpPorts p0 = tcp ? null : ts.udpPorts();
            publish(ts, c, p0, tcp ? null : ts.udpPorts());
            for (int seq : new int[] {30, 100}) {
                byte[] packet = Fixtures.rtp(96, seq, 0, 1, Fixtures.NON_IDR);
                if (tcp) {
                    c.sendFrame(0, packet);
                } else {
                    p0.sendRtp(packet, ts.udpRtp());
                }
            }
            assertThat(TestHandler.await(h.packetsLost, "onPacketsLost")).isEqualTo(69);
            ServerSession s = h.awaitSessionOpen();
            await().atMost(Duration.ofSeconds(5)).until(() -> s.stats().inboundRtpPacketsLost() == 69);
        }
    }

    // TestServerRecordPacketNTP: after a sender report, a packet 90000 ticks later is 1 s after the SR's NTP time.
    @Test
    void packetNtp() throws Exception {
        AtomicReference<Instant> ntp = new AtomicReference<>();
        AtomicReference<java.util.Optional<Duration>> pts = new AtomicReference<>();
        TestHandler h = publishing().record(ctx -> {
            Media m = ctx.session().announcedDescription().medias().get(0);
            ctx.session().onPacketRtp(m, m.formats().get(0), (media, format, p) -> {
                pts.set(ctx.session().packetPts(media, p));
                ctx.session().packetNtp(media, p).ifPresent(ntp::set);
            });
            return Reply.ok();
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            publish(ts, c, null, null);
            Instant at = Instant.parse("2018-05-20T08:17:15Z");
            c.sendFrame(0, Fixtures.rtp(96, 1, 1000, 0x1234, Fixtures.IDR));
            c.sendFrame(1, Fixtures.rtcp(new SenderReport(0x1234, ntp(at), 54352, 1, 1, List.of())));
            c.sendFrame(0, Fixtures.rtp(96, 2, 54352 + 90000, 0x1234, Fixtures.NON_IDR));
            await().atMost(Duration.ofSeconds(5)).until(() -> ntp.get() != null);
            assertThat(ntp.get()).isEqualTo(at.plusSeconds(1));
            assertThat(pts.get()).isPresent();
        }
    }

    // Requests of a connection are processed in order with its frames: media sent right behind a RECORD that the
    // handler answers asynchronously is received once the RECORD is accepted, not dropped.
    @Test
    void framesBehindAnAsyncRecordAreKeptInOrder() throws Exception {
        List<Integer> seqs = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ctx.session().onPacketRtpAny((media, format, p) -> seqs.add(p.sequenceNumber()));
            return Reply.async(java.util.concurrent.CompletableFuture.supplyAsync(Reply::ok,
                    java.util.concurrent.CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS)));
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String url = ts.url("/teststream");
            c.doAnnounce(url, SDP);
            String session = c.doSetup(url + "/trackID=0", tcp(0), null).session();
            c.doSetup(url + "/trackID=1", tcp(2), session);
            c.sendRequest("RECORD", url, null, "Session: " + session);
            for (int i = 1; i <= 5; i++) {
                c.sendFrame(0, Fixtures.rtp(96, i, 0, 1, Fixtures.NON_IDR));
            }
            assertThat(c.readResponse().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> seqs.size() == 5);
            assertThat(seqs).containsExactly(1, 2, 3, 4, 5);
        }
    }

    // server-bugs.md B3 (a TCP publisher's last frames lost, "connection closed in the middle of a interleaved
    // frame"): a long publisher byte stream cut at random offsets, with keep-alives answered asynchronously (so
    // that frames wait behind them and reading is paused and resumed), ends with every frame received in order
    // and the TEARDOWN seen.
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void tcpPublisherStreamCutAnywhere(long seed) throws Exception {
        List<Integer> seqs = new CopyOnWriteArrayList<>();
        TestHandler h = publishing()
                .getParameter(ctx -> Reply.async(java.util.concurrent.CompletableFuture.supplyAsync(Reply::ok,
                        java.util.concurrent.CompletableFuture.delayedExecutor(20,
                                java.util.concurrent.TimeUnit.MILLISECONDS))))
                .record(ctx -> {
                    ctx.session().onPacketRtpAny((media, format, p) -> seqs.add(p.sequenceNumber()));
                    return Reply.ok();
                });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String url = ts.url("/teststream");
            String session = publish(ts, c, null, null);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            int frames = 3000;
            java.util.Random r = new java.util.Random(seed);
            int cseq = 100;
            for (int i = 0; i < frames; i++) {
                byte[] payload = new byte[1 + r.nextInt(1400)];
                payload[0] = 0x41;
                byte[] rtp = Fixtures.rtp(96, i, i * 3000L, 1, payload);
                all.writeBytes(new byte[] {'$', 0, (byte) (rtp.length >> 8), (byte) rtp.length});
                all.writeBytes(rtp);
                if (i % 300 == 299) {
                    all.writeBytes(Fixtures.utf8("GET_PARAMETER " + url + " RTSP/1.0\r\nCSeq: " + (cseq++)
                            + "\r\nSession: " + session + "\r\n\r\n"));
                }
            }
            all.writeBytes(Fixtures.utf8("TEARDOWN " + url + " RTSP/1.0\r\nCSeq: " + cseq + "\r\nSession: "
                    + session + "\r\n\r\n"));
            byte[] bytes = all.toByteArray();
            Thread responses = new Thread(() -> {
                try {
                    while (true) {
                        c.readResponseIgnoreFrames();
                    }
                } catch (IOException e) {
                    // closed at the end
                }
            });
            responses.setDaemon(true);
            responses.start();
            int pos = 0;
            while (pos < bytes.length) {
                int n = Math.min(bytes.length - pos, 1 + r.nextInt(5000));
                c.socket().getOutputStream().write(bytes, pos, n);
                c.socket().getOutputStream().flush();
                pos += n;
                if (r.nextInt(20) == 0) {
                    Thread.sleep(1);
                }
            }
            assertThat(h.awaitSessionClose().message()).startsWith("torn down by");
            assertThat(seqs).hasSize(frames);
            for (int i = 0; i < frames; i++) {
                assertThat(seqs.get(i)).isEqualTo(i);
            }
            c.close();
        }
    }

    // Media that waits behind a request still in flight is delivered even when the publisher closes right after
    // sending it (server-bugs.md B3 analysis).
    @Test
    void framesBehindAPendingRequestSurviveTheClose() throws Exception {
        List<Integer> seqs = new CopyOnWriteArrayList<>();
        TestHandler h = publishing()
                .getParameter(ctx -> Reply.async(java.util.concurrent.CompletableFuture.supplyAsync(Reply::ok,
                        java.util.concurrent.CompletableFuture.delayedExecutor(300,
                                java.util.concurrent.TimeUnit.MILLISECONDS))))
                .record(ctx -> {
                    ctx.session().onPacketRtpAny((media, format, p) -> seqs.add(p.sequenceNumber()));
                    return Reply.ok();
                });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String session = publish(ts, c, null, null);
            c.sendRequest("GET_PARAMETER", ts.url("/teststream"), null, "Session: " + session);
            for (int i = 1; i <= 3; i++) {
                c.sendFrame(0, Fixtures.rtp(96, i, 0, 1, Fixtures.NON_IDR));
            }
            c.socket().shutdownOutput();
            h.awaitSessionClose();
            assertThat(seqs).containsExactly(1, 2, 3);
        }
    }

    // TestServerRecordDifferentSSRCs (unsecure): a publisher may change its SSRC (a restarted encoder).
    @Test
    void differentSsrcs() throws Exception {
        List<Long> ssrcs = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ctx.session().onPacketRtpAny((media, format, p) -> ssrcs.add(p.ssrc()));
            return Reply.ok();
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            publish(ts, c, null, null);
            c.sendFrame(0, Fixtures.rtp(96, 1, 0, 0x1111, Fixtures.IDR));
            c.sendFrame(0, Fixtures.rtp(96, 2, 0, 0x2222, Fixtures.IDR));
            await().atMost(Duration.ofSeconds(5)).until(() -> ssrcs.size() == 2);
            assertThat(ssrcs).containsExactly(0x1111L, 0x2222L);
            assertThat(h.decodeErrors).isEmpty();
        }
    }

    // UDP source check (§5.4): media from another port than the declared one (or another IP) is dropped, so that
    // nobody can inject packets into a session.
    @Test
    void udpPacketsFromTheWrongAddressAreDropped() throws Exception {
        List<Integer> seqs = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ctx.session().onPacketRtpAny((media, format, p) -> seqs.add(p.sequenceNumber()));
            return Reply.ok();
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            UdpPorts p0 = ts.udpPorts();
            publish(ts, c, p0, ts.udpPorts());
            UdpPorts intruder = ts.udpPorts();
            intruder.sendRtp(Fixtures.rtp(96, 666, 0, 1, Fixtures.IDR), ts.udpRtp());
            intruder.sendRtcp(Fixtures.rtcp(new SenderReport(1, 1L << 32, 0, 1, 1, List.of())), ts.udpRtcp());
            // From the RTCP port to the RTP socket: also not the declared source.
            p0.sendRtcp(Fixtures.rtp(96, 667, 0, 1, Fixtures.IDR), ts.udpRtp());
            p0.sendRtp(Fixtures.rtp(96, 1, 0, 1, Fixtures.IDR), ts.udpRtp());
            await().atMost(Duration.ofSeconds(5)).until(() -> !seqs.isEmpty());
            Thread.sleep(200);
            assertThat(seqs).containsExactly(1);
            assertThat(h.awaitSessionOpen().stats().inboundRtcpPackets()).isZero();
        }
    }

    // The publisher's packets are given to callbacks without copies and released after: no leak even when a
    // callback keeps nothing (checked by the leak extension), and the packet is valid during the call.
    @Test
    void packetPayloadIsReadableInTheCallback() throws Exception {
        List<Integer> firstBytes = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ctx.session().onPacketRtpAny((media, format, p) -> firstBytes.add((int) p.payload().getByte(0)));
            return Reply.ok();
        });
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            publish(ts, c, null, null);
            c.sendFrame(0, Fixtures.rtp(96, 1, 0, 1, Fixtures.IDR));
            await().atMost(Duration.ofSeconds(5)).until(() -> !firstBytes.isEmpty());
            assertThat(firstBytes).containsExactly((int) Fixtures.IDR[0]);
        }
    }
}
