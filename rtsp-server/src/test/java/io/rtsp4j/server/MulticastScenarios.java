package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.testing.NettyLeakExtension;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The multicast scenarios of gortsplib-server.md §12.2 (TestServerPlay multicast, PlayPause, PlayTimeout,
 * PlayStreamStats, PlayMulticastParams, PlayRTCPReport, PlaySocketError). Multicast must never leave the machine
 * on the host's interfaces, so {@link MulticastNetnsTest} runs this main inside a network namespace whose only
 * interface is {@code lo}; it prints one {@code RESULT <scenario> OK|FAIL} line per scenario.
 */
public final class MulticastScenarios {

    static final int RTP_PORT = 8002;
    static final String RANGE = "224.1.0.0/16";
    private static final String MULTICAST = "RTP/AVP;multicast";

    /** The scenarios, in run order. */
    static final List<String> NAMES = List.of("play", "pause", "timeout", "keptAliveByRtcp", "streamStats",
            "fixedAddresses", "senderReport", "groupReleasedWithLastReader", "readerDisappears",
            "backChannelRefused", "leaks");

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private MulticastScenarios() {
    }

    /**
     * Runs every scenario (or those named).
     *
     * @param args scenario names, none for all
     */
    public static void main(String[] args) {
        NetnsScenarioRun.runAndReport(args, NAMES, name -> new MulticastScenarios().run(name));
    }

    private void run(String name) throws Exception {
        switch (name) {
            case "play" -> play();
            case "pause" -> pause();
            case "timeout" -> timeout();
            case "keptAliveByRtcp" -> keptAliveByRtcp();
            case "streamStats" -> streamStats();
            case "fixedAddresses" -> fixedAddresses();
            case "senderReport" -> senderReport();
            case "groupReleasedWithLastReader" -> groupReleasedWithLastReader();
            case "readerDisappears" -> readerDisappears();
            case "backChannelRefused" -> backChannelRefused();
            case "leaks" -> {
                List<String> leaks = NettyLeakExtension.collect();
                assertThat(leaks).isEmpty();
            }
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        }
    }

    private TestServer start(TestHandler h, UnaryOperator<RtspServerConfig.Builder> tweak) {
        TestServer ts = TestServer.start(h, b -> tweak.apply(b.multicast(RANGE, RTP_PORT, RTP_PORT + 1)));
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    private Media media(int i) {
        return stream.get().description().medias().get(i);
    }

    private void writeRtp(int seq, byte[] payload) {
        RtpPacket p = Fixtures.packet(96, seq, seq * 3000L, 1, payload);
        try {
            stream.get().writeRtp(media(0), p);
        } finally {
            p.release();
        }
    }

    /** A reader's socket joined to a group on lo, on one port. */
    private static MulticastSocket join(String group, int port) throws Exception {
        MulticastSocket s = new MulticastSocket(port);
        s.setSoTimeout(RtspTestClient.READ_TIMEOUT_MILLIS);
        s.joinGroup(new InetSocketAddress(InetAddress.getByName(group), 0), NetworkInterface.getByName("lo"));
        return s;
    }

    private static byte[] receive(MulticastSocket s) throws Exception {
        DatagramPacket p = UdpPorts.receivePacket(s);
        return java.util.Arrays.copyOf(p.getData(), p.getLength());
    }

    // TestServerPlay (rtsp_multicast): SETUP answer, delivery to the group, reader RTCP reaching the handler.
    private void play() throws Exception {
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            assertThat(ctx.session().transport().protocol()).isEqualTo(TransportProtocol.UDP_MULTICAST);
            ctx.session().onPacketRtcpAny((m, p) -> fromReader.add(p));
            return Reply.ok();
        };
        try (TestServer ts = start(h, b -> b);
             MulticastSocket rtp = join("224.1.0.1", RTP_PORT);
             MulticastSocket rtcp = join("224.1.0.1", RTP_PORT + 1)) {
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null);
            assertThat(r.header("Transport")).matches(
                    "RTP/AVP;multicast;destination=224\\.1\\.0\\.1;port=8002-8003;ttl=16;ssrc=[0-9A-F]{8}");
            String session = r.session();
            c.doPlay(ts.url("/teststream"), session);
            stream.get().writeRtcp(media(0), new ReceiverReport(0x77, List.of()));
            writeRtp(5, Fixtures.NON_IDR);
            assertThat(Fixtures.sequenceNumber(receive(rtp))).isEqualTo(5);
            assertThat(Fixtures.decodeRtcp(receive(rtcp))).containsExactly(new ReceiverReport(0x77, List.of()));
            byte[] rr = Fixtures.rtcp(new ReceiverReport(0x55, List.of()));
            rtcp.send(new DatagramPacket(rr, rr.length, InetAddress.getByName("224.1.0.1"), RTP_PORT + 1));
            await().atMost(Duration.ofSeconds(5)).until(() -> !fromReader.isEmpty());
            assertThat(fromReader.get(0)).isEqualTo(new ReceiverReport(0x55, List.of()));
            assertThat(c.request("GET_PARAMETER", ts.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
            assertThat(c.request("TEARDOWN", ts.url("/teststream"), "Session: " + session).status()).isEqualTo(200);
            assertThat(h.awaitSessionClose().message()).startsWith("torn down");
        }
    }

    // TestServerPlayPause (multicast): PAUSE of the only reader stops the group's packets; PLAY resumes them.
    private void pause() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), b -> b);
             MulticastSocket rtp = join("224.1.0.1", RTP_PORT)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session();
            c.doPlay(ts.url("/teststream"), session);
            writeRtp(1, Fixtures.NON_IDR);
            assertThat(Fixtures.sequenceNumber(receive(rtp))).isEqualTo(1);
            assertThat(c.request("PAUSE", ts.url("/teststream"), "Session: " + session).status()).isEqualTo(200);
            writeRtp(2, Fixtures.NON_IDR);
            assertThat(UdpPorts.silent(rtp, 300)).isTrue();
            c.doPlay(ts.url("/teststream"), session);
            writeRtp(3, Fixtures.NON_IDR);
            assertThat(Fixtures.sequenceNumber(receive(rtp))).isEqualTo(3);
        }
    }

    // TestServerPlayTimeout (multicast): no request and no RTCP for the idle timeout: the session is closed.
    private void timeout() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session();
            c.doPlay(ts.url("/teststream"), session);
            c.close();
            assertThat(h.awaitSessionClose().message()).contains("session timed out");
        }
    }

    // RTCP sent to the group keeps a multicast reader alive; the server's own reports looped back do not count.
    private void keptAliveByRtcp() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, b -> b.idleTimeout(Duration.ofSeconds(1)));
             MulticastSocket rtcp = join("224.1.0.1", RTP_PORT + 1)) {
            RtspTestClient c = ts.connect();
            String session = c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session();
            c.doPlay(ts.url("/teststream"), session);
            byte[] rr = Fixtures.rtcp(new ReceiverReport(0x55, List.of()));
            for (int i = 0; i < 12; i++) {
                rtcp.send(new DatagramPacket(rr, rr.length, InetAddress.getByName("224.1.0.1"), RTP_PORT + 1));
                Thread.sleep(200);
            }
            assertThat(h.sessionsClosed).isEmpty();
        }
    }

    // TestServerPlayStreamStats: a TCP and a multicast reader: each packet counted once per reader (the group is one).
    private void streamStats() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), b -> b);
             MulticastSocket rtp = join("224.1.0.1", RTP_PORT)) {
            RtspTestClient c1 = ts.connect();
            c1.doPlay(ts.url("/teststream"), c1.doSetup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP/TCP;unicast;interleaved=0-1", null).session());
            RtspTestClient c2 = ts.connect();
            c2.doPlay(ts.url("/teststream"), c2.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session());
            RtspTestClient c3 = ts.connect();
            c3.doPlay(ts.url("/teststream"), c3.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session());
            writeRtp(1, Fixtures.NON_IDR);
            c1.readFrame(0);
            receive(rtp);
            assertThat(UdpPorts.silent(rtp, 200)).isTrue(); // sent once for both multicast readers
            StreamStats s = stream.get().stats();
            assertThat(s.outboundRtpPackets()).isEqualTo(2);
            assertThat(s.outboundBytes()).isEqualTo(2 * (12 + Fixtures.NON_IDR.length));
        }
    }

    // TestServerPlayMulticastParams: per-media fixed groups and ports (ONVIF) appear in the SETUP answers.
    private void fixedAddresses() throws Exception {
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get),
                b -> b.multicast(RANGE, RTP_PORT, RTP_PORT + 1))) {
            stream.set(ts.stream(Fixtures.twoMedias()));
            stream.get().setMulticastAddress(media(0), InetAddress.getByName("224.2.0.50"), 9000, 9001);
            stream.get().setMulticastAddress(media(1), InetAddress.getByName("224.2.0.51"), 9002, 9003);
            RtspTestClient c = ts.connect();
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null);
            assertThat(r.header("Transport")).contains("destination=224.2.0.50;port=9000-9001");
            r = c.doSetup(ts.url("/teststream/trackID=1"), MULTICAST, r.session());
            assertThat(r.header("Transport")).contains("destination=224.2.0.51;port=9002-9003");
        }
    }

    // TestServerPlayRTCPReport (multicast): the group gets an SR right after the first key frame.
    private void senderReport() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2017-08-10T12:22:00Z"));
        try (TestServer ts = start(TestHandler.serving(stream::get), b -> b.clock(clock));
             MulticastSocket rtcp = join("224.1.0.1", RTP_PORT + 1)) {
            RtspTestClient c = ts.connect();
            c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session());
            writeRtp(1, Fixtures.IDR);
            SenderReport sr = (SenderReport) Fixtures.decodeRtcp(receive(rtcp)).get(0);
            assertThat(sr.rtpTime()).isEqualTo(3000);
            assertThat(sr.packetCount()).isEqualTo(1);
        }
    }

    // §6.2: groups are allocated at the first multicast SETUP and released with the last reader (#411); the next
    // reader gets a new group.
    private void groupReleasedWithLastReader() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, b -> b)) {
            RtspTestClient c1 = ts.connect();
            String s1 = c1.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session();
            RtspTestClient c2 = ts.connect();
            RtspTestClient.Response r = c2.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null);
            assertThat(r.header("Transport")).contains("destination=224.1.0.1;");
            c1.request("TEARDOWN", ts.url("/teststream"), "Session: " + s1);
            c2.request("TEARDOWN", ts.url("/teststream"), "Session: " + r.session());
            h.awaitSessionClose();
            h.awaitSessionClose();
            RtspTestClient c3 = ts.connect();
            assertThat(c3.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).header("Transport"))
                    .contains("destination=224.1.0.2;");
        }
    }

    // TestServerPlaySocketError (multicast): a reader that disappears does not disturb the stream's writer.
    private void readerDisappears() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            RtspTestClient c = ts.connect();
            c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null).session());
            c.close();
            for (int i = 0; i < 40 && h.sessionsClosed.isEmpty(); i++) {
                writeRtp(i, Fixtures.NON_IDR);
                Thread.sleep(50);
            }
            assertThat(h.awaitSessionClose().message()).contains("timed out");
            writeRtp(100, Fixtures.NON_IDR);
        }
    }

    // A back channel carries one reader's audio to the server: multicast SETUP of it is 461 (no group allocated),
    // the connection stays usable and the video of the same stream is still served by multicast.
    private void backChannelRefused() throws Exception {
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get),
                b -> b.multicast(RANGE, RTP_PORT, RTP_PORT + 1))) {
            stream.set(ts.stream(ServerBackChannelTest.description()));
            RtspTestClient c = ts.connect();
            assertThat(c.setup(ts.url("/teststream/trackID=1"), MULTICAST, null,
                    "Require: www.onvif.org/ver20/backchannel").status()).isEqualTo(461);
            RtspTestClient.Response r = c.doSetup(ts.url("/teststream/trackID=0"), MULTICAST, null);
            assertThat(r.header("Transport")).contains("destination=224.1.0.1");
        }
    }
}
