package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Separate UDP ports for SRTP sessions (issue 9, mediamtx's {@code srtpAddress}/{@code srtcpAddress}): with
 * {@link RtspServerConfig.Builder#srtpUdpAddresses(String, String)} set, RTP/SAVP over UDP answers and uses the
 * SRTP pair while plain RTP/AVP keeps the plain pair; unset, both share the plain pair (as {@link ServerSrtpTest}
 * shows).
 */
class ServerSrtpPortsTest {

    private static final SSLContext TRUST_ALL = trustAll();
    private static final long PUBLISHER_SSRC = 0x1234;

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server with RTSPS and its own SRTP UDP pair (free ports), serving a H.264 stream. */
    private TestServer start(TestHandler h) {
        TestServer ts = TestServer.start(h, b -> b.rtspsAddress("127.0.0.1:0")
                .tls(ServerTlsTest.tls(TlsConfig.Provider.AUTO).build())
                .srtpUdpAddresses("127.0.0.1:0", "127.0.0.1:0"));
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    private static RtspTestClient connectTls(TestServer ts) throws IOException {
        return RtspTestClient.tls(ts.server.rtspsAddress(), TRUST_ALL);
    }

    private void writeRtp(int seq, byte[] payload) {
        Media m = stream.get().description().medias().get(0);
        RtpPacket p = Fixtures.packet(96, seq, seq * 3000L, 0x11223344L, payload);
        try {
            stream.get().writeRtp(m, p);
        } finally {
            p.release();
        }
    }

    private static String serverPort(InetSocketAddress rtp, InetSocketAddress rtcp) {
        return "server_port=" + rtp.getPort() + "-" + rtcp.getPort();
    }

    // The SRTP pair is bound apart from the plain pair, with the same rules (even RTP, RTCP = RTP + 1).
    @Test
    void srtpPairIsBoundApart() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get))) {
            InetSocketAddress rtp = ts.server.srtpUdpRtpAddress();
            InetSocketAddress rtcp = ts.server.srtpUdpRtcpAddress();
            assertThat(rtp.getPort() % 2).isZero();
            assertThat(rtcp.getPort()).isEqualTo(rtp.getPort() + 1);
            assertThat(rtp.getPort()).isNotEqualTo(ts.udpRtp().getPort());
            assertThat(ts.server.config().srtpUdpRtpAddress().getPort()).isZero();
        }
        try (TestServer ts = TestServer.start(new TestHandler())) {
            assertThat(ts.server.srtpUdpRtpAddress()).as("shared by default").isNull();
            assertThat(ts.server.srtpUdpRtcpAddress()).isNull();
        }
    }

    // An SRTP UDP reader is told the SRTP pair and receives SRTP from the SRTP RTP port (SRTCP from the SRTP RTCP
    // port); its SRTCP receiver report sent to the SRTP RTCP port reaches the RTCP callback.
    @Test
    void srtpReaderUsesTheSrtpPair() throws Exception {
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtcpAny((m, p) -> fromReader.add(p));
            return Reply.ok();
        };
        try (TestServer ts = start(h); RtspTestClient c = connectTls(ts)) {
            InetSocketAddress srtpRtp = ts.server.srtpUdpRtpAddress();
            InetSocketAddress srtpRtcp = ts.server.srtpUdpRtcpAddress();
            c.describe("/teststream");
            UdpPorts ports = ts.udpPorts();
            SrtpKeyMaterial mine = SrtpPeer.newKey();
            String setupUrl = c.url("/teststream/trackID=0");
            RtspTestClient.Response r = c.setup(setupUrl, "RTP/SAVP;unicast;" + ports.clientPort(), null,
                    SrtpPeer.keyMgmtHeader(mine, 0x5555, setupUrl));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.header("Transport")).contains(serverPort(srtpRtp, srtpRtcp));
            SrtpContext fromServer = SrtpContext.create(SrtpPeer.keyOfHeader(r.header("KeyMgmt")));
            c.doPlay(c.url("/teststream"), r.session());

            writeRtp(100, Fixtures.IDR);
            DatagramPacket rtp = UdpPorts.receivePacket(ports.rtp);
            assertThat(rtp.getPort()).as("source port of SRTP").isEqualTo(srtpRtp.getPort());
            byte[] clear = SrtpPeer.unprotectRtp(fromServer, Arrays.copyOf(rtp.getData(), rtp.getLength()));
            assertThat(Fixtures.sequenceNumber(clear)).isEqualTo(100);
            DatagramPacket sr = UdpPorts.receivePacket(ports.rtcp);
            assertThat(sr.getPort()).as("source port of SRTCP").isEqualTo(srtpRtcp.getPort());
            assertThat(Fixtures.decodeRtcp(SrtpPeer.unprotectRtcp(fromServer,
                    Arrays.copyOf(sr.getData(), sr.getLength()))).get(0)).isInstanceOf(SenderReport.class);

            byte[] rr = SrtpPeer.protectRtcp(SrtpContext.create(mine),
                    Fixtures.rtcp(new ReceiverReport(0x5555, List.of())));
            ports.sendRtcp(rr, srtpRtcp);
            await().atMost(Duration.ofSeconds(10)).until(() -> !fromReader.isEmpty());
            assertThat(fromReader).containsExactly(new ReceiverReport(0x5555, List.of()));
            assertThat(ts.server.sessions().get(0).stats().inboundRtcpPacketsInError()).isZero();
            assertThat(c.requestIgnoreFrames("TEARDOWN", c.url("/teststream"), "Session: " + r.session()).status())
                    .isEqualTo(200);
        }
    }

    // A plain UDP reader on the rtsp:// port keeps the plain pair, next to the SRTP pair.
    @Test
    void plainReaderKeepsThePlainPair() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get))) {
            RtspTestClient c = ts.connect();
            c.describe("/teststream");
            UdpPorts ports = ts.udpPorts();
            RtspTestClient.Response r = c.doSetup(c.url("/teststream/trackID=0"),
                    "RTP/AVP;unicast;" + ports.clientPort(), null);
            assertThat(r.header("Transport")).contains(serverPort(ts.udpRtp(), ts.udpRtcp()));
            c.doPlay(c.url("/teststream"), r.session());
            writeRtp(7, Fixtures.IDR);
            DatagramPacket rtp = UdpPorts.receivePacket(ports.rtp);
            assertThat(rtp.getPort()).isEqualTo(ts.udpRtp().getPort());
            byte[] clear = Arrays.copyOf(rtp.getData(), rtp.getLength());
            assertThat(Fixtures.sequenceNumber(clear)).isEqualTo(7);
            assertThat(Arrays.copyOfRange(clear, 12, clear.length)).isEqualTo(Fixtures.IDR);
        }
    }

    // An SRTP UDP publisher is told the SRTP pair, gets its firewall packets from it, and its SRTP and SRTCP sent
    // to the SRTP pair reach the callbacks in clear.
    @Test
    void srtpPublisherUsesTheSrtpPair() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        TestHandler h = new TestHandler().announce(ctx -> Reply.ok()).setup(ctx -> Reply.ok()).record(ctx -> {
            Media m = ctx.session().announcedDescription().medias().get(0);
            ctx.session().onPacketRtp(m, m.formats().get(0), (media, f, p) ->
                    received.add("rtp " + p.sequenceNumber()));
            ctx.session().onPacketRtcp(m, (media, p) -> received.add("rtcp " + p.getClass().getSimpleName()));
            return Reply.ok();
        });
        try (TestServer ts = start(h); RtspTestClient c = connectTls(ts)) {
            InetSocketAddress srtpRtp = ts.server.srtpUdpRtpAddress();
            InetSocketAddress srtpRtcp = ts.server.srtpUdpRtcpAddress();
            UdpPorts ports = ts.udpPorts();
            String url = c.url("/pub");
            c.doAnnounce(url, Fixtures.h264Sdp("trackID=0"));
            SrtpKeyMaterial mine = SrtpPeer.newKey();
            RtspTestClient.Response r = c.setup(url + "/trackID=0",
                    "RTP/SAVP;unicast;" + ports.clientPort() + ";mode=record", null,
                    SrtpPeer.keyMgmtHeader(mine, PUBLISHER_SSRC, url + "/trackID=0"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.header("Transport")).contains(serverPort(srtpRtp, srtpRtcp));
            SrtpContext fromServer = SrtpContext.create(SrtpPeer.keyOfHeader(r.header("KeyMgmt")));
            c.doRecord(url, r.session());
            DatagramPacket punch = UdpPorts.receivePacket(ports.rtp);
            assertThat(punch.getPort()).isEqualTo(srtpRtp.getPort());
            assertThat(SrtpPeer.unprotectRtp(fromServer, Arrays.copyOf(punch.getData(), punch.getLength())))
                    .hasSize(12);

            SrtpContext out = SrtpContext.create(mine);
            for (int seq = 1; seq <= 3; seq++) {
                byte[] rtp = Fixtures.rtp(96, seq, seq * 3000L, PUBLISHER_SSRC, new byte[] {0x41, (byte) seq});
                ports.sendRtp(SrtpPeer.protectRtp(out, rtp), srtpRtp);
            }
            byte[] sr = Fixtures.rtcp(new SenderReport(PUBLISHER_SSRC, 1L << 32, 0, 3, 6, List.of()));
            ports.sendRtcp(SrtpPeer.protectRtcp(out, sr), srtpRtcp);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
            assertThat(received.stream().filter(e -> e.startsWith("rtp"))).containsExactly("rtp 1", "rtp 2", "rtp 3");
            assertThat(received).contains("rtcp SenderReport");
            ServerSession s = h.awaitSessionOpen();
            assertThat(s.stats().inboundRtpPacketsInError()).isZero();
        }
    }

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                invalid("srtp rtp without rtcp", b -> b.srtpUdpAddresses("127.0.0.1:8004", ""),
                        "srtpUdpRtpAddress and srtpUdpRtcpAddress must be used together"),
                invalid("srtp pair without udp", b -> b.udpAddresses("", "").srtpUdpAddresses(":8004", ":8005"),
                        "srtpUdpRtpAddress needs udpRtpAddress"),
                invalid("non even srtp rtp port", b -> b.srtpUdpAddresses(":8005", ":8006"),
                        "srtpUdpRtpAddress: RTP port (8005) must be even"),
                invalid("non consecutive srtp ports", b -> b.srtpUdpAddresses(":8004", ":8006"),
                        "srtpUdpRtcpAddress: RTP (8004) and RTCP (8006) ports must be consecutive"),
                invalid("srtp pair = plain pair", b -> b.udpAddresses(":8000", ":8001").srtpUdpAddresses(":8000", ":8001"),
                        "must differ from udpRtpAddress"),
                invalid("srtp multicast ports without multicast", b -> b.multicastSrtpPorts(8006, 8007),
                        "multicastSrtpRtpPort needs multicast enabled"),
                invalid("non even srtp multicast port",
                        b -> b.multicast("224.1.0.0/16", 8002, 8003).multicastSrtpPorts(8007, 8008),
                        "multicastSrtpRtpPort: RTP port (8007) must be even"),
                invalid("non consecutive srtp multicast ports",
                        b -> b.multicast("224.1.0.0/16", 8002, 8003).multicastSrtpPorts(8006, 8009),
                        "multicastSrtpRtcpPort: multicast SRTP RTP (8006) and RTCP (8009) ports must be consecutive"),
                invalid("srtp multicast ports = plain ones",
                        b -> b.multicast("224.1.0.0/16", 8002, 8003).multicastSrtpPorts(8002, 8003),
                        "multicastSrtpRtpPort (8002) must differ from multicastRtpPort"),
                invalid("srtp multicast rtcp port only",
                        b -> b.multicast("224.1.0.0/16", 8002, 8003).multicastSrtpPorts(0, 8007),
                        "multicastSrtpRtpPort (0) must be between 1 and 65534"));
    }

    private static Arguments invalid(String name, UnaryOperator<RtspServerConfig.Builder> tweak, String message) {
        return Arguments.of(Named.of(name, tweak), message);
    }

    // Validation errors name the field and the broken rule, like those of the plain pair.
    @ParameterizedTest
    @MethodSource("invalidConfigs")
    void invalidConfigurationIsRejected(UnaryOperator<RtspServerConfig.Builder> tweak, String message) {
        assertThatThrownBy(() -> tweak.apply(TestServer.config(new TestHandler())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> validConfigs() {
        return Stream.of(
                Arguments.of(Named.of("mediamtx defaults", (UnaryOperator<RtspServerConfig.Builder>) b -> b
                        .udpAddresses(":8000", ":8001").srtpUdpAddresses(":8004", ":8005")
                        .multicast("224.1.0.0/16", 8002, 8003).multicastSrtpPorts(8006, 8007))),
                Arguments.of(Named.of("shared (empty)", (UnaryOperator<RtspServerConfig.Builder>) b -> b
                        .srtpUdpAddresses("", "").multicastSrtpPorts(0, 0))),
                Arguments.of(Named.of("free srtp pair", (UnaryOperator<RtspServerConfig.Builder>) b -> b
                        .srtpUdpAddresses("127.0.0.1:0", "127.0.0.1:0"))));
    }

    @ParameterizedTest
    @MethodSource("validConfigs")
    void validConfigurationIsKept(UnaryOperator<RtspServerConfig.Builder> tweak) {
        RtspServerConfig c = tweak.apply(TestServer.config(new TestHandler())).build();
        RtspServerConfig copy = c.toBuilder().build();
        assertThat(copy.srtpUdpRtpAddress()).isEqualTo(c.srtpUdpRtpAddress());
        assertThat(copy.srtpUdpRtcpAddress()).isEqualTo(c.srtpUdpRtcpAddress());
        assertThat(copy.multicastSrtpRtpPort()).isEqualTo(c.multicastSrtpRtpPort());
        assertThat(copy.multicastSrtpRtcpPort()).isEqualTo(c.multicastSrtpRtcpPort());
    }
}
