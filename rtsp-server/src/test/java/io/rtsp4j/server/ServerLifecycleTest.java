package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Configuration, start and close of the server (gortsplib-server.md §2 and §12.1). */
class ServerLifecycleTest {

    // TestServerClose: closing twice must be harmless (applications close from several places).
    @Test
    void closeIsIdempotent() throws Exception {
        RtspServer server = new RtspServer(TestServer.config(new TestHandler()).build()).start();
        server.close();
        server.close();
        assertThat(server.isStarted()).isFalse();
        assertThat(server.awaitTermination(Duration.ofSeconds(1))).isTrue();
    }

    // TestServerClose: a server that was never started can be closed too.
    @Test
    void closeWithoutStart() {
        RtspServer server = new RtspServer(TestServer.config(new TestHandler()).build());
        server.close();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    // TestServerNetListener: with port 0 the application must learn the bound port.
    @Test
    void boundAddressesAreReported() throws Exception {
        try (TestServer ts = TestServer.start(new TestHandler())) {
            assertThat(ts.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(ts.address().getPort()).isPositive();
            assertThat(ts.udpRtp().getPort() % 2).isZero();
            assertThat(ts.udpRtcp().getPort()).isEqualTo(ts.udpRtp().getPort() + 1);
        }
    }

    // Start twice is a programming error: say so instead of binding twice.
    @Test
    void startTwiceFails() throws Exception {
        try (TestServer ts = TestServer.start(new TestHandler())) {
            assertThatThrownBy(ts.server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started");
        }
    }

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                invalid("no rtsp address (RTSPAddress not provided)", b -> b.rtspAddress((InetSocketAddress) null),
                        "rtspAddress is required"),
                invalid("udp rtp without rtcp", b -> b.udpAddresses("127.0.0.1:8000", ""),
                        "udpRtpAddress and udpRtcpAddress must be used together"),
                invalid("non even udp rtp port (TestServerErrorInvalidUDPPorts)",
                        b -> b.udpAddresses("127.0.0.1:8001", "127.0.0.1:8002"), "RTP port (8001) must be even"),
                invalid("non consecutive udp ports (TestServerErrorInvalidUDPPorts)",
                        b -> b.udpAddresses("127.0.0.1:8000", "127.0.0.1:8002"),
                        "RTP (8000) and RTCP (8002) ports must be consecutive"),
                invalid("non even multicast rtp port", b -> b.multicast("224.1.0.0/16", 8003, 8004),
                        "multicastRtpPort: RTP port (8003) must be even"),
                invalid("non consecutive multicast ports", b -> b.multicast("224.1.0.0/16", 8002, 8005),
                        "ports must be consecutive"),
                invalid("write queue not a power of two", b -> b.writeQueueSize(100),
                        "writeQueueSize (100) must be a power of two"),
                invalid("write batch of 0 packets", b -> b.writeBatchPackets(0),
                        "writeBatchPackets (0) must be between 1 and 64"),
                invalid("write batch too big", b -> b.writeBatchPackets(65),
                        "writeBatchPackets (65) must be between 1 and 64"),
                invalid("write batch hold under 1 ms", b -> b.writeBatchMaxDelay(Duration.ofMillis(0)),
                        "writeBatchMaxDelay (PT0S) must be between 1 ms and 1 s"),
                invalid("write batch hold over 1 s", b -> b.writeBatchMaxDelay(Duration.ofSeconds(2)),
                        "writeBatchMaxDelay (PT2S) must be between 1 ms and 1 s"),
                invalid("max packet size too big", b -> b.maxPacketSize(70000), "maxPacketSize (70000) must be between"),
                invalid("zero read timeout", b -> b.readTimeout(Duration.ZERO), "readTimeout (PT0S) must be positive"),
                invalid("negative idle timeout", b -> b.idleTimeout(Duration.ofSeconds(-1)), "idleTimeout"),
                invalid("no auth method", b -> b.authMethods(List.of()), "authMethods must list at least one method"),
                invalid("ttl out of range", b -> b.multicastTtl(0), "multicastTtl (0) must be between 1 and 255"),
                invalid("negative limit", b -> b.maxConnections(-1), "maxConnections (-1) must not be negative"));
    }

    private static Arguments invalid(String name, UnaryOperator<RtspServerConfig.Builder> tweak, String message) {
        return Arguments.of(Named.of(name, tweak), message);
    }

    // §2.2: validation errors name the field and the rule, so that a user can fix the configuration.
    @ParameterizedTest
    @MethodSource("invalidConfigs")
    void invalidConfigurationIsRejected(UnaryOperator<RtspServerConfig.Builder> tweak, String message) {
        assertThatThrownBy(() -> tweak.apply(TestServer.config(new TestHandler())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    // Addresses that cannot be parsed are rejected at build time, naming the field.
    @Test
    void invalidAddressIsRejected() {
        assertThatThrownBy(() -> RtspServerConfig.builder().rtspAddress("localhost")).hasMessageContaining("rtspAddress");
        assertThatThrownBy(() -> RtspServerConfig.builder().rtspAddress(":99999")).hasMessageContaining("rtspAddress");
        assertThatThrownBy(() -> RtspServerConfig.builder().multicast("10.0.0.0/8", 8002, 8003))
                .hasMessageContaining("multicastIpRange");
    }

    // §2.2 (leak fix #1064): a failed start releases the sockets it had already opened.
    @Test
    void failedStartReleasesWhatItOpened() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             UdpPorts free = UdpPorts.open()) {
            int rtp = free.rtpPort();
            free.close();
            RtspServer server = new RtspServer(TestServer.config(new TestHandler())
                    .rtspAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), busy.getLocalPort()))
                    .udpAddresses("127.0.0.1:" + rtp, "127.0.0.1:" + (rtp + 1))
                    .build());
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot start");
            // The UDP ports are free again.
            new DatagramSocket(rtp, InetAddress.getLoopbackAddress()).close();
            new DatagramSocket(rtp + 1, InetAddress.getLoopbackAddress()).close();
            server.close();
        }
    }

    // §2.2: a UDP read buffer the OS does not grant fails the start (Linux caps it silently, and a publisher would
    // then lose packets unnoticed); a granted one works.
    @Test
    void udpReadBufferSize() throws Exception {
        RtspServer tooBig = new RtspServer(TestServer.config(new TestHandler()).udpReadBufferSize(1 << 30).build());
        assertThatThrownBy(tooBig::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("udpReadBufferSize: unable to set the UDP read buffer size to 1073741824");
        tooBig.close();
        try (TestServer ts = TestServer.start(new TestHandler(), b -> b.udpReadBufferSize(32 * 1024))) {
            assertThat(ts.udpRtp()).isNotNull();
        }
    }

    // A wildcard address listens on IPv4 and IPv6 (dual stack; gortsplib binds tcp4 only, mediamtx#4652).
    @Test
    void wildcardAddressIsDualStack() throws Exception {
        try (TestServer ts = TestServer.start(new TestHandler(), b -> b.rtspAddress(":0"))) {
            int port = ts.address().getPort();
            try (RtspTestClient v4 = new RtspTestClient(new InetSocketAddress("127.0.0.1", port))) {
                assertThat(v4.request("OPTIONS", "*").status()).isEqualTo(200);
            }
            InetAddress v6 = InetAddress.getByName("::1");
            boolean hasV6 = java.net.NetworkInterface.getByInetAddress(v6) != null;
            if (hasV6) {
                try (RtspTestClient c = new RtspTestClient(new InetSocketAddress(v6, port))) {
                    assertThat(c.request("OPTIONS", "*").status()).isEqualTo(200);
                }
            }
            assertThat(v6).isInstanceOf(Inet6Address.class);
        }
    }

    // Without epoll (other OSes, or -Drtsp4j.noEpoll=true) the server runs on NIO: TCP and UDP readers work.
    @Test
    void nioTransport() throws Exception {
        String before = System.getProperty("rtsp4j.noEpoll");
        System.setProperty("rtsp4j.noEpoll", "true");
        AtomicReference<ServerStream> stream = new AtomicReference<>();
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient c = ts.connect();
            UdpPorts ports = ts.udpPorts();
            c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP;unicast;" + ports.clientPort(), null).session());
            io.rtsp4j.rtp.RtpPacket p = Fixtures.packet(96, 9, 0, 1, Fixtures.NON_IDR);
            try {
                stream.get().writeRtp(stream.get().description().medias().get(0), p);
            } finally {
                p.release();
            }
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(9);
        } finally {
            if (before == null) {
                System.clearProperty("rtsp4j.noEpoll");
            } else {
                System.setProperty("rtsp4j.noEpoll", before);
            }
        }
    }

    // TestServerStreamErrorNoServer: a stream needs a started server (it schedules reports on its loops).
    @Test
    void streamNeedsStartedServer() {
        RtspServer server = new RtspServer(TestServer.config(new TestHandler()).build());
        assertThatThrownBy(() -> new ServerStream(server, Fixtures.h264()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        server.close();
    }

    // A handler may close the server from a callback (an event loop): close() must not wait for its own loop.
    @Test
    void closeFromAHandlerCallback() throws Exception {
        AtomicReference<RtspServer> server = new AtomicReference<>();
        TestHandler h = new TestHandler().describe(ctx -> {
            server.get().close();
            return Reply.status(io.rtsp4j.base.RtspStatus.SERVICE_UNAVAILABLE);
        });
        RtspServer s = new RtspServer(TestServer.config(h).build()).start();
        server.set(s);
        try (RtspTestClient c = new RtspTestClient(s.rtspAddress())) {
            c.sendRequest("DESCRIBE", "rtsp://127.0.0.1/x", null);
            assertThat(s.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    // Closing the server closes every connection and session with the reason "terminated" (§2.3).
    @Test
    void closeTerminatesConnectionsAndSessions() throws Exception {
        java.util.concurrent.atomic.AtomicReference<ServerStream> stream = new java.util.concurrent.atomic.AtomicReference<>();
        TestServer ts = TestServer.start(TestHandler.serving(stream::get));
        try {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient c = ts.connect();
            c.doSetup(ts.url("/teststream/trackID=0"), "RTP/AVP/TCP;unicast;interleaved=0-1", null);
            ts.server.close();
            assertThat(ts.handler.awaitSessionClose().message()).isEqualTo("terminated");
            assertThat(ts.handler.awaitConnectionClose().message()).isEqualTo("terminated");
            assertThat(c.awaitClosed()).isTrue();
        } finally {
            ts.close();
        }
    }
}
