package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.ReceptionReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.rtcp.SourceDescription;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import java.io.IOException;
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

/**
 * The ONVIF back channel (gortsplib-server.md §8 "Back channels", TestServerPlayBackChannel; ONVIF Streaming
 * Specification §5.3): a {@code sendonly} stream media that only readers sending
 * {@code Require: www.onvif.org/ver20/backchannel} see, on which the server receives the reader's RTP.
 *
 * <p>The stream of these tests: H264 video (trackID=0), the PCMA back channel (trackID=1) and a private
 * application media (trackID=2), so that omitting the back channel leaves a gap in the track ids.
 */
class ServerBackChannelTest {

    private static final String REQUIRE = "Require: www.onvif.org/ver20/backchannel";
    private static final long READER_SSRC = 0x1234ABCDL;
    private static final byte[] AUDIO = {(byte) 0xD5, (byte) 0xD5, 0x55, 0x54};

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    static Session description() {
        return Session.parse(Fixtures.h264Sdp("trackID=0")
                + "m=audio 0 RTP/AVP 8\r\n"
                + "a=control:trackID=1\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=sendonly\r\n"
                + "m=application 0 RTP/AVP 97\r\n"
                + "a=control:trackID=2\r\n"
                + "a=rtpmap:97 private/90000\r\n");
    }

    private TestServer start(TestHandler h) {
        return start(h, b -> b);
    }

    private TestServer start(TestHandler h, UnaryOperator<RtspServerConfig.Builder> tweak) {
        TestServer ts = TestServer.start(h, tweak);
        stream.set(ts.stream(description()));
        return ts;
    }

    private Media media(int i) {
        return stream.get().description().medias().get(i);
    }

    private void writeRtp(int mediaIndex, int seq, byte[] payload) {
        int pt = media(mediaIndex).formats().get(0).payloadType();
        RtpPacket p = Fixtures.packet(pt, seq, seq * 3000L, 0x11223344L, payload);
        try {
            stream.get().writeRtp(media(mediaIndex), p);
        } finally {
            p.release();
        }
    }

    // ------------------------------------------------------------------------------------------ DESCRIBE

    // Without the Require header the back channel is left out, and the other medias keep the track id of their
    // position in the stream (trackID=0 and trackID=2): SETUP of trackID=2 designates the application media.
    @Test
    void describeWithoutRequireOmitsTheBackChannelAndKeepsTrackIds() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            String sdp = c.describe("/teststream").bodyText();
            assertThat(sdp).doesNotContain("m=audio").doesNotContain("a=sendonly").doesNotContain("a=recvonly")
                    .contains("a=control:trackID=0").contains("a=control:trackID=2")
                    .doesNotContain("trackID=1");
            String session = c.doSetup(ts.url("/teststream/trackID=2"), "RTP/AVP/TCP;unicast;interleaved=0-1", null)
                    .session();
            c.doPlay(ts.url("/teststream"), session);
            assertThat(h.awaitSessionOpen().medias()).containsExactly(media(2));
            writeRtp(2, 7, new byte[] {9, 9});
            byte[] rtp = c.readFrame(0).payload();
            assertThat(Fixtures.payloadType(rtp)).isEqualTo(97);
            assertThat(Fixtures.sequenceNumber(rtp)).isEqualTo(7);
        }
    }

    static Stream<Arguments> requireHeaders() {
        return Stream.of(
                Arguments.of("exact tag", "Require: www.onvif.org/ver20/backchannel"),
                Arguments.of("other case", "Require: WWW.ONVIF.ORG/ver20/BackChannel"),
                Arguments.of("padded", "Require:    www.onvif.org/ver20/backchannel   "));
    }

    // With the Require header the back channel is listed as sendonly with its own track id, the others recvonly.
    @ParameterizedTest(name = "{0}")
    @MethodSource("requireHeaders")
    void describeWithRequireListsTheBackChannel(String name, String require) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.describe("/teststream", require);
            assertThat(r.status()).isEqualTo(200);
            Session answered = Session.parse(r.bodyText());
            assertThat(answered.medias()).hasSize(3);
            assertThat(answered.medias().get(1).backChannel()).isTrue();
            assertThat(answered.medias().get(1).control()).isEqualTo("trackID=1");
            assertThat(answered.medias().get(2).control()).isEqualTo("trackID=2");
            String audio = r.bodyText().substring(r.bodyText().indexOf("m=audio"), r.bodyText().indexOf("m=application"));
            assertThat(audio).contains("a=sendonly").contains("a=rtpmap:8 PCMA/8000");
            assertThat(r.bodyText().substring(0, r.bodyText().indexOf("m=audio"))).contains("a=recvonly");
        }
    }

    static Stream<Arguments> unsupportedRequires() {
        return Stream.of(
                Arguments.of("DESCRIBE unknown option", "DESCRIBE", "Require: funky-feature", "funky-feature"),
                Arguments.of("OPTIONS unknown option", "OPTIONS", "Require: funky-feature", "funky-feature"),
                Arguments.of("DESCRIBE back channel and an unknown one", "DESCRIBE",
                        "Require: www.onvif.org/ver20/backchannel, play.basic", "play.basic"),
                Arguments.of("two unknown options on two lines", "DESCRIBE",
                        "Require: a.b\r\nRequire: c.d, a.b", "a.b, c.d"));
    }

    // RFC 2326 §12.32: a required option the server does not support is refused with 551 and named in
    // Unsupported; the connection stays usable.
    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedRequires")
    void unknownRequiredOptionIs551(String name, String method, String require, String unsupported)
            throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.request(method, ts.url("/teststream"), require);
            assertThat(r.status()).isEqualTo(551);
            assertThat(r.header("Unsupported")).isEqualTo(unsupported);
            assertThat(r.header("CSeq")).isNotNull();
            assertThat(c.describe("/teststream", REQUIRE).status()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------ receiving

    /** A reader that set up the video (0) and the back channel (1), playing. */
    private record Reader(RtspTestClient conn, String session, String backChannelTransport, UdpPorts video,
            UdpPorts audio) {

        boolean tcp() {
            return video == null;
        }

        /** Sends RTP on the back channel (TCP channel 2, or from the audio RTP port). */
        void sendBackChannel(TestServer ts, byte[] rtp) throws IOException {
            if (tcp()) {
                conn.sendFrame(2, rtp);
            } else {
                audio.sendRtp(rtp, ts.udpRtp());
            }
        }

        /** Sends RTP on the video media (TCP channel 0, or from the video RTP port). */
        void sendVideo(TestServer ts, byte[] rtp) throws IOException {
            if (tcp()) {
                conn.sendFrame(0, rtp);
            } else {
                video.sendRtp(rtp, ts.udpRtp());
            }
        }

        /** The next receiver report on the back channel's RTCP (TCP channel 3, or the audio RTCP port). */
        ReceiverReport readReceiverReport() throws IOException {
            while (true) {
                byte[] rtcp = tcp() ? conn.readFrame(3).payload() : audio.receiveRtcp();
                for (RtcpPacket p : Fixtures.decodeRtcp(rtcp)) {
                    if (p instanceof ReceiverReport rr) {
                        return rr;
                    }
                }
            }
        }

        long serverSsrc() {
            return Long.parseLong(backChannelTransport.replaceAll(".*ssrc=([0-9A-F]+).*", "$1"), 16);
        }
    }

    private Reader play(TestServer ts, String transport) throws IOException {
        RtspTestClient c = ts.connect();
        assertThat(c.describe("/teststream", REQUIRE).status()).isEqualTo(200);
        if (transport.equals("tcp")) {
            String session = c.setup(ts.url("/teststream/trackID=0"), "RTP/AVP/TCP;unicast;interleaved=0-1", null,
                    REQUIRE).session();
            RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=1"),
                    "RTP/AVP/TCP;unicast;interleaved=2-3", session, REQUIRE);
            assertThat(r.status()).isEqualTo(200);
            assertThat(c.request("PLAY", ts.url("/teststream"), "Session: " + session, REQUIRE).status())
                    .isEqualTo(200);
            return new Reader(c, session, r.header("Transport"), null, null);
        }
        UdpPorts video = ts.udpPorts();
        UdpPorts audio = ts.udpPorts();
        String session = c.setup(ts.url("/teststream/trackID=0"), "RTP/AVP;unicast;" + video.clientPort(), null,
                REQUIRE).session();
        RtspTestClient.Response r = c.setup(ts.url("/teststream/trackID=1"), "RTP/AVP;unicast;" + audio.clientPort(),
                session, REQUIRE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(c.request("PLAY", ts.url("/teststream"), "Session: " + session, REQUIRE).status())
                .isEqualTo(200);
        return new Reader(c, session, r.header("Transport"), video, audio);
    }

    /** Received packets, copied (the callback's packet is valid during the call only). */
    private record Received(Media media, int payloadType, int sequenceNumber, byte[] payload) {
    }

    // TestServerPlayBackChannel (udp, tcp): the reader's RTP on the back channel reaches both packet callbacks
    // with its payload and sequence number, and counts as inbound in the session's stats; the SETUP answer
    // carries the server's SSRC for the back channel.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void readerRtpReachesTheCallbacks(String transport) throws Exception {
        List<Received> any = new CopyOnWriteArrayList<>();
        List<Received> specific = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> any.add(new Received(m, p.payloadType(), p.sequenceNumber(),
                    bytes(p))));
            ctx.session().onPacketRtp(media(1), media(1).formats().get(0), (m, f, p) -> specific.add(
                    new Received(m, p.payloadType(), p.sequenceNumber(), bytes(p))));
            return Reply.ok();
        };
        try (TestServer ts = start(h)) {
            Reader reader = play(ts, transport);
            assertThat(reader.backChannelTransport()).containsPattern("ssrc=[0-9A-F]{8}");
            reader.sendBackChannel(ts, Fixtures.rtp(8, 500, 80000, READER_SSRC, AUDIO));
            reader.sendBackChannel(ts, Fixtures.rtp(8, 501, 80160, READER_SSRC, new byte[] {1, 2}));
            await().atMost(Duration.ofSeconds(10)).until(() -> any.size() == 2 && specific.size() == 2);
            assertThat(any.get(0).media()).isEqualTo(media(1));
            assertThat(any.get(0).payloadType()).isEqualTo(8);
            assertThat(any.get(0).sequenceNumber()).isEqualTo(500);
            assertThat(any.get(0).payload()).containsExactly(AUDIO);
            assertThat(any.get(1).sequenceNumber()).isEqualTo(501);
            assertThat(specific).usingRecursiveFieldByFieldElementComparator().isEqualTo(any);

            ServerSession s = h.awaitSessionOpen();
            SessionStats stats = s.stats();
            assertThat(stats.inboundRtpPackets()).isEqualTo(2);
            assertThat(stats.inboundRtpPacketsLost()).isZero();
            SessionStats.MediaStats audio = stats.medias().get(1);
            assertThat(audio.index()).isEqualTo(1);
            assertThat(audio.inboundRtpPackets()).isEqualTo(2);
            assertThat(audio.inboundBytes()).isEqualTo(2 * 12 + AUDIO.length + 2);
            assertThat(audio.outboundRtpPackets()).isZero();
            SessionStats.FormatStats format = audio.formats().get(0);
            assertThat(format.remoteSsrc()).isEqualTo(READER_SSRC);
            assertThat(format.localSsrc()).isEqualTo(reader.serverSsrc());
            assertThat(format.packetsReceived()).isEqualTo(2);
            assertThat(format.lastSequenceNumber()).isEqualTo(501);
        }
    }

    // The fan-out never sends on a back channel: stream packets of the video reach the reader, nothing arrives on
    // the back channel's ports or channels, and writing to the back channel (stream or direct) is refused.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void streamNeverSendsOnTheBackChannel(String transport) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            Reader reader = play(ts, transport);
            ServerSession s = h.awaitSessionOpen();
            RtpPacket audio = Fixtures.packet(8, 1, 0, 5, AUDIO);
            try {
                assertThatThrownBy(() -> stream.get().writeRtp(media(1), audio))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("back channel");
                assertThatThrownBy(() -> s.writePacketRtp(media(1), audio))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("back channel");
            } finally {
                audio.release();
            }
            for (int seq = 1; seq <= 3; seq++) {
                writeRtp(0, seq, Fixtures.IDR);
            }
            if (reader.tcp()) {
                // Read everything the server sends until the three video packets came (each GET_PARAMETER answer
                // marks a point to look again): only the video's channels (RTP 0, its sender reports 1) are used.
                int videoPackets = 0;
                while (videoPackets < 3) {
                    reader.conn().sendRequest("GET_PARAMETER", ts.url("/teststream"), null,
                            "Session: " + reader.session());
                    Object m;
                    while (!((m = reader.conn().readMessage()) instanceof RtspTestClient.Response)) {
                        RtspTestClient.Frame f = (RtspTestClient.Frame) m;
                        assertThat(f.channel()).as("nothing on the back channel's channels").isIn(0, 1);
                        if (f.channel() == 0) {
                            videoPackets++;
                        }
                    }
                }
            } else {
                for (int seq = 1; seq <= 3; seq++) {
                    assertThat(Fixtures.sequenceNumber(reader.video().receiveRtp())).isEqualTo(seq);
                }
                assertThat(UdpPorts.silent(reader.audio().rtp, 300)).isTrue();
            }
            assertThat(s.stats().medias().get(1).outboundRtpPackets()).isZero();
            assertThat(stream.get().stats().medias().get(1).outboundRtpPackets()).isZero();
        }
    }

    // §6.3/§5.4: RTP from a reader on a media that is not a back channel is ignored (not delivered, not counted),
    // while its RTP on the back channel is delivered.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void readerRtpOnANormalMediaIsIgnored(String transport) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> received.add(new Received(m, p.payloadType(),
                    p.sequenceNumber(), bytes(p))));
            return Reply.ok();
        };
        try (TestServer ts = start(h)) {
            Reader reader = play(ts, transport);
            reader.sendVideo(ts, Fixtures.rtp(96, 1, 0, 77, Fixtures.IDR));
            reader.sendBackChannel(ts, Fixtures.rtp(8, 2, 0, READER_SSRC, AUDIO));
            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            // Both went through the same socket/connection in order: the video packet was seen and dropped first.
            assertThat(received).hasSize(1);
            assertThat(received.get(0).payloadType()).isEqualTo(8);
            ServerSession s = h.awaitSessionOpen();
            assertThat(s.stats().medias().get(0).inboundRtpPackets()).isZero();
            assertThat(s.stats().medias().get(1).inboundRtpPackets()).isEqualTo(1);
            assertThat(h.decodeErrors).isEmpty();
        }
    }

    // §7.2 for back channels: a gap is reported through onPacketsLost with its size, jitter is computed (RFC 3550
    // §6.4.1, with a clock the test moves: two packets 160 ticks apart arriving together give J = 160/16 = 10),
    // and the server sends the reader receiver reports (over UDP and TCP) with its SETUP SSRC, the reader's SSRC,
    // the loss, the highest sequence number and the jitter.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void lossJitterAndReceiverReports(String transport) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
        List<Integer> sequences = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> sequences.add(p.sequenceNumber()));
            return Reply.ok();
        };
        try (TestServer ts = start(h, b -> b.clock(clock).receiverReportPeriod(Duration.ofMillis(200)))) {
            Reader reader = play(ts, transport);
            ServerSession s = h.awaitSessionOpen();
            reader.sendBackChannel(ts, Fixtures.rtp(8, 30, 8000, READER_SSRC, AUDIO));
            reader.sendBackChannel(ts, Fixtures.rtp(8, 31, 8160, READER_SSRC, AUDIO));
            await().atMost(Duration.ofSeconds(10)).until(() -> sequences.size() == 2);
            assertThat(s.stats().medias().get(1).formats().get(0).jitter()).isEqualTo(10.0);
            assertThat(s.stats().inboundRtpPacketsJitter()).isEqualTo(10.0);

            // 32..99 missing: 68 packets (more than UDP's reorder buffer of 64, so UDP declares them lost at once).
            // It arrives on time (69 packets of 20 ms later): D = 0, so J = 10 + (0 - 10) / 16 = 9.375.
            clock.advance(Duration.ofMillis(69 * 20));
            reader.sendBackChannel(ts, Fixtures.rtp(8, 100, 8160 + 69 * 160, READER_SSRC, AUDIO));
            assertThat(TestHandler.await(h.packetsLost, "onPacketsLost")).isEqualTo(68);
            await().atMost(Duration.ofSeconds(10)).until(() -> sequences.size() == 3);
            assertThat(sequences).containsExactly(30, 31, 100);
            assertThat(s.stats().inboundRtpPacketsLost()).isEqualTo(68);
            assertThat(s.stats().medias().get(1).formats().get(0).packetsLost()).isEqualTo(68);

            ReceptionReport block;
            ReceiverReport rr;
            do {
                rr = reader.readReceiverReport();
                block = rr.reports().isEmpty() ? null : rr.reports().get(0);
            } while (block == null || block.lastSequenceNumber() != 100);
            assertThat(rr.ssrc()).isEqualTo(reader.serverSsrc());
            assertThat(block.ssrc()).isEqualTo(READER_SSRC);
            assertThat(block.totalLost()).isEqualTo(68);
            assertThat(block.jitter()).isEqualTo(9);
            assertThat(s.stats().medias().get(1).formats().get(0).jitter()).isEqualTo(9.375);
            assertThat(s.stats().medias().get(1).outboundRtcpPackets()).isPositive();
        }
    }

    // The server's receiver reports come with an SDES CNAME of the same SSRC (RFC 3550 §6.1 compound rule), and a
    // sender report of the reader on the back channel feeds the report's LSR (and packetNtp).
    @Test
    void receiverReportAnswersTheReadersSenderReport() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2018-02-20T19:00:00Z"));
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, b -> b.clock(clock).receiverReportPeriod(Duration.ofMillis(200)))) {
            Reader reader = play(ts, "tcp");
            ServerSession s = h.awaitSessionOpen();
            reader.sendBackChannel(ts, Fixtures.rtp(8, 534, 8000, READER_SSRC, AUDIO));
            reader.conn().sendFrame(3, Fixtures.rtcp(new SenderReport(READER_SSRC,
                    ntp(Instant.parse("2018-02-20T19:00:00Z")), 8000, 1, 4, List.of())));
            byte[] compound;
            ReceptionReport block = null;
            do {
                compound = reader.conn().readFrame(3).payload();
                List<RtcpPacket> packets = Fixtures.decodeRtcp(compound);
                if (packets.get(0) instanceof ReceiverReport rr && !rr.reports().isEmpty()
                        && rr.reports().get(0).lastSenderReport() != 0) {
                    block = rr.reports().get(0);
                    assertThat(packets).hasSize(2);
                    assertThat(((SourceDescription) packets.get(1)).chunks().get(0).source())
                            .isEqualTo(reader.serverSsrc());
                }
            } while (block == null);
            assertThat(block.lastSenderReport()).isEqualTo(4004511744L);
            assertThat(block.lastSequenceNumber()).isEqualTo(534);
            RtpPacket later = Fixtures.packet(8, 535, 16000, READER_SSRC, AUDIO);
            try {
                assertThat(s.packetNtp(media(1), later)).contains(Instant.parse("2018-02-20T19:00:01Z"));
            } finally {
                later.release();
            }
        }
    }

    // PAUSE stops the back channel's receiving and reports, PLAY starts them again: after PLAY, PAUSE, PLAY the
    // reader's next packets are delivered and receiver reports come again, covering the packets of both periods.
    @Test
    void pauseAndPlayAgain() throws Exception {
        List<Integer> sequences = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> sequences.add(p.sequenceNumber()));
            return Reply.ok();
        };
        try (TestServer ts = start(h, b -> b.receiverReportPeriod(Duration.ofMillis(200)))) {
            Reader reader = play(ts, "tcp");
            reader.sendBackChannel(ts, Fixtures.rtp(8, 1, 0, READER_SSRC, AUDIO));
            await().atMost(Duration.ofSeconds(10)).until(() -> sequences.contains(1));
            RtspTestClient c = reader.conn();
            assertThat(c.requestIgnoreFrames("PAUSE", ts.url("/teststream"), "Session: " + reader.session())
                    .status()).isEqualTo(200);
            assertThat(c.requestIgnoreFrames("PLAY", ts.url("/teststream"), "Session: " + reader.session())
                    .status()).isEqualTo(200);
            reader.sendBackChannel(ts, Fixtures.rtp(8, 2, 160, READER_SSRC, AUDIO));
            await().atMost(Duration.ofSeconds(10)).until(() -> sequences.contains(2));
            ReceiverReport rr;
            do {
                rr = reader.readReceiverReport();
            } while (rr.reports().isEmpty() || rr.reports().get(0).lastSequenceNumber() != 2);
            assertThat(rr.reports().get(0).totalLost()).isZero();
            assertThat(sequences).containsExactly(1, 2);
        }
    }

    // ------------------------------------------------------------------------------------------ bad input

    static Stream<Arguments> badBackChannelPackets() {
        return Stream.of(
                Arguments.of("udp", "rtp too short", new byte[] {(byte) 0x80, 8}, "RTP"),
                Arguments.of("udp", "rtp unknown payload type", Fixtures.rtp(111, 1, 0, READER_SSRC, AUDIO),
                        "received RTP packet with unknown payload type: 111"),
                Arguments.of("udp", "rtp version 0", new byte[] {0, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}, "RTP"),
                Arguments.of("tcp", "rtp too short", new byte[] {(byte) 0x80, 8}, "RTP"),
                Arguments.of("tcp", "rtp unknown payload type", Fixtures.rtp(111, 1, 0, READER_SSRC, AUDIO),
                        "received RTP packet with unknown payload type: 111"),
                Arguments.of("tcp", "empty frame", new byte[0], "RTP"));
    }

    // Malformed RTP on the back channel goes to the decode-error callback and the error counter; the session
    // survives: it still answers requests and still delivers the next valid packet.
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBackChannelPackets")
    void badRtpOnTheBackChannel(String transport, String name, byte[] bad, String message) throws Exception {
        List<Integer> sequences = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> sequences.add(p.sequenceNumber()));
            return Reply.ok();
        };
        try (TestServer ts = start(h)) {
            Reader reader = play(ts, transport);
            reader.sendBackChannel(ts, bad);
            assertThat(h.awaitDecodeError().getMessage()).contains(message);
            ServerSession s = h.awaitSessionOpen();
            assertThat(s.stats().inboundRtpPacketsInError()).isEqualTo(1);
            assertThat(reader.conn().requestIgnoreFrames("GET_PARAMETER", ts.url("/teststream"),
                    "Session: " + reader.session()).status()).isEqualTo(200);
            reader.sendBackChannel(ts, Fixtures.rtp(8, 9, 0, READER_SSRC, AUDIO));
            await().atMost(Duration.ofSeconds(10)).until(() -> sequences.contains(9));
            assertThat(s.isClosed()).isFalse();
        }
    }

    // ------------------------------------------------------------------------------------------ API

    // A back channel can be declared in code (Media.Builder#backChannel) as well as parsed from a=sendonly.
    @Test
    void backChannelDeclaredInCode() throws Exception {
        Session base = Fixtures.h264();
        Media talk = Session.parse(Fixtures.h264Sdp("trackID=0") + "m=audio 0 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n").medias().get(1).toBuilder().backChannel(true).build();
        Session d = base.toBuilder().medias(List.of(base.medias().get(0), talk)).build();
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = TestServer.start(h)) {
            stream.set(ts.stream(d));
            RtspTestClient c = ts.connect();
            assertThat(c.describe("/teststream").bodyText()).doesNotContain("m=audio");
            assertThat(c.describe("/teststream", REQUIRE).bodyText()).contains("m=audio 0 RTP/AVP 0")
                    .contains("a=sendonly").contains("a=control:trackID=1");
        }
    }

    // A stream's back channels are part of its identity: a reload may not turn one into a sending media.
    @Test
    void reloadMustKeepBackChannels() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h)) {
            Session d = description();
            List<Media> medias = new java.util.ArrayList<>(d.medias());
            medias.set(1, medias.get(1).toBuilder().backChannel(false).build());
            Session changed = d.toBuilder().medias(medias).build();
            assertThatThrownBy(() -> stream.get().reloadDescription(changed))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("back channel");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static byte[] bytes(RtpPacket p) {
        byte[] out = new byte[p.payload().readableBytes()];
        p.payload().getBytes(p.payload().readerIndex(), out);
        return out;
    }

    /** NTP 64-bit time of an instant. */
    private static long ntp(Instant t) {
        long seconds = t.getEpochSecond() + 2_208_988_800L;
        long fraction = (t.getNano() * (1L << 32)) / 1_000_000_000L;
        return seconds << 32 | fraction;
    }
}
