package io.rtsp4j.rtp.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.AnnexB;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Payloads;
import io.rtsp4j.rtp.codec.h265.H265Depacketizer;
import io.rtsp4j.rtp.codec.h265.H265Payloads;
import io.rtsp4j.rtp.codec.lpcm.LpcmDepacketizer;
import io.rtsp4j.rtp.codec.mjpeg.MjpegDepacketizer;
import io.rtsp4j.rtp.codec.mpeg1audio.Mpeg1AudioDepacketizer;
import io.rtsp4j.rtp.codec.mpeg4audio.Mpeg4AudioDepacketizer;
import io.rtsp4j.rtp.codec.simpleaudio.SimpleAudioDepacketizer;
import io.rtsp4j.rtp.codec.vp8.Vp8Depacketizer;
import io.rtsp4j.rtp.report.RtcpReceiver;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPackets;
import io.rtsp4j.rtp.rtcp.SenderReport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real streams: FFmpeg encodes a test signal into a file, then sends the same file over RTP to a socket of this
 * test; the depacketized access units must equal what FFmpeg wrote (H.264, H.265, AAC, Opus, VP8, MJPEG, MP2,
 * G.711). Skipped when ffmpeg is not installed.
 */
class FfmpegRealStreamTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsFfmpeg() {
        boolean available;
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "ffmpeg is not installed: real-stream tests skipped");
    }

    @Test
    void h264FromLibx264WithBFrames() throws Exception {
        Path file = dir.resolve("video.h264");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-c:v", "libx264", "-preset",
                "veryfast", "-g", "25", "-bf", "2", "-pix_fmt", "yuv420p", "-x264-params", "threads=1", "-f",
                "h264", file.toString());
        Capture capture = stream("-r", "25", "-i", file.toString(), "-c", "copy", "-f", "rtp");

        List<byte[]> expectedNalus = AnnexB.split(Files.readAllBytes(file), Integer.MAX_VALUE);
        List<List<byte[]>> aus = depacketize(new H264Depacketizer(), capture.rtp);
        assertThat(aus).hasSize(50);
        assertThat(hex(flatten(aus))).isEqualTo(hex(expectedNalus));
        // the packets detected as random access points are exactly those of the access units with an IDR slice
        assertThat(randomAccessUnits(capture.rtp, true)).isEqualTo(idrUnits(aus, 0x1F, 5, 5)).isEqualTo(2);
        checkTransport(capture, 90000);
    }

    @Test
    void h265FromLibx265() throws Exception {
        Path file = dir.resolve("video.hevc");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-c:v", "libx265", "-preset",
                "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-x265-params", "log-level=error:pools=1:frame-threads=1",
                "-f", "hevc", file.toString());
        Capture capture = stream("-r", "25", "-i", file.toString(), "-c", "copy", "-f", "rtp");

        List<byte[]> expectedNalus = AnnexB.split(Files.readAllBytes(file), Integer.MAX_VALUE);
        List<List<byte[]>> aus = depacketize(new H265Depacketizer(), capture.rtp);
        assertThat(aus).hasSize(50);
        assertThat(hex(flatten(aus))).isEqualTo(hex(expectedNalus));
        assertThat(randomAccessUnits(capture.rtp, false)).isEqualTo(idrUnits(aus, 0x7E, 19 << 1, 21 << 1))
                .isPositive();
        checkTransport(capture, 90000);
    }

    @Test
    void aacFromTheNativeEncoder() throws Exception {
        // an MP4 file: the RTP muxer needs the AudioSpecificConfig as global header, which ADTS lacks
        Path file = dir.resolve("audio.m4a");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=2", "-c:a", "aac", "-b:a", "64k",
                "-f", "mp4", file.toString());
        Capture capture = stream("-i", file.toString(), "-c", "copy", "-f", "rtp");
        assertThat(capture.sdp.toLowerCase()).contains("mpeg4-generic/48000", "sizelength=13", "indexlength=3",
                "indexdeltalength=3");

        List<List<byte[]>> outputs = depacketize(new Mpeg4AudioDepacketizer(), capture.rtp);
        List<String> actual = packetDigests(flatten(outputs));
        List<String> expected = framemd5(file);
        // FFmpeg aggregates up to 5 AUs per packet and does not flush the last, incomplete group at the end
        assertThat(actual.size()).isBetween(expected.size() - 5, expected.size());
        assertThat(actual).isEqualTo(expected.subList(0, actual.size()));
        assertThat(outputs.stream().mapToInt(List::size).max().orElse(0)).as("aggregated AUs").isGreaterThan(1);
        checkTransport(capture, 48000);
    }

    @Test
    void opusFromLibopus() throws Exception {
        Path file = dir.resolve("audio.ogg");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-c:a", "libopus", "-b:a",
                "32k", file.toString());
        Capture capture = stream("-i", file.toString(), "-c", "copy", "-f", "rtp");
        assertThat(capture.sdp.toLowerCase()).contains("opus/48000");

        List<byte[]> frames = depacketize(new SimpleAudioDepacketizer(), capture.rtp);
        assertThat(packetDigests(frames)).isEqualTo(framemd5(file));
        // one 20 ms frame per packet: timestamps advance by 960 at 48 kHz
        for (int i = 1; i < capture.rtp.size(); i++) {
            assertThat((capture.rtp.get(i).timestamp() - capture.rtp.get(i - 1).timestamp()) & 0xFFFFFFFFL)
                    .isEqualTo(960);
        }
        checkTransport(capture, 48000);
    }

    @Test
    void vp8FromLibvpx() throws Exception {
        Path file = dir.resolve("video.ivf");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-c:v", "libvpx", "-b:v", "500k",
                "-g", "25", file.toString());
        Capture capture = stream("-i", file.toString(), "-c", "copy", "-f", "rtp");
        assertThat(capture.sdp.toLowerCase()).contains("vp8/90000");
        // FFmpeg's VP8 packets carry a 15-bit picture ID in the extended descriptor
        assertThat(capture.rtp.get(0).payload().getByte(0) & 0x80).isNotZero();
        List<byte[]> frames = depacketize(new Vp8Depacketizer(), capture.rtp);
        assertThat(packetDigests(frames)).isEqualTo(framemd5(file));
        checkTransport(capture, 90000);
    }

    @Test
    void mjpegFromTheNativeEncoder() throws Exception {
        Path file = dir.resolve("video.mjpeg");
        // RFC 2435 only carries the standard Huffman tables
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=1", "-c:v", "mjpeg", "-huffman", "default",
                "-pix_fmt", "yuvj420p", "-f", "mjpeg", file.toString());
        Capture capture = stream("-i", file.toString(), "-c", "copy", "-f", "rtp");
        List<byte[]> images = depacketize(new MjpegDepacketizer(), capture.rtp);
        assertThat(images).hasSize(10);
        // the scan data of every image equals FFmpeg's; the rebuilt files decode with FFmpeg
        byte[] original = Files.readAllBytes(file);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] image : images) {
            byte[] scan = scanData(image);
            assertThat(indexOf(original, scan)).as("scan data found in the original").isNotNegative();
            all.write(image);
        }
        Path rebuilt = dir.resolve("rebuilt.mjpeg");
        Files.write(rebuilt, all.toByteArray());
        String log = ffmpeg("-f", "mjpeg", "-i", rebuilt.toString(), "-f", "framecrc", "-");
        assertThat(log.lines().filter(l -> l.startsWith("0,")).count()).isEqualTo(10);
        checkTransport(capture, 90000);
    }

    @Test
    void mp2FromTheNativeEncoder() throws Exception {
        Path file = dir.resolve("audio.mp2");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-c:a", "mp2", "-b:a", "128k",
                file.toString());
        Capture capture = stream("-i", file.toString(), "-c", "copy", "-f", "rtp");
        assertThat(capture.rtp.get(0).payloadType()).isEqualTo(14);
        List<List<byte[]>> outputs = depacketize(new Mpeg1AudioDepacketizer(), capture.rtp);
        List<String> actual = packetDigests(flatten(outputs));
        List<String> expected = framemd5(file);
        // as for AAC, FFmpeg aggregates frames and drops the last, incomplete group at the end of the stream
        assertThat(actual.size()).isBetween(expected.size() - 3, expected.size());
        assertThat(actual).isEqualTo(expected.subList(0, actual.size()));
        assertThat(outputs.stream().mapToInt(List::size).max().orElse(0)).as("aggregated frames").isGreaterThan(1);
        checkTransport(capture, 90000);
    }

    @Test
    void g711MuLaw() throws Exception {
        Path file = dir.resolve("audio.ul");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=2", "-c:a", "pcm_mulaw", "-f",
                "mulaw", file.toString());
        Capture capture = stream("-f", "mulaw", "-ar", "8000", "-ac", "1", "-i", file.toString(), "-c", "copy", "-f",
                "rtp");
        assertThat(capture.rtp.get(0).payloadType()).isZero();
        List<byte[]> chunks = depacketize(new LpcmDepacketizer(8, 1), capture.rtp);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] c : chunks) {
            all.write(c);
        }
        assertThat(all.toByteArray()).isEqualTo(Files.readAllBytes(file));
        checkTransport(capture, 8000);
    }

    /** The bytes between the SOS segment and the end of a JPEG file. */
    private static byte[] scanData(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length; ) {
            int code = jpeg[i + 1] & 0xFF;
            int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
            if (code == 0xDA) {
                return Arrays.copyOfRange(jpeg, i + 2 + length, jpeg.length);
            }
            i += 2 + length;
        }
        throw new AssertionError("no SOS");
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Packets received in order and without loss (checked by the receiver logic), and sender reports decodable. */
    private static void checkTransport(Capture capture, int clockRate) {
        RtcpReceiver receiver = RtcpReceiver.builder(clockRate).unreliableTransport(true).build();
        List<RtpPacket> delivered = new ArrayList<>();
        long[] lost = new long[1];
        for (RtpPacket p : capture.rtp) {
            receiver.onPacket(p.retainedDuplicate(), 0, true, new RtcpReceiver.PacketSink() {
                @Override
                public void onPacket(RtpPacket packet) {
                    delivered.add(packet);
                }

                @Override
                public void onPacketsLost(long count) {
                    lost[0] += count;
                }
            });
        }
        receiver.close();
        assertThat(lost[0]).isZero();
        assertThat(delivered).hasSameSizeAs(capture.rtp);
        delivered.forEach(RtpPacket::release);
        long ssrc = capture.rtp.get(0).ssrc();
        boolean senderReportSeen = false;
        for (RtcpPacket p : capture.rtcp) {
            if (p instanceof SenderReport sr) {
                assertThat(sr.ssrc()).isEqualTo(ssrc);
                senderReportSeen = true;
            }
        }
        assertThat(senderReportSeen).as("FFmpeg sends a sender report").isTrue();
    }

    private static <T> List<T> depacketize(Depacketizer<T> d, List<RtpPacket> packets) throws Exception {
        List<T> out = new ArrayList<>();
        for (RtpPacket p : packets) {
            T unit = d.depacketize(p);
            if (unit != null) {
                out.add(unit);
            }
        }
        return out;
    }

    /** Access units (packets up to a marker bit) with at least one packet detected as a random access point. */
    private static int randomAccessUnits(List<RtpPacket> packets, boolean h264) {
        int count = 0;
        boolean key = false;
        for (RtpPacket p : packets) {
            key |= h264 ? H264Payloads.ptsEqualsDts(p.payload()) : H265Payloads.ptsEqualsDts(p.payload());
            if (p.marker()) {
                count += key ? 1 : 0;
                key = false;
            }
        }
        return count;
    }

    private static int idrUnits(List<List<byte[]>> aus, int mask, int minType, int maxType) {
        int count = 0;
        for (List<byte[]> au : aus) {
            for (byte[] nalu : au) {
                int type = nalu[0] & mask;
                if (type >= minType && type <= maxType) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static List<byte[]> flatten(List<List<byte[]>> units) {
        List<byte[]> out = new ArrayList<>();
        units.forEach(out::addAll);
        return out;
    }

    /**
     * NAL units in hex without trailing zero bytes: FFmpeg's HEVC RTP muxer leaves the first zero of a 4-byte start
     * code at the end of the preceding NAL unit (trailing_zero_8bits, which decoders ignore).
     */
    private static List<String> hex(List<byte[]> list) {
        return list.stream().map(b -> HexFormat.of().formatHex(b).replaceAll("(00)+$", "")).toList();
    }

    private static List<String> packetDigests(List<byte[]> frames) throws Exception {
        List<String> out = new ArrayList<>();
        for (byte[] f : frames) {
            out.add(f.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(f)));
        }
        return out;
    }

    /** Size and MD5 of every packet FFmpeg demuxes from a file (its framemd5 muxer). */
    private List<String> framemd5(Path file) throws Exception {
        String text = ffmpeg("-i", file.toString(), "-c", "copy", "-f", "framemd5", "-");
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank() || !line.startsWith("0,")) {
                continue;
            }
            String[] cols = line.split(",");
            out.add(cols[4].trim() + " " + cols[5].trim());
        }
        return out;
    }

    private static String ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(p.exitValue()).as("ffmpeg exit code of %s", cmd).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Runs ffmpeg with an rtp:// output to two local sockets and collects what arrives. */
    private Capture stream(String... args) throws Exception {
        DatagramSocket[] sockets = bindPair();
        try (DatagramSocket rtp = sockets[0]; DatagramSocket rtcp = sockets[1]) {
            Capture capture = new Capture();
            Thread rtpReader = reader(rtp, data -> capture.rtp.add(RtpPacket.decode(Unpooled.wrappedBuffer(data))));
            Thread rtcpReader = reader(rtcp, data -> capture.rtcp.addAll(RtcpPackets.decodeCompound(
                    Unpooled.wrappedBuffer(data))));
            List<String> all = new ArrayList<>(Arrays.asList(args));
            all.add("rtp://127.0.0.1:" + rtp.getLocalPort() + "?rtcpport=" + rtcp.getLocalPort() + "&pkt_size=1472");
            capture.sdp = ffmpeg(all.toArray(String[]::new));
            rtpReader.join(60_000);
            rtcpReader.join(60_000);
            assertThat(capture.errors).isEmpty();
            assertThat(capture.rtp).isNotEmpty();
            return capture;
        }
    }

    private static DatagramSocket[] bindPair() throws SocketException {
        for (int attempt = 0; attempt < 50; attempt++) {
            DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            try {
                DatagramSocket b = new DatagramSocket(a.getLocalPort() + 1, InetAddress.getLoopbackAddress());
                for (DatagramSocket s : new DatagramSocket[] {a, b}) {
                    s.setReceiveBufferSize(8 << 20);
                    s.setSoTimeout(1500);
                }
                return new DatagramSocket[] {a, b};
            } catch (SocketException e) {
                a.close();
            }
        }
        throw new SocketException("no free port pair");
    }

    private interface DataHandler {
        void accept(byte[] data) throws Exception;
    }

    /** Reads datagrams until none arrived for the socket timeout (ffmpeg has finished sending by then). */
    private static Thread reader(DatagramSocket socket, DataHandler handler) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            boolean any = false;
            while (true) {
                DatagramPacket dp = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(dp);
                    any = true;
                    handler.accept(Arrays.copyOf(dp.getData(), dp.getLength()));
                } catch (SocketTimeoutException e) {
                    if (any) {
                        return;
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static final class Capture {
        final List<RtpPacket> rtp = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<RtcpPacket> rtcp = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Throwable> errors = new ArrayList<>();
        String sdp;
    }
}
