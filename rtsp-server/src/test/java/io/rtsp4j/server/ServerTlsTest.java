package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.sdp.description.Media;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RTSPS (issue 9, gortsplib-server.md §6.6): a TLS listener beside the plain one, {@code rtsps_tcp_unsecure}
 * play and record (plain RTP inside TLS), UDP refused over TLS until SRTP, TLS garbage, handshake timeout, PEM
 * errors, both TLS providers. Certificates: {@code src/test/resources/tls} (test-only, see its README).
 */
class ServerTlsTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";
    private static final SSLContext TRUST_ALL = trustAll();

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    static Path tlsFile(String name) {
        try {
            return Path.of(ServerTlsTest.class.getResource("/tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TlsConfig.Builder tls(TlsConfig.Provider provider) {
        return TlsConfig.builder().certificateChain(tlsFile("server.crt")).privateKey(tlsFile("server.key"))
                .provider(provider);
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TestServer start(TestHandler h, TlsConfig tls) {
        return start(h, tls, b -> b);
    }

    private TestServer start(TestHandler h, TlsConfig tls, UnaryOperator<RtspServerConfig.Builder> tweak) {
        TestServer ts = TestServer.start(h, b -> tweak.apply(b.rtspsAddress("127.0.0.1:0").tls(tls)));
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    private static RtspTestClient connectTls(TestServer ts) throws IOException {
        return RtspTestClient.tls(ts.server.rtspsAddress(), TRUST_ALL);
    }

    private static String rtsps(TestServer ts, String path) {
        return "rtsps://127.0.0.1:" + ts.server.rtspsAddress().getPort() + path;
    }

    private void writeRtp(int seq) {
        Media m = stream.get().description().medias().get(0);
        RtpPacket p = Fixtures.packet(96, seq, 9000, 0x11223344L, Fixtures.NON_IDR);
        try {
            stream.get().writeRtp(m, p);
        } finally {
            p.release();
        }
    }

    // The tunnels sit behind TLS: an HTTPS tunnel (GET and POST over TLS) on the RTSPS port is one TLS connection
    // with Tunnel.HTTP, offers SAVP like any RTSPS connection and carries plain RTP inside TLS over TCP.
    @Test
    void httpTunnelOverTls() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, tls(TlsConfig.Provider.AUTO).build());
                RtspTestClient c = HttpTunnelTestClient.connect(ts.server.rtspsAddress(), "tls-tunnel", 3, TRUST_ALL)) {
            RtspTestClient.Response r = c.describe("/teststream");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Base")).isEqualTo(rtsps(ts, "/teststream/"));
            assertThat(r.bodyText()).contains("RTP/SAVP");
            // UDP is refused inside a tunnel, SRTP or not.
            assertThat(c.request("SETUP", rtsps(ts, "/teststream/trackID=0"),
                    "Transport: RTP/SAVP;unicast;client_port=30000-30001").status()).isEqualTo(461);
            String session = c.doSetup(rtsps(ts, "/teststream/trackID=0"), TCP, null).session();
            c.doPlay(rtsps(ts, "/teststream"), session);
            writeRtp(777);
            RtspTestClient.Frame f = c.readFrame(0);
            assertThat(Fixtures.sequenceNumber(f.payload())).isEqualTo(777);
            await().atMost(Duration.ofSeconds(5)).until(() -> ts.server.connections().size() == 1);
            ServerConnection conn = ts.server.connections().get(0);
            assertThat(conn.tunnel()).isEqualTo(Tunnel.HTTP);
            assertThat(conn.isSecure()).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------ play / record

    // TestServerPlay (rtsps_tcp_unsecure): DESCRIBE, SETUP over TCP with plain RTP, PLAY, packets inside TLS.
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TlsConfig.Provider.class, names = {"OPENSSL", "JDK"})
    void playTcpUnsecure(TlsConfig.Provider provider) throws Exception {
        List<String> checks = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.describe = ctx -> {
            checks.add("describe secure=" + ctx.connection().isSecure());
            return Reply.ok(stream.get());
        };
        h.play = ctx -> {
            checks.add("play " + ctx.session().transport().protocol() + " " + ctx.session().transport().profile()
                    + " secure=" + ctx.connection().isSecure() + " " + ctx.connection().tlsSession().getProtocol());
            return Reply.ok();
        };
        TlsConfig tls = tls(provider).build();
        assertThat(tls.provider()).isEqualTo(provider);
        try (TestServer ts = start(h, tls); RtspTestClient c = connectTls(ts)) {
            RtspTestClient.Response r = c.describe("/teststream?param=value");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Base")).isEqualTo(rtsps(ts, "/teststream?param=value/"));
            // Over TLS the medias are offered as RTP/SAVP with keys (ServerSrtpTest); TCP readers may still choose
            // plain RTP inside TLS.
            assertThat(r.bodyText()).contains("m=video 0 RTP/SAVP 96");

            r = c.doSetup(rtsps(ts, "/teststream?param=value/trackID=0"), TCP, null);
            assertThat(r.header("Transport")).startsWith("RTP/AVP/TCP;unicast;interleaved=0-1");
            String session = r.session();
            writeRtp(99); // before PLAY: only sets the RTP-Info start
            r = c.doPlay(rtsps(ts, "/teststream?param=value"), session);
            assertThat(r.header("RTP-Info")).startsWith("url=" + rtsps(ts, "/teststream/trackID=0") + ";");

            writeRtp(100);
            RtspTestClient.Frame f = c.readFrame(0);
            assertThat(Fixtures.sequenceNumber(f.payload())).isEqualTo(100);
            assertThat(Arrays.copyOfRange(f.payload(), 12, f.payload().length)).isEqualTo(Fixtures.NON_IDR);

            assertThat(c.requestIgnoreFrames("TEARDOWN", rtsps(ts, "/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
            h.awaitSessionClose();
            assertThat(checks).containsExactly("describe secure=true", "play TCP AVP secure=true TLSv1.3");
            assertThat(h.connectionsOpened.peek().isSecure()).isTrue();
            assertThat(h.connectionsOpened.peek().stats().outboundBytes()).isGreaterThan(300);
        }
    }

    // TestServerRecord (rtsps_tcp_unsecure): ANNOUNCE, SETUP TCP record, RECORD, the publisher's RTP arrives.
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TlsConfig.Provider.class, names = {"OPENSSL", "JDK"})
    void recordTcpUnsecure(TlsConfig.Provider provider) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.record = ctx -> {
            ServerSession s = ctx.session();
            received.add("record secure=" + ctx.connection().isSecure() + " " + s.transport().protocol());
            s.onPacketRtpAny((media, format, p) -> received.add("rtp seq " + p.sequenceNumber()));
            return Reply.ok();
        };
        try (TestServer ts = start(h, tls(provider).build()); RtspTestClient c = connectTls(ts)) {
            String url = rtsps(ts, "/pub");
            c.doAnnounce(url, Fixtures.h264Sdp("trackID=0"));
            String session = c.doSetup(url + "/trackID=0", TCP + ";mode=record", null).session();
            c.doRecord(url, session);
            c.sendFrame(0, Fixtures.rtp(96, 7, 0, 0x1234, Fixtures.IDR));
            c.sendFrame(0, Fixtures.rtp(96, 8, 0, 0x1234, Fixtures.NON_IDR));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
            assertThat(received).containsExactly("record secure=true TCP", "rtp seq 7", "rtp seq 8");
        }
    }

    // UDP and multicast need SRTP over TLS: plain RTP/AVP over them is refused with 461.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RTP/AVP;unicast;client_port=35466-35467", "RTP/AVP;multicast",
        "RTP/AVP;unicast;client_port=35466-35467;mode=record"})
    void udpOverTlsIs461(String transport) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, tls(TlsConfig.Provider.AUTO).build(), b -> b.multicast("224.1.0.0/16", 8002, 8003));
                RtspTestClient c = connectTls(ts)) {
            String url = rtsps(ts, "/teststream");
            if (transport.contains("record")) {
                c.doAnnounce(url, Fixtures.h264Sdp("trackID=0"));
            }
            assertThat(c.setup(url + "/trackID=0", transport, null).status()).isEqualTo(461);
            // The connection stays usable: TCP works.
            assertThat(c.setup(url + "/trackID=0", transport.contains("record") ? TCP + ";mode=record" : TCP, null)
                    .status()).isEqualTo(200);
        }
    }

    // URLs handed out over TLS lead back to TLS, even when the client wrote rtsp://.
    @Test
    void contentBaseIsRtspsOverTls() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), tls(TlsConfig.Provider.AUTO).build());
                RtspTestClient c = connectTls(ts)) {
            String plainUrl = "rtsp://127.0.0.1:" + ts.server.rtspsAddress().getPort() + "/teststream";
            RtspTestClient.Response r = c.request("DESCRIBE", plainUrl, "Accept: application/sdp");
            assertThat(r.header("Content-Base")).isEqualTo(rtsps(ts, "/teststream/"));
        }
    }

    // Plain RTSP and RTSPS side by side, same paths, same handler.
    @Test
    void plainAndTlsSideBySide() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, tls(TlsConfig.Provider.AUTO).build())) {
            assertThat(ts.server.rtspsAddress().getPort()).isNotEqualTo(ts.address().getPort());
            RtspTestClient plain = ts.connect();
            RtspTestClient.Response r = plain.describe("/teststream");
            assertThat(r.header("Content-Base")).isEqualTo(ts.url("/teststream/"));
            ServerConnection plainConn = TestHandler.await(h.connectionsOpened, "plain connection");
            assertThat(plainConn.isSecure()).isFalse();
            assertThat(plainConn.tlsSession()).isNull();
            try (RtspTestClient secure = connectTls(ts)) {
                assertThat(secure.describe("/teststream").header("Content-Base")).isEqualTo(rtsps(ts, "/teststream/"));
                ServerConnection tlsConn = TestHandler.await(h.connectionsOpened, "TLS connection");
                assertThat(tlsConn.isSecure()).isTrue();
                assertThat(tlsConn.tlsSession().getCipherSuite()).startsWith("TLS_");
            }
        }
    }

    // Connections over TLS count toward the same limits.
    @Test
    void tlsConnectionsCountTowardLimits() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), tls(TlsConfig.Provider.AUTO).build(),
                b -> b.maxConnections(1))) {
            RtspTestClient plain = ts.connect();
            assertThat(plain.request("OPTIONS", ts.url("/")).status()).isEqualTo(200);
            try (RtspTestClient secure = connectTls(ts)) {
                assertThat(secure.readResponse().status()).isEqualTo(503);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ bad input

    static Stream<Arguments> garbage() {
        byte[] random = new byte[4096];
        new Random(9).nextBytes(random);
        // A TLS 1.2 ClientHello record header announcing 512 bytes, followed by only the start of the handshake.
        byte[] truncatedHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03, 1, 2, 3};
        // A record header with an impossible length (larger than any TLS record).
        byte[] hugeRecord = {0x16, 0x03, 0x03, (byte) 0xff, (byte) 0xff, 0, 0, 0};
        return Stream.of(
                Arguments.of("plain RTSP request", "OPTIONS rtsp://127.0.0.1/ RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(), true),
                Arguments.of("random bytes", random, true),
                Arguments.of("HTTP GET", "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(), true),
                Arguments.of("record header of impossible length", hugeRecord, true),
                Arguments.of("truncated ClientHello, then close", truncatedHello, false),
                Arguments.of("nothing, then close", new byte[0], false));
    }

    // TLS garbage: the connection is closed with a clear reason, nothing escapes, the server goes on serving.
    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void tlsGarbageClosesTheConnection(String name, byte[] bytes, boolean serverCloses) throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = start(h, tls(TlsConfig.Provider.AUTO).build())) {
            try (Socket s = new Socket()) {
                s.connect(ts.server.rtspsAddress(), 5000);
                s.setSoTimeout(RtspTestClient.READ_TIMEOUT_MILLIS);
                OutputStream out = s.getOutputStream();
                out.write(bytes);
                out.flush();
                if (serverCloses) {
                    assertThat(drainUntilClosed(s.getInputStream())).as("closed by the server").isTrue();
                }
            }
            TestHandler.Closed<ServerConnection> closed = h.awaitConnectionClose();
            if (serverCloses) {
                assertThat(closed.message()).startsWith("TLS handshake failed: ");
            }
            assertThat(closed.subject().isSecure()).isTrue();
            assertThat(h.requests).isEmpty();
            // Forgotten by the server (no leak in its connection set or per-IP counts).
            await().atMost(Duration.ofSeconds(10)).until(() -> ts.server.connections().isEmpty());
            // Still serving, both listeners.
            try (RtspTestClient c = connectTls(ts)) {
                assertThat(c.request("OPTIONS", rtsps(ts, "/")).status()).isEqualTo(200);
            }
            assertThat(ts.connect().request("OPTIONS", ts.url("/")).status()).isEqualTo(200);
        }
    }

    // A client that connects and says nothing is closed after the handshake timeout, not the idle timeout.
    @Test
    void handshakeTimeout() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        TlsConfig tls = tls(TlsConfig.Provider.AUTO).handshakeTimeout(Duration.ofMillis(300)).build();
        try (TestServer ts = start(h, tls); Socket s = new Socket()) {
            s.connect(ts.server.rtspsAddress(), 5000);
            s.setSoTimeout(30_000);
            assertThat(drainUntilClosed(s.getInputStream())).isTrue();
            TestHandler.Closed<ServerConnection> closed = h.awaitConnectionClose();
            assertThat(closed.message()).startsWith("TLS handshake failed: ").contains("timed out");
        }
    }

    private static boolean drainUntilClosed(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        try {
            while (in.read(sink) >= 0) {
                // the server may send a TLS alert first
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    // ------------------------------------------------------------------------------------------ TlsConfig

    static Stream<Arguments> keyFormats() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (TlsConfig.Provider p : List.of(TlsConfig.Provider.OPENSSL, TlsConfig.Provider.JDK)) {
            b.add(Arguments.of(p + " RSA PKCS#8", p, "server.crt", "server.key", null));
            b.add(Arguments.of(p + " RSA PKCS#1", p, "server.crt", "server-pkcs1.key", null));
            b.add(Arguments.of(p + " RSA encrypted PKCS#8", p, "server.crt", "server-encrypted.key", "secret"));
            b.add(Arguments.of(p + " EC PKCS#8", p, "ec.crt", "ec.key", null));
            b.add(Arguments.of(p + " EC SEC1", p, "ec.crt", "ec-sec1.key", null));
        }
        return b.build();
    }

    // Every PEM key format, with both providers: the server completes a TLS 1.3 handshake and answers.
    @ParameterizedTest(name = "{0}")
    @MethodSource("keyFormats")
    void pemKeyFormats(String name, TlsConfig.Provider provider, String cert, String key, String password)
            throws Exception {
        TlsConfig tls = TlsConfig.builder().certificateChain(tlsFile(cert)).privateKey(tlsFile(key))
                .keyPassword(password).provider(provider).build();
        assertThat(tls.provider()).isEqualTo(provider);
        assertThat(tls.requestedProvider()).isEqualTo(provider);
        try (TestServer ts = start(new TestHandler(), tls); RtspTestClient c = connectTls(ts)) {
            assertThat(c.request("OPTIONS", rtsps(ts, "/")).status()).isEqualTo(200);
        }
    }

    @Test
    void autoPrefersOpenSsl() {
        assertThat(TlsConfig.isOpenSslAvailable()).as("netty-tcnative-boringssl-static on linux-x86_64").isTrue();
        TlsConfig tls = TlsConfig.fromPem(tlsFile("server.crt"), tlsFile("server.key"));
        assertThat(tls.requestedProvider()).isEqualTo(TlsConfig.Provider.AUTO);
        assertThat(tls.provider()).isEqualTo(TlsConfig.Provider.OPENSSL);
        assertThat(tls.handshakeTimeout()).isEqualTo(TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    // A JDK SSLContext (here from a PKCS#12 key store) instead of PEM files: the JDK provider.
    @Test
    void fromSslContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tlsFile("server.p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        TlsConfig tls = TlsConfig.builder().sslContext(ctx).build();
        assertThat(tls.provider()).isEqualTo(TlsConfig.Provider.JDK);
        assertThat(tls.certificateChain()).isNull();
        try (TestServer ts = start(new TestHandler(), tls); RtspTestClient c = connectTls(ts)) {
            assertThat(c.request("OPTIONS", rtsps(ts, "/")).status()).isEqualTo(200);
        }
    }

    static Stream<Arguments> badTlsConfigs() throws Exception {
        Path crt = tlsFile("server.crt");
        Path key = tlsFile("server.key");
        Path missing = Path.of("/nonexistent/dir/server.crt");
        return Stream.of(
                Arguments.of("certificate file missing",
                        TlsConfig.builder().certificateChain(missing).privateKey(key),
                        "tls certificateChain (" + missing + "): file not found"),
                Arguments.of("key file missing",
                        TlsConfig.builder().certificateChain(crt).privateKey(Path.of("/nonexistent/k.pem")),
                        "tls privateKey (/nonexistent/k.pem): file not found"),
                Arguments.of("key given as certificate",
                        TlsConfig.builder().certificateChain(key).privateKey(key),
                        "tls certificateChain (" + key + "): no PEM 'CERTIFICATE' block found"),
                Arguments.of("certificate given as key",
                        TlsConfig.builder().certificateChain(crt).privateKey(crt),
                        "tls privateKey (" + crt + "): no PEM 'PRIVATE KEY' block found"),
                Arguments.of("encrypted key without password",
                        TlsConfig.builder().certificateChain(crt).privateKey(tlsFile("server-encrypted.key")),
                        "tls privateKey (" + tlsFile("server-encrypted.key") + "): "),
                Arguments.of("encrypted key with a wrong password",
                        TlsConfig.builder().certificateChain(crt).privateKey(tlsFile("server-encrypted.key"))
                                .keyPassword("wrong"),
                        "tls privateKey (" + tlsFile("server-encrypted.key") + "): "),
                Arguments.of("key of another certificate",
                        TlsConfig.builder().certificateChain(crt).privateKey(tlsFile("ec.key")).provider(TlsConfig.Provider.JDK),
                        "tls privateKey (" + tlsFile("ec.key") + "): the key does not belong to the first certificate"),
                Arguments.of("no key", TlsConfig.builder().certificateChain(crt),
                        "tls privateKey is required (or an sslContext)"),
                Arguments.of("nothing", TlsConfig.builder(), "tls certificateChain is required (or an sslContext)"),
                Arguments.of("zero handshake timeout",
                        TlsConfig.builder().certificateChain(crt).privateKey(key).handshakeTimeout(Duration.ZERO),
                        "tls handshakeTimeout (PT0S) must be positive"),
                Arguments.of("sslContext and files", TlsConfig.builder().sslContext(trustAll()).certificateChain(crt)
                        .privateKey(key), "tls: give either an sslContext or certificateChain and privateKey, not both"),
                Arguments.of("OpenSSL with an sslContext",
                        TlsConfig.builder().sslContext(trustAll()).provider(TlsConfig.Provider.OPENSSL),
                        "tls provider OPENSSL cannot use a JDK sslContext"));
    }

    // Bad certificates and keys: an IllegalArgumentException naming the field and the file.
    @ParameterizedTest(name = "{0}")
    @MethodSource("badTlsConfigs")
    void badTlsConfig(String name, TlsConfig.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty.pem", "garbage.pem", "truncated.pem"})
    void brokenPemFiles(String name, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name);
        switch (name) {
            case "empty.pem" -> Files.write(file, new byte[0]);
            case "garbage.pem" -> Files.writeString(file, "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n"
                    + "-----END CERTIFICATE-----\n");
            default -> {
                String pem = Files.readString(tlsFile("server.crt"));
                Files.writeString(file, pem.substring(0, pem.length() / 2) + "\n-----END CERTIFICATE-----\n");
            }
        }
        assertThatThrownBy(() -> TlsConfig.fromPem(file, tlsFile("server.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tls certificateChain (" + file + "): ");
    }

    static Stream<Arguments> badServerConfigs() {
        TlsConfig tls = tls(TlsConfig.Provider.JDK).build();
        return Stream.of(
                Arguments.of("rtspsAddress without tls", RtspServerConfig.builder().rtspAddress(":8554")
                        .rtspsAddress(":8322"), "rtspsAddress needs tls (a certificate and a key)"),
                Arguments.of("tls without rtspsAddress", RtspServerConfig.builder().rtspAddress(":8554").tls(tls),
                        "tls is set but rtspsAddress is not"),
                Arguments.of("same port", RtspServerConfig.builder().rtspAddress(":8554").rtspsAddress(":8554")
                        .tls(tls), "rtspsAddress (0.0.0.0/0.0.0.0:8554) must differ from rtspAddress"),
                Arguments.of("bad rtspsAddress", RtspServerConfig.builder().rtspAddress(":8554"), "rtspsAddress (x) "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badServerConfigs")
    void badServerConfig(String name, RtspServerConfig.Builder builder, String message) {
        if (name.equals("bad rtspsAddress")) {
            assertThatThrownBy(() -> builder.rtspsAddress("x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(message);
            return;
        }
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void rtspsOffByDefault() throws Exception {
        try (TestServer ts = TestServer.start(new TestHandler())) {
            assertThat(ts.server.rtspsAddress()).isNull();
            assertThat(ts.server.config().rtspsEnabled()).isFalse();
            assertThat(ts.server.config().tls()).isNull();
        }
    }

    @Test
    void configRoundTrip() {
        TlsConfig tls = tls(TlsConfig.Provider.JDK).build();
        RtspServerConfig c = RtspServerConfig.builder().rtspAddress(":8554").rtspsAddress(":8322").tls(tls).build();
        RtspServerConfig copy = c.toBuilder().build();
        assertThat(copy.rtspsAddress()).isEqualTo(new InetSocketAddress(8322));
        assertThat(copy.tls()).isSameAs(tls);
        assertThat(c.toBuilder().rtspsAddress((String) null).tls(null).build().rtspsEnabled()).isFalse();
    }
}
