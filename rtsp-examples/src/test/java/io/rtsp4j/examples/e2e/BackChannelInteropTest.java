package io.rtsp4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.server.Reply;
import io.rtsp4j.server.RequestContext;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.RtspServerConfig;
import io.rtsp4j.server.ServerConnection;
import io.rtsp4j.server.ServerHandler;
import io.rtsp4j.server.ServerSession;
import io.rtsp4j.server.ServerStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ONVIF back channel against a real client: GStreamer's {@code rtspsrc backchannel=onvif} reads a stream with
 * an H264 video and a PCMU back channel ({@code a=sendonly}) from an in-process server. It must ask for the back
 * channel ({@code Require: www.onvif.org/ver20/backchannel} on DESCRIBE), SETUP it next to the video and PLAY
 * ({@code gst-launch-1.0}); and the audio it pushes must reach the session's packet callback (a PyGObject script,
 * because pushing takes rtspsrc's {@code push-backchannel-sample} action signal, which gst-launch cannot emit).
 *
 * <p>Runs in the integration-test phase with the interop tests (CI installs GStreamer); each part is skipped
 * with an assumption naming what is missing (GStreamer's rtspsrc; PyGObject with the GStreamer typelib).
 */
@Tag("interop")
class BackChannelInteropTest {

    /** Debian's interpreter first: the PyGObject package belongs to it (a pyenv python3 on the PATH lacks it). */
    private static final String PYTHON = java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3"))
            ? "/usr/bin/python3" : "python3";
    private static final Path WORK = Path.of("target", "e2e", "backchannel").toAbsolutePath();
    private static final String REQUIRE_TAG = "www.onvif.org/ver20/backchannel";
    private static final String SDP = "v=0\r\n"
            + "o=- 0 0 IN IP4 127.0.0.1\r\n"
            + "s=Camera\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "t=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\n"
            + "a=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1; profile-level-id=4D002A; "
            + "sprop-parameter-sets=Z00AKp2oHgCJ+WbgICAgQA==,aO48gA==\r\n"
            + "m=audio 0 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=sendonly\r\n";

    /** What the client asked, as seen by the handler. */
    private static final class Recorder implements ServerHandler {
        final List<RtspRequest> requests = new CopyOnWriteArrayList<>();
        final List<ServerSession> playing = new CopyOnWriteArrayList<>();
        final AtomicInteger backChannelRtcp = new AtomicInteger();
        /** Back-channel packets received: sequence number (2 bytes) then payload. */
        final List<byte[]> audio = new CopyOnWriteArrayList<>();
        final AtomicLong lost = new AtomicLong();
        volatile ServerStream stream;

        @Override
        public void onPacketsLost(ServerSession session, long count) {
            lost.addAndGet(count);
        }

        @Override
        public void onRequest(ServerConnection connection, RtspRequest request) {
            requests.add(request);
        }

        @Override
        public Reply onDescribe(RequestContext ctx) {
            return Reply.ok(stream);
        }

        @Override
        public Reply onSetup(RequestContext ctx) {
            return Reply.ok(stream);
        }

        @Override
        public Reply onPlay(RequestContext ctx) {
            Media backChannel = stream.description().medias().get(1);
            ctx.session().onPacketRtcp(backChannel, (m, p) -> backChannelRtcp.incrementAndGet());
            ctx.session().onPacketRtp(backChannel, backChannel.formats().get(0), (m, f, p) -> {
                byte[] b = new byte[2 + p.payload().readableBytes()];
                b[0] = (byte) (p.sequenceNumber() >> 8);
                b[1] = (byte) p.sequenceNumber();
                p.payload().getBytes(p.payload().readerIndex(), b, 2, b.length - 2);
                audio.add(b);
            });
            playing.add(ctx.session());
            return Reply.ok();
        }

        List<RtspRequest> requests(RtspMethod method) {
            return requests.stream().filter(r -> r.method().equals(method)).toList();
        }
    }

    /** A started server serving the camera stream, with a writer feeding its video. */
    private static final class Camera implements AutoCloseable {
        final Recorder recorder = new Recorder();
        final RtspServer server;
        final ServerStream stream;
        private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();

        Camera() {
            server = new RtspServer(RtspServerConfig.builder()
                    .rtspAddress("127.0.0.1:0")
                    .udpAddresses("127.0.0.1:0", "127.0.0.1:0")
                    .handler(recorder)
                    .build());
            server.start();
            stream = new ServerStream(server, Session.parse(SDP));
            recorder.stream = stream;
            Media video = stream.description().medias().get(0);
            AtomicInteger seq = new AtomicInteger();
            feeder.scheduleAtFixedRate(() -> {
                int n = seq.incrementAndGet();
                RtpPacket p = RtpPacket.builder().payloadType(96).sequenceNumber(n & 0xffff).timestamp(n * 3600L)
                        .ssrc(1).marker(true)
                        .payload(Unpooled.wrappedBuffer(new byte[] {0x65, (byte) 0x88, (byte) 0x84, 0x00, 0x33}))
                        .build();
                try {
                    stream.writeRtp(video, p);
                } catch (RuntimeException e) {
                    // the stream closed at the end of the test
                } finally {
                    p.release();
                }
            }, 0, 40, TimeUnit.MILLISECONDS);
        }

        String url() {
            return "rtsp://127.0.0.1:" + server.rtspAddress().getPort() + "/camera";
        }

        /** Waits (polling: the other side is an external process) until PLAY was answered or the process ended. */
        void awaitPlaying(ManagedProcess client) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (recorder.playing.isEmpty() && client.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(recorder.playing).as("PLAY received; client output:%n%s", client.tail(60)).isNotEmpty();
        }

        /** The client asked for the back channel, set it up next to the video and played both. */
        void assertBackChannelSetUp(String protocol) {
            RtspRequest describe = recorder.requests(RtspMethod.DESCRIBE).get(0);
            assertThat(describe.headers().getAll("Require")).as("DESCRIBE Require").anyMatch(
                    v -> v.contains(REQUIRE_TAG));
            List<String> setups = recorder.requests(RtspMethod.SETUP).stream().map(RtspRequest::uri).toList();
            assertThat(setups).as("SETUP URLs").hasSize(2).anyMatch(u -> u.contains("trackID=1"))
                    .anyMatch(u -> u.contains("trackID=0"));
            ServerSession session = recorder.playing.get(0);
            assertThat(session.medias()).hasSize(2);
            assertThat(session.medias().get(0).backChannel() || session.medias().get(1).backChannel()).isTrue();
            assertThat(session.transport().protocol().name()).isEqualTo(protocol.toUpperCase(Locale.ROOT));
        }

        @Override
        public void close() {
            feeder.shutdownNow();
            stream.close();
            server.close();
        }
    }

    /**
     * Skips a case that {@code -Drtsp4j.interop.only} (a regex or substring, as for the relay matrix) does not
     * select; its ids are {@code backchannel/gst-launch/<protocol>} and {@code backchannel/push/<protocol>}.
     */
    private static void assumeSelected(String id) {
        String only = System.getProperty("rtsp4j.interop.only", "");
        Assumptions.assumeTrue(only.isBlank() || id.contains(only) || id.matches(only),
                "not selected by rtsp4j.interop.only");
    }

    private static void assumeGstreamer() {
        Assumptions.assumeTrue(E2eTools.missingGstreamer().stream().noneMatch(m -> m.contains("rtspsrc")
                        || m.contains("gst-launch")),
                "GStreamer rtspsrc is needed: " + E2eTools.missingGstreamer());
    }

    @ParameterizedTest(name = "gst-launch rtspsrc backchannel=onvif over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    @Timeout(120)
    void gstLaunchSetsUpAndPlaysTheBackChannel(String protocol) throws Exception {
        assumeSelected("backchannel/gst-launch/" + protocol);
        assumeGstreamer();
        try (Camera camera = new Camera();
                ManagedProcess gst = ManagedProcess.start("gst-launch-backchannel-" + protocol, List.of(
                        "gst-launch-1.0", "-v", "rtspsrc", "location=" + camera.url(), "backchannel=onvif",
                        "protocols=" + protocol, "latency=0", "!", "fakesink"), WORK,
                        Map.of("GST_DEBUG", "rtspsrc:5"), true)) {
            camera.awaitPlaying(gst);
            camera.assertBackChannelSetUp(protocol);
            // Without audio rtspsrc sends nothing on the back channel (its RTP session has no sender yet).
            System.out.println("back-channel RTCP packets from gst-launch over " + protocol + ": "
                    + camera.recorder.backChannelRtcp.get());
            gst.stop(Duration.ofSeconds(5));
        }
    }

    /**
     * The audio path with a real sender: rtspsrc's {@code push-backchannel-sample} (from a PyGObject script, as
     * gst-launch cannot emit action signals) pushes 50 PCMU packets; they reach the session's packet callback in
     * order with their payload, without loss. Needs {@code python3-gi} and {@code gir1.2-gstreamer-1.0}.
     */
    @ParameterizedTest(name = "rtspsrc push-backchannel-sample over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    @Timeout(120)
    void gstreamerPushesAudioIntoTheBackChannel(String protocol) throws Exception {
        assumeSelected("backchannel/push/" + protocol);
        assumeGstreamer();
        Assumptions.assumeTrue(E2eTools.exitCode(List.of(PYTHON, "-c",
                "import gi; gi.require_version('Gst', '1.0'); from gi.repository import Gst")) == 0,
                "PyGObject with GStreamer is needed (Debian packages python3-gi gir1.2-gstreamer-1.0)");
        int count = 50;
        try (Camera camera = new Camera();
                ManagedProcess push = ManagedProcess.start("gst-push-backchannel-" + protocol, List.of(PYTHON,
                        Path.of("src/test/resources/e2e/backchannel-push.py").toAbsolutePath().toString(),
                        camera.url(), protocol, "1", Integer.toString(count)), WORK, Map.of(), true)) {
            camera.awaitPlaying(push);
            camera.assertBackChannelSetUp(protocol);
            assertThat(push.waitFor(Duration.ofSeconds(60))).as("push script ended").isTrue();
            assertThat(push.exitCode()).as("push script: %s", push.tail(20)).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (camera.recorder.audio.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<byte[]> audio = camera.recorder.audio;
            assertThat(audio).as("back-channel packets received").hasSize(count);
            for (int n = 0; n < count; n++) {
                byte[] packet = audio.get(n);
                int seq = ((packet[0] & 0xff) << 8) | (packet[1] & 0xff);
                assertThat(seq).isEqualTo((1000 + n) & 0xffff);
                assertThat(packet.length - 2).isEqualTo(160);
                for (int i = 0; i < 160; i++) {
                    assertThat(packet[2 + i] & 0xff).isEqualTo((n + i) & 0xff);
                }
            }
            assertThat(camera.recorder.playing.get(0).stats().inboundRtpPacketsLost()).isZero();
            assertThat(camera.recorder.lost.get()).isZero();
        }
    }
}
