package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.testing.NettyLeakExtension;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * SRTP multicast scenarios ({@code rtsps_multicast_secure}), run by {@link SrtpMulticastNetnsTest} inside a
 * network namespace; prints one {@code RESULT <scenario> OK|FAIL} line per scenario.
 */
public final class SrtpMulticastScenarios {

    static final int RTP_PORT = 8002;
    static final String RANGE = "224.1.0.0/16";

    /** The scenarios, in run order. */
    static final List<String> NAMES = List.of("playSecure", "oneProfilePerGroup", "recordRefused",
            "separateSrtpPorts", "leaks");

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private SrtpMulticastScenarios() {
    }

    /**
     * Runs every scenario (or those named).
     *
     * @param args scenario names, none for all
     */
    public static void main(String[] args) {
        NetnsScenarioRun.runAndReport(args, NAMES, name -> new SrtpMulticastScenarios().run(name));
    }

    private void run(String name) throws Exception {
        switch (name) {
            case "playSecure" -> playSecure();
            case "oneProfilePerGroup" -> oneProfilePerGroup();
            case "recordRefused" -> recordRefused();
            case "separateSrtpPorts" -> separateSrtpPorts();
            case "leaks" -> assertThat(NettyLeakExtension.collect()).isEmpty();
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        }
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    private TestServer start(TestHandler h) {
        return start(h, b -> b);
    }

    private TestServer start(TestHandler h, java.util.function.UnaryOperator<RtspServerConfig.Builder> tweak) {
        TestServer ts = TestServer.start(h, b -> tweak.apply(b.multicast(RANGE, RTP_PORT, RTP_PORT + 1)
                .rtspsAddress("127.0.0.1:0").tls(ServerTlsTest.tls(TlsConfig.Provider.AUTO).build())));
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    private RtspTestClient connectTls(TestServer ts) throws Exception {
        return RtspTestClient.tls(ts.server.rtspsAddress(), trustAll());
    }

    private void writeRtp(int seq, byte[] payload) {
        Media m = stream.get().description().medias().get(0);
        RtpPacket p = Fixtures.packet(96, seq, seq * 3000L, 1, payload);
        try {
            stream.get().writeRtp(m, p);
        } finally {
            p.release();
        }
    }

    private static MulticastSocket join(String group, int port) throws Exception {
        MulticastSocket s = new MulticastSocket(port);
        s.setSoTimeout(RtspTestClient.READ_TIMEOUT_MILLIS);
        s.joinGroup(new InetSocketAddress(InetAddress.getByName(group), 0), NetworkInterface.getByName("lo"));
        return s;
    }

    private static byte[] receive(MulticastSocket s) throws Exception {
        DatagramPacket p = UdpPorts.receivePacket(s);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    // TestServerPlay (rtsps_multicast_secure): SAVP multicast SETUP with the key in KeyMgmt; RTP and the first SR
    // reach the group protected once; the reader's SRTCP report (its own key) reaches the RTCP callback.
    private void playSecure() throws Exception {
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtcpAny((m, p) -> fromReader.add(p));
            return Reply.ok();
        };
        try (TestServer ts = start(h); RtspTestClient c = connectTls(ts);
             MulticastSocket rtp = join("224.1.0.1", RTP_PORT);
             MulticastSocket rtcp = join("224.1.0.1", RTP_PORT + 1)) {
            SrtpKeyMaterial described = SrtpPeer.keysOfSdp(c.describe("/teststream").bodyText()).get(0);
            SrtpKeyMaterial mine = SrtpPeer.newKey();
            String url = c.url("/teststream/trackID=0");
            RtspTestClient.Response r = c.setup(url, "RTP/SAVP;multicast", null,
                    SrtpPeer.keyMgmtHeader(mine, 0x5555, url));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.header("Transport")).startsWith("RTP/SAVP;multicast;destination=224.1.0.1;port=8002-8003");
            SrtpKeyMaterial answered = SrtpPeer.keyOfHeader(r.header("KeyMgmt"));
            assertThat(SrtpPeer.sameKey(answered, described)).isTrue();
            SrtpContext key = SrtpContext.create(answered);
            c.doPlay(c.url("/teststream"), r.session());

            writeRtp(5, Fixtures.IDR);
            byte[] packet = SrtpPeer.unprotectRtp(key, receive(rtp));
            assertThat(Fixtures.sequenceNumber(packet)).isEqualTo(5);
            assertThat(Arrays.copyOfRange(packet, 12, packet.length)).isEqualTo(Fixtures.IDR);
            assertThat(Fixtures.decodeRtcp(SrtpPeer.unprotectRtcp(key, receive(rtcp))).get(0))
                    .isInstanceOf(SenderReport.class);

            byte[] rr = SrtpPeer.protectRtcp(SrtpContext.create(mine),
                    Fixtures.rtcp(new ReceiverReport(0x5555, List.of())));
            rtcp.send(new DatagramPacket(rr, rr.length, InetAddress.getByName("224.1.0.1"), RTP_PORT + 1));
            await().atMost(Duration.ofSeconds(5)).until(() -> !fromReader.isEmpty());
            assertThat(fromReader.get(0)).isEqualTo(new ReceiverReport(0x5555, List.of()));
            assertThat(c.request("TEARDOWN", c.url("/teststream"), "Session: " + r.session()).status())
                    .isEqualTo(200);
        }
    }

    // A media's group carries plain RTP or SRTP, as its first reader chose: a reader asking for the other profile
    // meanwhile gets 461; once the group is released the next reader chooses again.
    private void oneProfilePerGroup() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h); RtspTestClient secure = connectTls(ts)) {
            RtspTestClient plain = ts.connect();
            String session = plain.doSetup(plain.url("/teststream/trackID=0"), "RTP/AVP;multicast", null).session();
            RtspTestClient.Response r = secure.setup(secure.url("/teststream/trackID=0"), "RTP/SAVP;multicast", null);
            assertThat(r.status()).isEqualTo(461);
            assertThat(r.bodyText()).contains("in use with the other RTP profile");
            assertThat(plain.request("TEARDOWN", plain.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
            h.awaitSessionClose();
            r = secure.setup(secure.url("/teststream/trackID=0"), "RTP/SAVP;multicast", null);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }

    // With multicastSrtpPorts (mediamtx's 8006/8007) a group carrying SRTP uses them: SETUP answers them, SRTP
    // reaches the group's SRTP RTP port, and the reader's SRTCP sent to the SRTP RTCP port (the second RTCP
    // listener) reaches the RTCP callback; a later plain group keeps the plain ports.
    private void separateSrtpPorts() throws Exception {
        int srtpPort = 8006;
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtcpAny((m, p) -> fromReader.add(p));
            return Reply.ok();
        };
        try (TestServer ts = start(h, b -> b.multicastSrtpPorts(srtpPort, srtpPort + 1));
             RtspTestClient c = connectTls(ts);
             MulticastSocket rtp = join("224.1.0.1", srtpPort);
             MulticastSocket rtcp = join("224.1.0.1", srtpPort + 1)) {
            c.describe("/teststream");
            SrtpKeyMaterial mine = SrtpPeer.newKey();
            String url = c.url("/teststream/trackID=0");
            RtspTestClient.Response r = c.setup(url, "RTP/SAVP;multicast", null,
                    SrtpPeer.keyMgmtHeader(mine, 0x5555, url));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.header("Transport")).startsWith("RTP/SAVP;multicast;destination=224.1.0.1;port=8006-8007");
            SrtpContext key = SrtpContext.create(SrtpPeer.keyOfHeader(r.header("KeyMgmt")));
            c.doPlay(c.url("/teststream"), r.session());

            writeRtp(9, Fixtures.IDR);
            assertThat(Fixtures.sequenceNumber(SrtpPeer.unprotectRtp(key, receive(rtp)))).isEqualTo(9);
            byte[] rr = SrtpPeer.protectRtcp(SrtpContext.create(mine),
                    Fixtures.rtcp(new ReceiverReport(0x5555, List.of())));
            rtcp.send(new DatagramPacket(rr, rr.length, InetAddress.getByName("224.1.0.1"), srtpPort + 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> fromReader.contains(new ReceiverReport(0x5555, List.of())));
            assertThat(c.request("TEARDOWN", c.url("/teststream"), "Session: " + r.session()).status())
                    .isEqualTo(200);
            h.awaitSessionClose();

            RtspTestClient plain = ts.connect();
            RtspTestClient.Response p = plain.doSetup(plain.url("/teststream/trackID=0"), "RTP/AVP;multicast", null);
            assertThat(p.header("Transport")).startsWith("RTP/AVP;multicast;destination=224.1.0.")
                    .contains("port=8002-8003");
        }
    }

    // Publishing over multicast is not supported, with SRTP neither: 461.
    private void recordRefused() throws Exception {
        try (TestServer ts = start(new TestHandler().announce(ctx -> Reply.ok()).setup(ctx -> Reply.ok()));
             RtspTestClient c = connectTls(ts)) {
            c.doAnnounce(c.url("/pub"), Fixtures.h264Sdp("trackID=0"));
            String url = c.url("/pub/trackID=0");
            RtspTestClient.Response r = c.setup(url, "RTP/SAVP;multicast;mode=record", null,
                    SrtpPeer.keyMgmtHeader(SrtpPeer.newKey(), 1, url));
            assertThat(r.status()).isEqualTo(461);
        }
    }
}
