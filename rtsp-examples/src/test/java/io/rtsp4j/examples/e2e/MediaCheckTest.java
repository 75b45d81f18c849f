package io.rtsp4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The comparison rules of the interop matrix, without any external tool. */
class MediaCheckTest {

    private static final List<String> SOURCE = IntStream.range(0, 100).mapToObj(i -> String.format("%032x", i))
            .toList();

    private static List<String> frames(int from, int to) {
        return new ArrayList<>(SOURCE.subList(from, to));
    }

    static Stream<Arguments> videoCases() {
        List<String> gap = frames(10, 100);
        gap.remove(15);
        List<String> dup = frames(10, 100);
        dup.add(15, dup.get(14));
        List<String> concealed = frames(10, 100);
        concealed.add(0, "f".repeat(32));
        concealed.add(0, "e".repeat(32));
        List<String> damagedLast = frames(40, 100);
        damagedLast.add("d".repeat(32));
        List<String> damagedLastMiddle = frames(10, 70);
        damagedLastMiddle.add("d".repeat(32));
        List<String> lostBeforeLast = frames(40, 100);
        lostBeforeLast.remove(lostBeforeLast.size() - 2);
        List<String> damagedMiddle = frames(10, 100);
        damagedMiddle.set(30, "d".repeat(32));
        return Stream.of(
                Arguments.of(Named.of("contiguous piece to the end", frames(20, 100)), true),
                Arguments.of(Named.of("stream ends early", frames(20, 80)), false),
                Arguments.of(Named.of("up to the end of the source", frames(40, 100)), true),
                Arguments.of(Named.of("two concealed frames before the first key frame", concealed), true),
                Arguments.of(Named.of("last frames cut within the tolerance", frames(20, 97)), true),
                Arguments.of(Named.of("last frame cut at the end of the source", damagedLast), true),
                Arguments.of(Named.of("frame lost just before the end of the source", lostBeforeLast), true),
                Arguments.of(Named.of("damaged last frame in the middle of the source", damagedLastMiddle), false),
                Arguments.of(Named.of("too few frames", frames(70, 100)), false),
                Arguments.of(Named.of("a lost frame", gap), false),
                Arguments.of(Named.of("a duplicated frame", dup), false),
                Arguments.of(Named.of("a damaged frame in the middle", damagedMiddle), false),
                Arguments.of(Named.of("nothing decoded", List.of()), false),
                Arguments.of(Named.of("foreign frames", List.of("a".repeat(32), "b".repeat(32))), false));
    }

    @ParameterizedTest
    @MethodSource("videoCases")
    void video(List<String> got, boolean ok) {
        MediaCheck.Result r = MediaCheck.video(SOURCE, got, 12, 50);
        assertThat(r.ok()).as(r.detail()).isEqualTo(ok);
    }

    private static byte[] pcm(int seconds, long seed) {
        Random rnd = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(seconds * MediaCheck.PCM_BYTES_PER_SECOND).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            b.putFloat(rnd.nextFloat() - 0.5f);
        }
        return b.array();
    }

    private static final byte[] REF = pcm(6, 1);
    private static final int SEC = MediaCheck.PCM_BYTES_PER_SECOND;

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    static Stream<Arguments> audioCases() {
        byte[] middle = Arrays.copyOfRange(REF, SEC, 6 * SEC);
        byte[] endsEarly = Arrays.copyOfRange(REF, SEC, 5 * SEC);
        byte[] warmup = concat(Arrays.copyOfRange(pcm(1, 2), 0, SEC / 2), Arrays.copyOfRange(REF, 2 * SEC, 6 * SEC));
        byte[] longWarmup = concat(pcm(2, 3), Arrays.copyOfRange(REF, 2 * SEC, 6 * SEC));
        byte[] tail = concat(Arrays.copyOfRange(REF, 2 * SEC, 6 * SEC), new byte[4096]);
        byte[] gap = concat(Arrays.copyOfRange(REF, SEC, 3 * SEC), Arrays.copyOfRange(REF, 3 * SEC + 8192, 6 * SEC));
        byte[] lostAtEnd = concat(Arrays.copyOfRange(REF, 2 * SEC, 6 * SEC - SEC / 10),
                Arrays.copyOfRange(REF, 6 * SEC - SEC / 20, 6 * SEC));
        byte[] glitch = Arrays.copyOfRange(REF, SEC, 6 * SEC);
        glitch[2 * SEC + 5] ^= 1;
        return Stream.of(
                Arguments.of(Named.of("contiguous piece to the end", middle), true),
                Arguments.of(Named.of("audio ends early", endsEarly), false),
                Arguments.of(Named.of("half a second of decoder warm-up", warmup), true),
                Arguments.of(Named.of("end padding after the source end", tail), true),
                Arguments.of(Named.of("two seconds of garbage first", longWarmup), false),
                Arguments.of(Named.of("a lost packet", gap), false),
                Arguments.of(Named.of("a packet lost at the end of the source", lostAtEnd), true),
                Arguments.of(Named.of("one flipped bit", glitch), false),
                Arguments.of(Named.of("too short", Arrays.copyOfRange(REF, 5 * SEC, 6 * SEC)), false),
                Arguments.of(Named.of("nothing", new byte[0]), false),
                Arguments.of(Named.of("other audio", pcm(3, 4)), false));
    }

    @ParameterizedTest
    @MethodSource("audioCases")
    void audio(byte[] got, boolean ok) {
        MediaCheck.Result r = MediaCheck.audio(REF, got, SEC * 3 / 2, 2 * SEC, 16384);
        assertThat(r.ok()).as(r.detail()).isEqualTo(ok);
    }

    @Test
    void parsesFramemd5WithSideDataColumns() {
        String text = "#format: frame checksums\n#tb 0: 1/25\n"
                + "0,          0,          0,        1,   115200, 3410308feeccb814a83259a2abc85124\n"
                + "0,          1,          1,        1,   115200, 84a3f9a8413d62644045a1df76354285, S=1,       16,"
                + " 2a7af840fc1d96c8df91f2b6d32338b7\n";
        assertThat(MediaCheck.parseFramemd5(text)).containsExactly("3410308feeccb814a83259a2abc85124",
                "84a3f9a8413d62644045a1df76354285");
    }

    @Test
    void parsesChecksumsink() {
        String text = "0:00:00.052319213 3410308feeccb814a83259a2abc85124\nnoise\n"
                + "0:00:00.092315959 84a3f9a8413d62644045a1df76354285\n";
        assertThat(MediaCheck.parseChecksumsink(text)).containsExactly("3410308feeccb814a83259a2abc85124",
                "84a3f9a8413d62644045a1df76354285");
    }

    @Test
    void verdictFileParsing() {
        Map<String, Verdict> m = Verdict.parseFile("# comment\n\npublish=ffmpeg/tcp read=ffmpeg/udp codecs=h264+aac OK\n"
                + "auth=basic wrong-password read=ffprobe/tcp FAIL some reason here\n");
        assertThat(m).containsEntry("publish=ffmpeg/tcp read=ffmpeg/udp codecs=h264+aac", Verdict.ok())
                .containsEntry("auth=basic wrong-password read=ffprobe/tcp",
                        new Verdict(Verdict.Status.FAIL, "some reason here"));
    }

    @Test
    void everyCellKeyIsUniqueAndParsesBack() {
        List<String> keys = InteropCell.all().stream().map(InteropCell::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
        StringBuilder sb = new StringBuilder();
        keys.forEach(k -> sb.append(k).append(" OK\n"));
        assertThat(Verdict.parseFile(sb.toString()).keySet()).containsExactlyElementsOf(keys);
    }
}
