package io.rtsp4j.examples.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.examples.e2e.Ffmpeg;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.RtspServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnnexBFileServerTest {

    /** SPS and PPS of a 320x240 x264 stream (High profile, level 1.3). */
    private static final byte[] SPS = bytes(103, 100, 0, 13, 172, 180, 10, 15, 216, 8, 128, 0, 0, 3, 0, 128, 0, 0, 25,
            7, 138, 21, 80);
    private static final byte[] PPS = bytes(104, 239, 15, 203);
    private static final byte[] AUD = {0x09, (byte) 0xf0};
    private static final byte[] SEI = {0x06, 0x05, 0x01};
    /** Slices: the second byte's top bit set means first_mb_in_slice == 0 (a new picture). */
    private static final byte[] IDR = {0x65, (byte) 0x88, 0x01};
    private static final byte[] IDR_SLICE2 = {0x65, 0x40, 0x02};
    private static final byte[] P = {0x41, (byte) 0x9a, 0x02};
    private static final byte[] P_SLICE2 = {0x41, 0x20, 0x03};

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] annexB(byte[]... nalus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nalus) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(n);
        }
        return out.toByteArray();
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of(Named.of("parameter sets, key frame, P frames", annexB(SPS, PPS, IDR, P, P)),
                        List.of(List.of(SPS, PPS, IDR), List.of(P), List.of(P))),
                Arguments.of(Named.of("multi-slice pictures", annexB(SPS, PPS, IDR, IDR_SLICE2, P, P_SLICE2)),
                        List.of(List.of(SPS, PPS, IDR, IDR_SLICE2), List.of(P, P_SLICE2))),
                Arguments.of(Named.of("access unit delimiters and SEI", annexB(AUD, SPS, PPS, SEI, IDR, AUD, P)),
                        List.of(List.of(AUD, SPS, PPS, SEI, IDR), List.of(AUD, P))),
                Arguments.of(Named.of("parameter sets repeated before a key frame",
                        annexB(SPS, PPS, IDR, P, SPS, PPS, IDR)),
                        List.of(List.of(SPS, PPS, IDR), List.of(P), List.of(SPS, PPS, IDR))));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void splitsAccessUnits(byte[] stream, List<List<byte[]>> expected) {
        List<List<byte[]>> got = H264AccessUnits.split(stream);
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).as("access unit %d", i).containsExactlyElementsOf(expected.get(i));
        }
    }

    @Test
    void refusesStreamsWithoutSlicesOrParameterSets() {
        assertThatThrownBy(() -> new AnnexBFileServer(annexB(SPS, PPS), "/f", 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no H.264 slice");
        assertThatThrownBy(() -> new AnnexBFileServer(annexB(IDR, P), "/f", 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPS/PPS");
        assertThatThrownBy(() -> new AnnexBFileServer(new byte[] {1, 2, 3}, "/f", 25))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnnexBFileServer(annexB(SPS, PPS, IDR), "/f", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fps");
    }

    @Test
    void describesOneH264Media() {
        AnnexBFileServer files = new AnnexBFileServer(annexB(SPS, PPS, IDR, P), "file", 25);
        assertThat(files.frameCount()).isEqualTo(2);
        assertThat(files.description().toSdp()).contains("m=video 0 RTP/AVP 96", "a=rtpmap:96 H264/90000",
                "sprop-parameter-sets=Z2QADay0Cg/YCIAAAAMAgAAAGQeKFVA=,aO8Pyw==");
    }

    /**
     * FFmpeg reads the looped file over TCP and UDP: more frames than the file holds, all decoded, each the next
     * frame of the file in a loop.
     */
    @ParameterizedTest
    @MethodSource("transports")
    void ffmpegReadsTheLoopedFile(String transport, @TempDir Path dir) throws Exception {
        Ffmpeg.assumeAvailable();
        Path file = dir.resolve("clip.h264");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-frames:v", "30", "-c:v", "libx264",
                "-preset", "veryfast", "-bf", "0", "-g", "10", "-pix_fmt", "yuv420p", "-f", "h264", file.toString());
        List<String> source = Ffmpeg.videoFrameMd5(file.toString());
        assertThat(source).hasSize(30);

        AnnexBFileServer files = AnnexBFileServer.open(file, "/file", 25);
        try (RtspServer server = new RtspServer(RtspServerConfig.builder().rtspAddress("127.0.0.1:0")
                .udpAddresses("127.0.0.1:0", "127.0.0.1:0").handler(files).build())) {
            server.start();
            files.start(server);
            String url = "rtsp://127.0.0.1:" + server.rtspAddress().getPort() + "/file";
            Path md5 = dir.resolve("read.md5");
            try (Ffmpeg.AutoCloseableProcess reader = Ffmpeg.start("read", dir, "-rtsp_transport", transport,
                    "-i", url, "-map", "0:v", "-frames:v", "70", "-fps_mode", "passthrough", "-f", "framemd5",
                    md5.toString())) {
                assertThat(reader.waitFor(60)).as(reader.tail()).isZero();
            }
            List<String> got = Ffmpeg.parseFramemd5(Files.readString(md5));
            assertThat(got).hasSize(70);
            List<String> loop = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                loop.addAll(source);
            }
            assertThat(String.join(",", loop)).contains(String.join(",", got));
            assertThat(files.framesSent()).isGreaterThan(70);
        } finally {
            files.close();
        }
    }

    static Stream<String> transports() {
        return Stream.of("tcp", "udp");
    }
}
