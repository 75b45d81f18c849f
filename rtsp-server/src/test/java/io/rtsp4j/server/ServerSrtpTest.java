package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpStream;
import io.rtsp4j.srtp.mikey.MikeyKemacPayload;
import io.rtsp4j.srtp.mikey.MikeyMessage;
import io.rtsp4j.srtp.mikey.MikeyPayload;
import io.rtsp4j.srtp.mikey.MikeyPolicyParam;
import io.rtsp4j.srtp.mikey.MikeySecurityPolicyPayload;
import io.rtsp4j.srtp.mikey.MikeySrtp;
import java.io.IOException;
import java.net.DatagramPacket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * RTSPS with SRTP and MIKEY (gortsplib-server.md §6.6-§6.7, §8; the rtsps_* cases of TestServerPlay and
 * TestServerRecord, TestServerRecordDifferentSSRCs; issue 9): DESCRIBE and SETUP key management, the transport
 * rules over TLS and without it, packets protected once and shared, inbound SRTP failures as decode errors,
 * key-management failures answered 463. Multicast: {@link SrtpMulticastNetnsTest}.
 */
class ServerSrtpTest {

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

    private TestServer start(TestHandler h, Session description) {
        TestServer ts = TestServer.start(h, b -> b.rtspsAddress("127.0.0.1:0")
                .tls(ServerTlsTest.tls(TlsConfig.Provider.AUTO).build()));
        stream.set(ts.stream(description));
        return ts;
    }

    private static RtspTestClient connectTls(TestServer ts) throws IOException {
        return RtspTestClient.tls(ts.server.rtspsAddress(), TRUST_ALL);
    }

    private Media media(int i) {
        return stream.get().description().medias().get(i);
    }

    private void writeRtp(int seq, byte[] payload) {
        RtpPacket p = Fixtures.packet(96, seq, seq * 3000L, 0x11223344L, payload);
        try {
            stream.get().writeRtp(media(0), p);
        } finally {
            p.release();
        }
    }

    /** SETUP with an optional extra header line. */
    private static RtspTestClient.Response setup(RtspTestClient c, String url, String transport, String header)
            throws IOException {
        return header == null ? c.setup(url, transport, null) : c.setup(url, transport, null, header);
    }

    private static TestHandler publishing() {
        return new TestHandler().announce(ctx -> Reply.ok()).setup(ctx -> Reply.ok()).record(ctx -> Reply.ok())
                .pause(ctx -> Reply.ok()).getParameter(ctx -> Reply.ok());
    }

    // ------------------------------------------------------------------------------------------ DESCRIBE

    // With TLS every media is RTP/SAVP with its own key in a=key-mgmt; the same stream described on the plain port
    // stays RTP/AVP without keys, and a publisher's announced keys are never passed on.
    @Test
    void describeOffersKeysOnlyOverTls() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.twoMedias())) {
            String plain = ts.connect().describe("/teststream").bodyText();
            assertThat(plain).contains("m=video 0 RTP/AVP 96").contains("m=application 0 RTP/AVP 97")
                    .doesNotContain("key-mgmt");
            try (RtspTestClient c = connectTls(ts)) {
                String sdp = c.describe("/teststream").bodyText();
                assertThat(sdp).contains("m=video 0 RTP/SAVP 96").contains("m=application 0 RTP/SAVP 97");
                List<SrtpKeyMaterial> keys = SrtpPeer.keysOfSdp(sdp);
                assertThat(keys).hasSize(2);
                assertThat(SrtpPeer.sameKey(keys.get(0), keys.get(1))).as("one key per media").isFalse();
                // The CS ID map names the media's SSRC (current ROC 0).
                long ssrc0 = stream.get().stats().medias().get(0).formats().get(0).localSsrc();
                assertThat(keys.get(0).streams()).containsExactly(new SrtpStream(ssrc0, 0));
                // A second DESCRIBE announces the same key (one per stream media), in a fresh MIKEY message.
                String again = c.describe("/teststream").bodyText();
                assertThat(SrtpPeer.sameKey(SrtpPeer.keysOfSdp(again).get(0), keys.get(0))).isTrue();
                assertThat(again).isNotEqualTo(sdp);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ play

    static Stream<Arguments> playCases() {
        return Stream.of(
                Arguments.of("rtsps_tcp_unsecure", "RTP/AVP/TCP;unicast;interleaved=0-1"),
                Arguments.of("rtsps_tcp_secure", "RTP/SAVP/TCP;unicast;interleaved=0-1"),
                Arguments.of("rtsps_udp_secure", "RTP/SAVP;unicast;"));
    }

    // TestServerPlay (rtsps_*): SETUP answers the DESCRIBE key in KeyMgmt; RTP, the first SR (after the IDR) and
    // stream RTCP arrive protected (SRTP/SRTCP) for secure readers and plain for rtsps_tcp_unsecure; the reader's
    // SRTCP receiver report, protected with the key of its own KeyMgmt, reaches the RTCP callback.
    @ParameterizedTest(name = "{0}")
    @MethodSource("playCases")
    void play(String name, String transport) throws Exception {
        boolean secure = transport.contains("SAVP");
        boolean udp = !transport.contains("TCP");
        List<RtcpPacket> fromReader = new CopyOnWriteArrayList<>();
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            ctx.session().onPacketRtcpAny((m, p) -> fromReader.add(p));
            return Reply.ok();
        };
        try (TestServer ts = start(h, Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            SrtpKeyMaterial described = SrtpPeer.keysOfSdp(c.describe("/teststream").bodyText()).get(0);
            UdpPorts ports = ts.udpPorts();
            SrtpKeyMaterial mine = SrtpPeer.newKey();
            String setupUrl = c.url("/teststream/trackID=0");
            RtspTestClient.Response r = setup(c, setupUrl, udp ? transport + ports.clientPort() : transport,
                    secure ? SrtpPeer.keyMgmtHeader(mine, 0x5555, setupUrl) : null);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            String session = r.session();
            assertThat(r.header("Transport")).startsWith(udp ? transport + ports.clientPort() : transport);
            SrtpContext fromServer = null;
            if (secure) {
                SrtpKeyMaterial answered = SrtpPeer.keyOfHeader(r.header("KeyMgmt"));
                assertThat(SrtpPeer.sameKey(answered, described)).as("SETUP KeyMgmt = DESCRIBE key").isTrue();
                assertThat(r.header("KeyMgmt")).contains("uri=\"" + setupUrl + "\"");
                fromServer = SrtpContext.create(answered);
            } else {
                assertThat(r.header("KeyMgmt")).isNull();
            }
            c.doPlay(c.url("/teststream"), session);

            stream.get().writeRtcp(media(0), new ReceiverReport(0x77, List.of()));
            writeRtp(100, Fixtures.IDR);
            byte[] rtcp = udp ? ports.receiveRtcp() : c.readFrame(1).payload();
            byte[] rtp = udp ? ports.receiveRtp() : c.readFrame(0).payload();
            byte[] sr = udp ? ports.receiveRtcp() : c.readFrame(1).payload();
            if (secure) {
                assertThat(rtp.length).isEqualTo(12 + Fixtures.IDR.length + 10);
                rtcp = SrtpPeer.unprotectRtcp(fromServer, rtcp);
                rtp = SrtpPeer.unprotectRtp(fromServer, rtp);
                sr = SrtpPeer.unprotectRtcp(fromServer, sr);
            }
            assertThat(Fixtures.decodeRtcp(rtcp)).containsExactly(new ReceiverReport(0x77, List.of()));
            assertThat(Fixtures.sequenceNumber(rtp)).isEqualTo(100);
            assertThat(Arrays.copyOfRange(rtp, 12, rtp.length)).isEqualTo(Fixtures.IDR);
            assertThat(Fixtures.decodeRtcp(sr).get(0)).isInstanceOf(SenderReport.class);

            byte[] rr = Fixtures.rtcp(new ReceiverReport(0x5555, List.of()));
            if (secure) {
                rr = SrtpPeer.protectRtcp(SrtpContext.create(mine), rr);
            }
            if (udp) {
                ports.sendRtcp(rr, ts.udpRtcp());
            } else {
                c.sendFrame(1, rr);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !fromReader.isEmpty());
            assertThat(fromReader).containsExactly(new ReceiverReport(0x5555, List.of()));

            ServerSession s = ts.server.sessions().get(0);
            assertThat(s.transport()).isEqualTo(new SessionTransport(udp ? TransportProtocol.UDP : TransportProtocol.TCP,
                    secure ? TransportProfile.SAVP : TransportProfile.AVP));
            assertThat(s.stats().outboundRtpPackets()).isEqualTo(1);
            assertThat(s.stats().inboundRtcpPacketsInError()).isZero();
            assertThat(c.requestIgnoreFrames("TEARDOWN", c.url("/teststream"), "Session: " + session).status())
                    .isEqualTo(200);
        }
    }

    // One stream, three readers: plain TCP on the RTSP port, plain TCP inside TLS and SRTP over TCP inside TLS. The
    // stream protects each packet once for its secure readers; plain readers see the very same RTP bytes.
    @Test
    void plainAndSecureReadersShareTheStream() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264());
                RtspTestClient tlsPlain = connectTls(ts); RtspTestClient tlsSecure = connectTls(ts)) {
            RtspTestClient plain = ts.connect();
            plain.describe("/teststream");
            String s0 = plain.doSetup(plain.url("/teststream/trackID=0"), "RTP/AVP/TCP;unicast;interleaved=0-1", null)
                    .session();
            plain.doPlay(plain.url("/teststream"), s0);
            String s1 = tlsPlain.doSetup(tlsPlain.url("/teststream/trackID=0"), "RTP/AVP/TCP;unicast;interleaved=0-1",
                    null).session();
            tlsPlain.doPlay(tlsPlain.url("/teststream"), s1);
            RtspTestClient.Response r = tlsSecure.doSetup(tlsSecure.url("/teststream/trackID=0"),
                    "RTP/SAVP/TCP;unicast;interleaved=0-1", null);
            SrtpContext key = SrtpContext.create(SrtpPeer.keyOfHeader(r.header("KeyMgmt")));
            tlsSecure.doPlay(tlsSecure.url("/teststream"), r.session());

            for (int seq = 1; seq <= 3; seq++) {
                writeRtp(seq, Fixtures.NON_IDR);
                byte[] a = plain.readFrame(0).payload();
                byte[] b = tlsPlain.readFrame(0).payload();
                byte[] sec = tlsSecure.readFrame(0).payload();
                assertThat(b).isEqualTo(a);
                assertThat(sec).isNotEqualTo(a);
                assertThat(SrtpPeer.unprotectRtp(key, sec)).isEqualTo(a);
            }
            assertThat(stream.get().stats().outboundRtpPackets()).isEqualTo(9);
        }
    }

    // ------------------------------------------------------------------------------------------ record

    static Stream<Arguments> recordCases() {
        return Stream.of(
                Arguments.of("rtsps_tcp_unsecure", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"),
                Arguments.of("rtsps_tcp_secure", "RTP/SAVP/TCP;unicast;interleaved=0-1;mode=record"),
                Arguments.of("rtsps_udp_secure", "RTP/SAVP;unicast;%s;mode=record"));
    }

    // TestServerRecord (rtsps_*): the publisher's key comes from its SETUP KeyMgmt; the answer carries the server's
    // own key (not the publisher's), with which the firewall packets and receiver reports are protected; SRTP and
    // SRTCP from the publisher reach the callbacks in clear.
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordCases")
    void record(String name, String transport) throws Exception {
        boolean secure = transport.contains("SAVP");
        boolean udp = !transport.contains("TCP");
        List<String> received = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            Media m = ctx.session().announcedDescription().medias().get(0);
            ctx.session().onPacketRtp(m, m.formats().get(0), (media, f, p) ->
                    received.add("rtp " + p.sequenceNumber() + " " + Arrays.toString(payload(p))));
            ctx.session().onPacketRtcp(m, (media, p) -> received.add("rtcp " + p.getClass().getSimpleName()));
            return Reply.ok();
        });
        try (TestServer ts = start(h, Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            UdpPorts ports = ts.udpPorts();
            String url = c.url("/pub");
            c.doAnnounce(url, Fixtures.h264Sdp("trackID=0"));
            SrtpKeyMaterial mine = SrtpPeer.newKey();
            RtspTestClient.Response r = setup(c, url + "/trackID=0",
                    udp ? String.format(transport, ports.clientPort()) : transport,
                    secure ? SrtpPeer.keyMgmtHeader(mine, PUBLISHER_SSRC, url + "/trackID=0") : null);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.header("Transport")).startsWith(udp ? "RTP/SAVP;unicast;" : transport.split(";")[0] + ";");
            SrtpContext fromServer = null;
            if (secure) {
                SrtpKeyMaterial server = SrtpPeer.keyOfHeader(r.header("KeyMgmt"));
                assertThat(SrtpPeer.sameKey(server, mine)).as("the server answers its own key").isFalse();
                fromServer = SrtpContext.create(server);
            }
            c.doRecord(url, r.session());
            if (udp) {
                // Firewall-opening packets, protected with the server's key.
                assertThat(SrtpPeer.unprotectRtp(fromServer, ports.receiveRtp())).hasSize(12);
                assertThat(Fixtures.rtcpType(SrtpPeer.unprotectRtcp(fromServer, ports.receiveRtcp()))).isEqualTo(201);
            }
            SrtpContext out = SrtpContext.create(mine);
            for (int seq = 1; seq <= 3; seq++) {
                byte[] rtp = Fixtures.rtp(96, seq, seq * 3000L, PUBLISHER_SSRC, new byte[] {0x41, (byte) seq});
                send(c, udp ? ports : null, ts, false, secure ? SrtpPeer.protectRtp(out, rtp) : rtp);
            }
            byte[] sr = Fixtures.rtcp(new SenderReport(PUBLISHER_SSRC, 1L << 32, 0, 3, 6, List.of()));
            send(c, udp ? ports : null, ts, true, secure ? SrtpPeer.protectRtcp(out, sr) : sr);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 4);
            // RTP and RTCP travel on two UDP sockets: only the RTP order is defined.
            assertThat(received.stream().filter(e -> e.startsWith("rtp"))).containsExactly("rtp 1 [65, 1]",
                    "rtp 2 [65, 2]", "rtp 3 [65, 3]");
            assertThat(received).contains("rtcp SenderReport");
            ServerSession s = h.awaitSessionOpen();
            assertThat(s.stats().inboundRtpPacketsInError()).isZero();
            assertThat(s.stats().inboundRtpPackets()).isEqualTo(3);
        }
    }

    private static byte[] payload(RtpPacket p) {
        byte[] b = new byte[p.payload().readableBytes()];
        p.payload().getBytes(p.payload().readerIndex(), b);
        return b;
    }

    private static void send(RtspTestClient c, UdpPorts ports, TestServer ts, boolean rtcp, byte[] data)
            throws IOException {
        if (ports != null) {
            if (rtcp) {
                ports.sendRtcp(data, ts.udpRtcp());
            } else {
                ports.sendRtp(data, ts.udpRtp());
            }
        } else {
            c.sendFrame(rtcp ? 1 : 0, data);
        }
    }

    /** SETUP + RECORD of a secure publisher over TCP inside TLS; returns its SRTP context. */
    private static SrtpContext publishSecureTcp(RtspTestClient c, SrtpKeyMaterial key) throws IOException {
        String url = c.url("/pub");
        c.doAnnounce(url, Fixtures.h264Sdp("trackID=0"));
        RtspTestClient.Response r = c.setup(url + "/trackID=0", "RTP/SAVP/TCP;unicast;interleaved=0-1;mode=record",
                null, SrtpPeer.keyMgmtHeader(key, PUBLISHER_SSRC, url + "/trackID=0"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        c.doRecord(url, r.session());
        return SrtpContext.create(key);
    }

    // TestServerRecordDifferentSSRCs (secure): the first authenticated SSRC is latched, a second one is refused
    // with a decode error before any cryptography, and the session goes on.
    @Test
    void secondSsrcRefused() throws Exception {
        List<Integer> received = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> received.add(p.sequenceNumber()));
            return Reply.ok();
        });
        try (TestServer ts = start(h, Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            SrtpContext out = publishSecureTcp(c, SrtpPeer.newKey());
            c.sendFrame(0, SrtpPeer.protectRtp(out, Fixtures.rtp(96, 1, 0, PUBLISHER_SSRC, Fixtures.IDR)));
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
            c.sendFrame(0, SrtpPeer.protectRtp(out, Fixtures.rtp(96, 2, 0, 0x9999, Fixtures.IDR)));
            assertThat(h.awaitDecodeError().getMessage())
                    .isEqualTo("received packet with wrong SSRC " + 0x9999 + ", expected " + PUBLISHER_SSRC);
            c.sendFrame(0, SrtpPeer.protectRtp(out, Fixtures.rtp(96, 3, 0, PUBLISHER_SSRC, Fixtures.IDR)));
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
            assertThat(received).containsExactly(1, 3);
            assertThat(h.awaitSessionOpen().stats().inboundRtpPacketsInError()).isEqualTo(1);
        }
    }

    // SRTP with a wrong key, replays and SRTCP with a wrong key: decode errors and counters, never a closed session.
    @Test
    void inboundFailuresAreDecodeErrors() throws Exception {
        List<Integer> received = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> received.add(p.sequenceNumber()));
            return Reply.ok();
        });
        try (TestServer ts = start(h, Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            SrtpContext out = publishSecureTcp(c, SrtpPeer.newKey());
            SrtpContext wrong = SrtpContext.create(SrtpPeer.newKey());
            c.sendFrame(0, SrtpPeer.protectRtp(wrong, Fixtures.rtp(96, 1, 0, PUBLISHER_SSRC, Fixtures.IDR)));
            assertThat(h.awaitDecodeError().getMessage()).startsWith("SRTP: authentication failed");
            byte[] good = SrtpPeer.protectRtp(out, Fixtures.rtp(96, 2, 0, PUBLISHER_SSRC, Fixtures.IDR));
            c.sendFrame(0, good);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
            c.sendFrame(0, good);
            assertThat(h.awaitDecodeError().getMessage()).startsWith("SRTP: replayed packet");
            c.sendFrame(1, SrtpPeer.protectRtcp(wrong, Fixtures.rtcp(new ReceiverReport(PUBLISHER_SSRC, List.of()))));
            assertThat(h.awaitDecodeError().getMessage()).startsWith("SRTCP: authentication failed");
            c.sendFrame(0, new byte[] {(byte) 0x80, 96, 0, 3});
            assertThat(h.awaitDecodeError().getMessage()).startsWith("SRTP: packet too short");

            assertThat(c.requestIgnoreFrames("GET_PARAMETER", c.url("/pub"), "Session: "
                    + h.awaitSessionOpen().id()).status()).isEqualTo(200);
            c.sendFrame(0, SrtpPeer.protectRtp(out, Fixtures.rtp(96, 3, 0, PUBLISHER_SSRC, Fixtures.IDR)));
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
            ServerSession s = ts.server.sessions().get(0);
            assertThat(s.isClosed()).isFalse();
            assertThat(s.stats().inboundRtpPacketsInError()).isEqualTo(3);
            assertThat(s.stats().inboundRtcpPacketsInError()).isEqualTo(1);
        }
    }

    // A publisher may announce its key in the SDP (RFC 4567 §3.1) and SETUP without KeyMgmt.
    @Test
    void keyFromAnnouncedSdp() throws Exception {
        List<Integer> received = new CopyOnWriteArrayList<>();
        TestHandler h = publishing().record(ctx -> {
            ctx.session().onPacketRtpAny((m, f, p) -> received.add(p.sequenceNumber()));
            return Reply.ok();
        });
        try (TestServer ts = start(h, Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            SrtpKeyMaterial key = SrtpPeer.newKey();
            String mikey = MikeySrtp.forSrtp(key, List.of(new SrtpStream(PUBLISHER_SSRC, 0)), Clock.systemUTC())
                    .toKeyMgmtAttribute();
            String sdp = Fixtures.h264Sdp("trackID=0").replace("RTP/AVP", "RTP/SAVP") + "a=key-mgmt:" + mikey + "\r\n";
            String url = c.url("/pub");
            c.doAnnounce(url, sdp);
            RtspTestClient.Response r = c.doSetup(url + "/trackID=0",
                    "RTP/SAVP/TCP;unicast;interleaved=0-1;mode=record", null);
            c.doRecord(url, r.session());
            c.sendFrame(0, SrtpPeer.protectRtp(SrtpContext.create(key),
                    Fixtures.rtp(96, 7, 0, PUBLISHER_SSRC, Fixtures.IDR)));
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
            assertThat(received).containsExactly(7);
        }
    }

    // ------------------------------------------------------------------------------------------ refusals

    /** A MIKEY message like a client's, with a change. */
    private static MikeyMessage mikey(Function<List<MikeyPayload>, List<MikeyPayload>> change, Clock clock) {
        MikeyMessage m = MikeySrtp.forSrtp(SrtpPeer.newKey(), List.of(new SrtpStream(PUBLISHER_SSRC, 0)), clock);
        return new MikeyMessage(m.header(), change.apply(new ArrayList<>(m.payloads())));
    }

    private static List<MikeyPayload> replace(List<MikeyPayload> payloads, MikeyPayload with) {
        payloads.replaceAll(p -> p.getClass() == with.getClass() ? with : p);
        return payloads;
    }

    static Stream<Arguments> badKeyManagement() {
        String url = "rtsps://127.0.0.1/pub/trackID=0";
        MikeyMessage good = mikey(p -> p, Clock.systemUTC());
        MikeySecurityPolicyPayload nullCipher = new MikeySecurityPolicyPayload(0,
                MikeySecurityPolicyPayload.PROTOCOL_SRTP, List.of(
                        MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.ENCRYPTION_ALGORITHM, 0),
                        MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.ENCRYPTION_KEY_LENGTH, 16),
                        MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.AUTHENTICATION_ALGORITHM, 1),
                        MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.SRTP_ENCRYPTION, 1),
                        MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.SRTCP_ENCRYPTION, 1),
                        MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.SRTP_AUTHENTICATION, 1)));
        MikeyKemacPayload kemac = good.payload(MikeyKemacPayload.class).orElseThrow();
        MikeyKemacPayload twoKeys = MikeyKemacPayload.plain(List.of(kemac.keyData().get(0), kemac.keyData().get(0)));
        return Stream.of(
                Arguments.of("no KeyMgmt", null, "RTP/SAVP needs a KeyMgmt header"),
                Arguments.of("bad policy", SrtpPeer.keyMgmtHeader(mikey(p -> replace(p, nullCipher),
                        Clock.systemUTC()), url), "unsupported security policy: encryption algorithm"),
                Arguments.of("time 2 h ago", SrtpPeer.keyMgmtHeader(mikey(p -> p,
                        Clock.offset(Clock.systemUTC(), Duration.ofHours(-2))), url), "from the local time"),
                Arguments.of("time 2 h ahead", SrtpPeer.keyMgmtHeader(mikey(p -> p,
                        Clock.offset(Clock.systemUTC(), Duration.ofHours(2))), url), "from the local time"),
                Arguments.of("two keys", SrtpPeer.keyMgmtHeader(mikey(p -> replace(p, twoKeys), Clock.systemUTC()),
                        url), "KEMAC carries 2 keys, expected exactly one"),
                Arguments.of("not base64", "KeyMgmt: prot=mikey;data=\"!!notbase64\"", "invalid KeyMgmt header"),
                Arguments.of("not MIKEY", "KeyMgmt: prot=mikey;data=\""
                        + Base64.getEncoder().encodeToString(new byte[] {9, 9, 9, 9, 9, 9, 9, 9}) + "\"",
                        "invalid MIKEY message in KeyMgmt"),
                Arguments.of("other protocol", "KeyMgmt: prot=sdes;data=\"" + good.toBase64() + "\"",
                        "unsupported key management protocol 'sdes'"));
    }

    // MIKEY with a bad policy, a time outside ±1 h, two keys, undecodable data or a missing KeyMgmt: 463 Key
    // Management Failure (RFC 4567 §7.2) saying why; the connection stays usable.
    @ParameterizedTest(name = "{0}")
    @MethodSource("badKeyManagement")
    void keyManagementFailures(String name, String keyMgmt, String why) throws Exception {
        try (TestServer ts = start(publishing(), Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            String url = c.url("/pub");
            c.doAnnounce(url, Fixtures.h264Sdp("trackID=0"));
            RtspTestClient.Response r = setup(c, url + "/trackID=0", "RTP/SAVP/TCP;unicast;interleaved=0-1;mode=record",
                    keyMgmt);
            assertThat(r.status()).as(r.toString()).isEqualTo(463);
            assertThat(r.reason()).isEqualTo("Key Management Failure");
            assertThat(r.bodyText()).contains(why);
            assertThat(c.request("OPTIONS", url).status()).isEqualTo(200);
        }
    }

    static Stream<Arguments> refusedTransports() {
        return Stream.of(
                Arguments.of("SAVP without TLS", false, "RTP/SAVP/TCP;unicast;interleaved=0-1",
                        "RTP/SAVP is only offered over RTSPS"),
                Arguments.of("SAVP UDP without TLS", false, "RTP/SAVP;unicast;client_port=35466-35467",
                        "RTP/SAVP is only offered over RTSPS"),
                Arguments.of("AVP UDP over TLS", true, "RTP/AVP;unicast;client_port=35466-35467",
                        "UDP and multicast need RTP/SAVP"),
                Arguments.of("AVP multicast over TLS", true, "RTP/AVP;multicast",
                        "UDP and multicast need RTP/SAVP"));
    }

    // SAVP is refused without TLS (MIKEY would carry the keys in clear) and UDP must be SAVP over TLS: 461 saying
    // why, the connection stays open.
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTransports")
    void refusedTransports(String name, boolean tls, String transport, String why) throws Exception {
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get), b -> b.rtspsAddress("127.0.0.1:0")
                .tls(ServerTlsTest.tls(TlsConfig.Provider.AUTO).build()).multicast("224.1.0.0/16", 8002, 8003))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient c = tls ? connectTls(ts) : ts.connect();
            try {
                RtspTestClient.Response r = c.setup(c.url("/teststream/trackID=0"), transport, null);
                assertThat(r.status()).as(r.toString()).isEqualTo(461);
                assertThat(r.bodyText()).contains(why);
                assertThat(c.request("OPTIONS", c.url("/teststream")).status()).isEqualTo(200);
            } finally {
                c.close();
            }
        }
    }

    // RtspServerConfig.srtpProfile: AES_CM_128_HMAC_SHA1_32 keys (4-byte SRTP tag) in DESCRIBE and SETUP; AES-GCM
    // is refused because MIKEY cannot announce it.
    @Test
    void srtpProfile32() throws Exception {
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get), b -> b.rtspsAddress("127.0.0.1:0")
                .tls(ServerTlsTest.tls(TlsConfig.Provider.AUTO).build())
                .srtpProfile(io.rtsp4j.srtp.SrtpProfile.AES_CM_128_HMAC_SHA1_32));
                RtspTestClient c = connectTls(ts)) {
            stream.set(ts.stream(Fixtures.h264()));
            assertThat(SrtpPeer.keysOfSdp(c.describe("/teststream").bodyText()).get(0).profile())
                    .isEqualTo(io.rtsp4j.srtp.SrtpProfile.AES_CM_128_HMAC_SHA1_32);
            RtspTestClient.Response r = c.doSetup(c.url("/teststream/trackID=0"), "RTP/SAVP/TCP;unicast;interleaved=0-1",
                    null);
            SrtpContext key = SrtpContext.create(SrtpPeer.keyOfHeader(r.header("KeyMgmt")));
            c.doPlay(c.url("/teststream"), r.session());
            writeRtp(1, Fixtures.NON_IDR);
            byte[] rtp = c.readFrame(0).payload();
            assertThat(rtp).hasSize(12 + Fixtures.NON_IDR.length + 4);
            assertThat(Fixtures.sequenceNumber(SrtpPeer.unprotectRtp(key, rtp))).isEqualTo(1);
        }
        RtspServerConfig.Builder gcm = TestServer.config(new TestHandler())
                .srtpProfile(io.rtsp4j.srtp.SrtpProfile.AEAD_AES_128_GCM);
        org.assertj.core.api.Assertions.assertThatThrownBy(gcm::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("srtpProfile must be AES_CM_128_HMAC_SHA1_80 or AES_CM_128_HMAC_SHA1_32");
    }

    // Unlike the reference (MaxPacketSize - 10 with TLS), a stream keeps accepting packets of maxPacketSize with
    // RTSPS on: publishers such as FFmpeg send 1,472-byte packets, which a relay could otherwise not pass on. The
    // SRTP copy is then 10 bytes longer than maxPacketSize.
    @Test
    void fullSizePacketsReachSecureReaders() throws Exception {
        try (TestServer ts = start(TestHandler.serving(stream::get), Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            int max = ts.server.config().maxPacketSize();
            RtspTestClient.Response r = c.doSetup(c.url("/teststream/trackID=0"), "RTP/SAVP/TCP;unicast;interleaved=0-1",
                    null);
            SrtpContext key = SrtpContext.create(SrtpPeer.keyOfHeader(r.header("KeyMgmt")));
            c.doPlay(c.url("/teststream"), r.session());
            byte[] payload = new byte[max - 12];
            payload[0] = 0x41;
            writeRtp(1, payload);
            byte[] rtp = c.readFrame(0).payload();
            assertThat(rtp).hasSize(max + 10);
            assertThat(SrtpPeer.unprotectRtp(key, rtp)).hasSize(max);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> writeRtp(2, new byte[max - 12 + 1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is greater than the maximum allowed (" + max + ")");
        }
    }

    // Direct session writes (ServerSession.writePacketRtp/Rtcp) to an SRTP reader are protected with the media's
    // key, the one its SETUP answer announced.
    @Test
    void directWritesAreProtected() throws Exception {
        TestHandler h = TestHandler.serving(stream::get);
        h.play = ctx -> {
            RtpPacket p = Fixtures.packet(96, 42, 0, 1, Fixtures.NON_IDR);
            try {
                ctx.session().writePacketRtp(media(0), p);
            } finally {
                p.release();
            }
            ctx.session().writePacketRtcp(media(0), new ReceiverReport(0x99, List.of()));
            return Reply.ok();
        };
        try (TestServer ts = start(h, Fixtures.h264()); RtspTestClient c = connectTls(ts)) {
            RtspTestClient.Response r = c.doSetup(c.url("/teststream/trackID=0"), "RTP/SAVP/TCP;unicast;interleaved=0-1",
                    null);
            SrtpContext key = SrtpContext.create(SrtpPeer.keyOfHeader(r.header("KeyMgmt")));
            c.doPlay(c.url("/teststream"), r.session());
            byte[] rtp = SrtpPeer.unprotectRtp(key, c.readFrame(0).payload());
            assertThat(Fixtures.sequenceNumber(rtp)).isEqualTo(42);
            assertThat(Fixtures.ssrc(rtp)).isEqualTo(stream.get().stats().medias().get(0).formats().get(0).localSsrc());
            assertThat(Fixtures.decodeRtcp(SrtpPeer.unprotectRtcp(key, c.readFrame(1).payload())))
                    .containsExactly(new ReceiverReport(0x99, List.of()));
        }
    }
}
