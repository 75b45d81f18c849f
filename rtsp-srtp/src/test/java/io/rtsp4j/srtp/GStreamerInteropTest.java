package io.rtsp4j.srtp;

import static io.rtsp4j.srtp.TestPackets.randomPayload;
import static io.rtsp4j.srtp.TestPackets.rtp;
import static io.rtsp4j.srtp.TestPackets.senderReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.rtsp4j.testing.Hex;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interoperability with libsrtp through GStreamer's {@code srtpenc} / {@code srtpdec} (gst-plugins-bad): packets
 * protected by GStreamer are unprotected here, and packets protected here are unprotected by GStreamer, for every
 * profile (80- and 32-bit HMAC tags, AES-128-GCM and AES-256-GCM), with and without MKI. Each packet travels as one file ({@code multifilesrc} /
 * {@code multifilesink} make one buffer per file), so no network or timing is involved. The RTP sequence numbers
 * cross the 65535 wrap, which checks that both sides agree on the rollover counter.
 */
class GStreamerInteropTest {

    private static final long SSRC = 0x1234ABCDL;
    /** Master key and salt; each profile takes the first {@link SrtpProfile#keyAndSaltLength()} bytes. */
    private static final byte[] KEY_MATERIAL =
            Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b");
    private static final byte[] MKI = Hex.decode("deadbeef");
    private static final int RTP_PACKETS = 40;

    @BeforeAll
    static void gstreamerPresent() {
        assumeTrue(onPath("gst-launch-1.0"), "gst-launch-1.0 is not installed: GStreamer SRTP interop tests skipped");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static Stream<Arguments> suites() {
        List<Arguments> out = new ArrayList<>();
        for (SrtpProfile profile : SrtpProfile.values()) {
            out.add(Arguments.of(profile, false));
            out.add(Arguments.of(profile, true));
        }
        return out.stream();
    }

    /**
     * As {@link #suites()} without MKI under AES_CM_128_HMAC_SHA1_32: libsrtp 2.5 (Debian 12) looks for the MKI
     * of an SRTCP packet using the SRTP tag length, so it cannot read SRTCP with MKI under that profile, not even
     * what its own srtpenc wrote. {@code gstreamerProtectsRtcpAndWeUnprotect} covers the combination.
     */
    static Stream<Arguments> suitesLibsrtpUnprotectsRtcp() {
        return suites().filter(a -> !(a.get()[0] == SrtpProfile.AES_CM_128_HMAC_SHA1_32 && (Boolean) a.get()[1]));
    }

    private static byte[] keyAndSalt(SrtpProfile profile) {
        return java.util.Arrays.copyOf(KEY_MATERIAL, profile.keyAndSaltLength());
    }

    private static SrtpKeyMaterial key(SrtpProfile profile, boolean withMki) {
        SrtpKeyMaterial key = SrtpKeyMaterial.fromKeyAndSalt(profile, keyAndSalt(profile));
        return withMki ? key.withMki(MKI) : key;
    }

    /** GStreamer's names for the profile: cipher, SRTP authentication, SRTCP authentication. */
    private static String gstCipher(SrtpProfile profile) {
        switch (profile) {
            case AEAD_AES_128_GCM:
                return "aes-128-gcm";
            case AEAD_AES_256_GCM:
                return "aes-256-gcm";
            default:
                return "aes-128-icm";
        }
    }

    private static String gstAuth(SrtpProfile profile) {
        switch (profile) {
            case AES_CM_128_HMAC_SHA1_80:
                return "hmac-sha1-80";
            case AES_CM_128_HMAC_SHA1_32:
                return "hmac-sha1-32";
            default:
                return "null";
        }
    }

    private static String gstRtcpAuth(SrtpProfile profile) {
        return profile.isAead() ? "null" : "hmac-sha1-80";
    }

    private static List<String> srtpencProperties(SrtpProfile profile, boolean withMki) {
        return List.of("key=" + Hex.encode(keyAndSalt(profile)), "rtp-cipher=" + gstCipher(profile),
                "rtp-auth=" + gstAuth(profile), "rtcp-cipher=" + gstCipher(profile),
                "rtcp-auth=" + gstRtcpAuth(profile), withMki ? "mki=" + Hex.encode(MKI) : "random-key=false");
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    /** RTP packets of assorted sizes (up to 1,200 bytes of payload) whose sequence numbers wrap. */
    private static List<byte[]> rtpPackets() {
        Random random = new Random(42);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < RTP_PACKETS; i++) {
            int size = i % 4 == 0 ? 1200 : random.nextInt(300);
            packets.add(rtp((65520 + i) & 0xFFFF, 90_000L * i, SSRC, randomPayload(random, size)));
        }
        return packets;
    }

    private static List<byte[]> rtcpPackets() {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            packets.add(senderReport(SSRC, i));
        }
        return packets;
    }

    @ParameterizedTest(name = "{0} MKI={1}")
    @MethodSource("suites")
    void gstreamerProtectsRtpAndWeUnprotect(SrtpProfile profile, boolean withMki, @TempDir Path dir)
            throws Exception {
        List<byte[]> plain = rtpPackets();
        List<byte[]> sent = gstreamer(dir, plain, concat(List.of(
                "multifilesrc", "location=" + dir.resolve("in") + "/%05d.bin", "index=0",
                "caps=application/x-rtp,media=(string)video,clock-rate=(int)90000,encoding-name=(string)H264,payload=(int)96",
                "!", "srtpenc"), srtpencProperties(profile, withMki),
                List.of("!", "multifilesink", "location=" + dir.resolve("out") + "/%05d.bin")));
        assertThat(sent).hasSize(plain.size());
        SrtpContext receiver = SrtpContext.create(key(profile, withMki));
        for (int i = 0; i < plain.size(); i++) {
            assertThat(sent.get(i)).hasSize(plain.get(i).length + receiver.rtpOverhead());
            assertThat(unprotect(receiver, sent.get(i), false)).as("packet %d", i).isEqualTo(plain.get(i));
        }
        assertThat(receiver.rolloverCounter(SSRC)).hasValue(1);
    }

    @ParameterizedTest(name = "{0} MKI={1}")
    @MethodSource("suites")
    void weProtectRtpAndGstreamerUnprotects(SrtpProfile profile, boolean withMki, @TempDir Path dir)
            throws Exception {
        List<byte[]> plain = rtpPackets();
        SrtpContext sender = SrtpContext.create(key(profile, withMki));
        List<byte[]> sent = new ArrayList<>();
        for (byte[] p : plain) {
            sent.add(protect(sender, p, false));
        }
        List<byte[]> received = gstreamer(dir, sent, List.of(
                "multifilesrc", "location=" + dir.resolve("in") + "/%05d.bin", "index=0",
                "caps=" + srtpCaps("application/x-srtp", profile, withMki) + ",payload=(int)96",
                "!", "srtpdec", "!", "multifilesink", "location=" + dir.resolve("out") + "/%05d.bin"));
        assertThat(received).containsExactlyElementsOf(plain);
    }

    @ParameterizedTest(name = "{0} MKI={1}")
    @MethodSource("suites")
    void gstreamerProtectsRtcpAndWeUnprotect(SrtpProfile profile, boolean withMki, @TempDir Path dir)
            throws Exception {
        List<byte[]> plain = rtcpPackets();
        List<byte[]> sent = gstreamer(dir, plain, concat(List.of(
                "multifilesrc", "location=" + dir.resolve("in") + "/%05d.bin", "index=0", "caps=application/x-rtcp",
                "!", "srtpenc", "name=enc"), srtpencProperties(profile, withMki),
                List.of("enc.rtcp_src_0", "!", "multifilesink", "location=" + dir.resolve("out") + "/%05d.bin")));
        assertThat(sent).hasSize(plain.size());
        SrtpContext receiver = SrtpContext.create(key(profile, withMki));
        for (int i = 0; i < plain.size(); i++) {
            // SRTCP keeps the 80-bit tag with both AES-CM profiles.
            assertThat(sent.get(i)).hasSize(plain.get(i).length + receiver.rtcpOverhead());
            assertThat(unprotect(receiver, sent.get(i), true)).as("packet %d", i).isEqualTo(plain.get(i));
        }
    }

    @ParameterizedTest(name = "{0} MKI={1}")
    @MethodSource("suitesLibsrtpUnprotectsRtcp")
    void weProtectRtcpAndGstreamerUnprotects(SrtpProfile profile, boolean withMki, @TempDir Path dir)
            throws Exception {
        List<byte[]> plain = rtcpPackets();
        SrtpContext sender = SrtpContext.create(key(profile, withMki));
        List<byte[]> sent = new ArrayList<>();
        for (byte[] p : plain) {
            sent.add(protect(sender, p, true));
        }
        List<byte[]> received = gstreamer(dir, sent, List.of(
                "multifilesrc", "location=" + dir.resolve("in") + "/%05d.bin", "index=0",
                "caps=" + srtpCaps("application/x-srtcp", profile, withMki),
                "!", "srtpdec", "name=dec", "dec.rtcp_src", "!", "multifilesink",
                "location=" + dir.resolve("out") + "/%05d.bin"));
        assertThat(received).containsExactlyElementsOf(plain);
    }

    /** The caps srtpdec reads its key from. */
    private static String srtpCaps(String mediaType, SrtpProfile profile, boolean withMki) {
        return mediaType + ",ssrc=(uint)" + SSRC + ",srtp-key=(buffer)" + Hex.encode(keyAndSalt(profile))
                + ",srtp-cipher=(string)" + gstCipher(profile) + ",srtp-auth=(string)" + gstAuth(profile)
                + ",srtcp-cipher=(string)" + gstCipher(profile) + ",srtcp-auth=(string)" + gstRtcpAuth(profile)
                + (withMki ? ",mki=(buffer)" + Hex.encode(MKI) : "");
    }

    /** Writes the packets as in/00000.bin..., runs the pipeline, returns out/*.bin in order. */
    private static List<byte[]> gstreamer(Path dir, List<byte[]> packets, List<String> pipeline)
            throws IOException, InterruptedException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        for (int i = 0; i < packets.size(); i++) {
            Files.write(in.resolve(String.format("%05d.bin", i)), packets.get(i));
        }
        List<String> command = new ArrayList<>();
        command.add("gst-launch-1.0");
        command.add("-q");
        command.addAll(pipeline);
        Path log = dir.resolve("gst.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gst-launch-1.0 did not finish: " + String.join(" ", command));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("gst-launch-1.0 %s%n%s", String.join(" ", command), output).isZero();
        List<byte[]> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                result.add(Files.readAllBytes(file));
            }
        }
        return result;
    }

    private static byte[] protect(SrtpContext ctx, byte[] plain, boolean rtcp) {
        ByteBuf buf = TestPackets.buffer(plain);
        try {
            assertThat(rtcp ? ctx.protectRtcp(buf) : ctx.protectRtp(buf)).isEqualTo(SrtpResult.OK);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static byte[] unprotect(SrtpContext ctx, byte[] packet, boolean rtcp) {
        ByteBuf buf = TestPackets.buffer(packet);
        try {
            assertThat(rtcp ? ctx.unprotectRtcp(buf) : ctx.unprotectRtp(buf)).isEqualTo(SrtpResult.OK);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
