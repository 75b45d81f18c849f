package io.rtsp4j.examples.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.examples.e2e.Ffmpeg;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.RtspServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnnexBRecorderTest {

    private static final byte[] SPS = {0x67, 0x42, 0x00, 0x1e};
    private static final byte[] PPS = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
    private static final byte[] IDR = {0x65, (byte) 0x88, 0x01};
    private static final byte[] P = {0x41, (byte) 0x9a, 0x02};
    private static final byte[] START = {0, 0, 0, 1};

    private static byte[] annexB(byte[]... nalus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nalus) {
            out.writeBytes(START);
            out.writeBytes(n);
        }
        return out.toByteArray();
    }

    @Test
    void dropsUntilTheFirstKeyFrameAndPrependsTheSdpParameterSets() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexBWriter w = new AnnexBWriter(VideoCodec.H264, List.of(SPS, PPS), out);
        assertThat(w.write(List.of(P))).as("P frame before any key frame").isFalse();
        assertThat(w.write(List.of(IDR))).isTrue();
        assertThat(w.write(List.of(P))).isTrue();
        assertThat(out.toByteArray()).isEqualTo(annexB(SPS, PPS, IDR, P));
        assertThat(w.accessUnits()).isEqualTo(2);
    }

    @Test
    void inBandParameterSetsAreKeptAndReplaceTheSdpOnes() throws Exception {
        byte[] newSps = {0x67, 0x4d, 0x00, 0x28};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexBWriter w = new AnnexBWriter(VideoCodec.H264, List.of(SPS, PPS), out);
        w.write(List.of(newSps, PPS, IDR));
        w.write(List.of(IDR));
        assertThat(out.toByteArray()).isEqualTo(annexB(newSps, PPS, IDR, newSps, PPS, IDR));
    }

    @Test
    void resyncWaitsForTheNextKeyFrame() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexBWriter w = new AnnexBWriter(VideoCodec.H264, List.of(), out);
        w.write(List.of(SPS, PPS, IDR));
        w.resync();
        assertThat(w.write(List.of(P))).isFalse();
        assertThat(w.write(List.of(IDR))).isTrue();
        assertThat(out.toByteArray()).isEqualTo(annexB(SPS, PPS, IDR, SPS, PPS, IDR));
    }

    @Test
    void h265KeyFramesAndParameterSets() throws Exception {
        byte[] vps = {0x40, 0x01, 0x0c};
        byte[] sps = {0x42, 0x01, 0x01};
        byte[] pps = {0x44, 0x01, (byte) 0xc0};
        byte[] cra = {0x2a, 0x01, (byte) 0xaf};
        byte[] trail = {0x02, 0x01, (byte) 0xd0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexBWriter w = new AnnexBWriter(VideoCodec.H265, List.of(sps, pps, vps), out);
        assertThat(w.write(List.of(trail))).isFalse();
        assertThat(w.write(List.of(cra))).isTrue();
        assertThat(out.toByteArray()).isEqualTo(annexB(vps, sps, pps, cra));
    }

    static Stream<Arguments> codecs() {
        return Stream.of(Arguments.of("libx264", "h264"), Arguments.of("libx265", "hevc"));
    }

    /** FFmpeg publishes a clip; the recorded file decodes to exactly the clip's frames. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("codecs")
    void recordsWhatFfmpegPublishes(String encoder, String codec, @TempDir Path dir) throws Exception {
        Ffmpeg.assumeAvailable();
        Ffmpeg.assumeEncoder(encoder);
        Path clip = dir.resolve("clip.mkv");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", encoder,
                "-preset", "veryfast", "-g", "12", "-pix_fmt", "yuv420p", "-f", "matroska", clip.toString());
        Path out = dir.resolve("out." + codec);
        try (AnnexBRecorder recorder = new AnnexBRecorder(out);
                RtspServer server = new RtspServer(RtspServerConfig.builder().rtspAddress("127.0.0.1:0")
                        .handler(recorder).build())) {
            server.start();
            String url = "rtsp://127.0.0.1:" + server.rtspAddress().getPort() + "/cam";
            try (Ffmpeg.AutoCloseableProcess publisher = Ffmpeg.start("publish", dir, "-re", "-i", clip.toString(),
                    "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp", url)) {
                assertThat(publisher.waitFor(60)).as(publisher.tail()).isZero();
            }
            long units = recorder.awaitRecording(Duration.ofSeconds(20));
            assertThat(units).isEqualTo(50);
        }
        assertThat(Files.size(out)).isPositive();
        List<String> source = Ffmpeg.videoFrameMd5(clip.toString());
        List<String> recorded = Ffmpeg.videoFrameMd5(out.toString(), "-f", codec);
        assertThat(recorded).hasSize(50).isEqualTo(source);
    }
}
