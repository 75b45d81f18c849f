package io.rtsp4j.examples.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether what a reader decoded is exactly (a contiguous piece of) what the publisher sent.
 *
 * <p>Video: the MD5 of every decoded frame is compared with the MD5s of decoding the source file. A reader joins
 * a running stream, so it may miss the start and the end, and a decoder may emit a few concealed frames before
 * the first key frame; after that prefix every frame must be the next source frame, with no gap, no duplicate and
 * no damaged frame.
 *
 * <p>Audio: decoded PCM (32-bit float, interleaved) is compared byte for byte with decoding the source. Audio
 * decoders carry state from frame to frame (AAC overlap-add, Opus prediction), so a decoder that starts in the
 * middle of a stream needs a warm-up before its output equals the reference (AAC: one frame; Opus: up to about
 * 0.7 s). After the warm-up the PCM must be one contiguous piece of the reference up to the reader's end; only
 * past the end of the reference (which trims the encoder's end padding) may a little more follow.
 */
final class MediaCheck {

    /** Bytes per second of 48 kHz stereo float PCM. */
    static final int PCM_BYTES_PER_SECOND = 48_000 * 2 * 4;
    private static final int SAMPLE_FRAME = 8;
    private static final int ANCHOR = 4096;
    /** Frames (video) that may be cut at the very end of the source when the publisher leaves. */
    static final int MAX_TAIL = 3;
    /** Audio that may be cut at the very end of the source when the publisher leaves (0.25 s). */
    static final int MAX_AUDIO_TAIL = PCM_BYTES_PER_SECOND / 4;

    /** The verdict of one comparison. */
    record Result(boolean ok, String detail) {
        static Result ok(String detail) {
            return new Result(true, detail);
        }

        static Result fail(String detail) {
            return new Result(false, detail);
        }
    }

    private MediaCheck() {
    }

    /**
     * Parses FFmpeg {@code -f framemd5} output: the hash column of every frame line (side data columns that
     * FFmpeg appends after it are ignored).
     */
    static List<String> parseFramemd5(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(",");
            if (cols.length >= 6) {
                out.add(cols[5].strip());
            }
        }
        return out;
    }

    /** Parses GStreamer {@code checksumsink} output: {@code <timestamp> <hash>} per buffer. */
    static List<String> parseChecksumsink(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length == 2 && cols[1].matches("[0-9a-f]{32}")) {
                out.add(cols[1]);
            }
        }
        return out;
    }

    /**
     * Checks decoded video frames against the source.
     *
     * @param source the source's frame hashes
     * @param got the reader's frame hashes
     * @param maxLeadingExtra how many frames before the first matching one are tolerated (concealed frames some
     *        decoders output before the first key frame)
     * @param minFrames how many matching frames are needed at least
     */
    static Result video(List<String> source, List<String> got, int maxLeadingExtra, int minFrames) {
        return video(source, got, maxLeadingExtra, minFrames, MAX_TAIL);
    }

    /**
     * Checks decoded video frames against the source.
     *
     * @param source the source's frame hashes
     * @param got the reader's frame hashes
     * @param maxLeadingExtra how many frames before the first matching one are tolerated (concealed frames some
     *        decoders output before the first key frame)
     * @param minFrames how many matching frames are needed at least
     * @param tailCut how many frames at the end of the source may be missing (at least {@link #MAX_TAIL}; more for
     *        UDP publishers, whose last datagrams race their TEARDOWN)
     */
    static Result video(List<String> source, List<String> got, int maxLeadingExtra, int minFrames, int tailCut) {
        if (got.isEmpty()) {
            return Result.fail("no video frame decoded");
        }
        int cut = Math.max(tailCut, MAX_TAIL);
        for (int skip = 0; skip < got.size() && skip <= maxLeadingExtra; skip++) {
            int start = source.indexOf(got.get(skip));
            if (start < 0) {
                continue;
            }
            int n = got.size() - skip;
            int i = 0;
            while (i < n && start + i < source.size() && source.get(start + i).equals(got.get(skip + i))) {
                i++;
            }
            boolean nearEnd = start + i >= source.size() - cut;
            String note = "";
            if (i < n) {
                // The publisher left while its last frames were in flight (a reader stops at the BYE and decodes
                // what it has of the last frame; with B-frames the last P-frame arrives before the B-frames shown
                // before it). Tolerated only at the end of the source, for at most MAX_TAIL frames.
                if (!nearEnd || n - i > MAX_TAIL) {
                    int where = source.indexOf(got.get(skip + i));
                    return Result.fail(String.format(Locale.ROOT,
                            "video frame %d of %d is not source frame %d (it is %s) after %d matching frames",
                            skip + i, got.size(), start + i,
                            where < 0 ? "no source frame" : "source frame " + where, i));
                }
                note = ", then " + (n - i) + " incomplete frame(s)";
            }
            if (!nearEnd) {
                // the publisher sent the whole source and readers stay until it leaves: an early end is loss
                return Result.fail("video ends at source frame " + (start + i - 1) + " of " + source.size()
                        + " (" + i + " frames matched)");
            }
            if (start + i < source.size()) {
                note += ", the last " + (source.size() - start - i) + " source frame(s) missing";
            }
            if (i < minFrames) {
                return Result.fail("only " + i + " video frames decoded (source frames " + start + ".."
                        + (start + i - 1) + "), need " + minFrames);
            }
            return Result.ok("video: source frames " + start + ".." + (start + i - 1) + " (" + i + " frames"
                    + (skip > 0 ? ", " + skip + " leading concealed frames" : "") + note + ")");
        }
        return Result.fail("none of the first " + Math.min(got.size(), maxLeadingExtra + 1) + " of " + got.size()
                + " decoded video frames is a source frame");
    }

    /**
     * Checks decoded audio against the source.
     *
     * @param source the source's decoded PCM
     * @param got the reader's decoded PCM
     * @param maxWarmupBytes how much leading audio may differ (decoder warm-up)
     * @param minMatchBytes how much audio must match at least
     * @param maxTailBytes how much audio may follow the end of the source (end padding the source trims)
     */
    static Result audio(byte[] source, byte[] got, int maxWarmupBytes, int minMatchBytes, int maxTailBytes) {
        return audio(source, got, maxWarmupBytes, minMatchBytes, maxTailBytes, MAX_AUDIO_TAIL);
    }

    /**
     * Checks decoded audio against the source, allowing the end of the source to be cut by {@code tailCut} bytes
     * (see {@link #video(List, List, int, int, int)}).
     */
    static Result audio(byte[] source, byte[] got, int maxWarmupBytes, int minMatchBytes, int maxTailBytes,
            int tailCut) {
        int cut = Math.max(tailCut, MAX_AUDIO_TAIL);
        if (got.length == 0) {
            return Result.fail("no audio decoded");
        }
        if (got.length < ANCHOR * 2) {
            return Result.fail("only " + seconds(got.length) + " s of audio decoded");
        }
        int anchor = -1;
        int offset = 0;
        for (double at : new double[] {0.6, 0.4, 0.8, 0.95, 0.25}) {
            int a = align((int) ((got.length - ANCHOR) * at));
            int pos = find(source, got, a, ANCHOR);
            if (pos >= 0) {
                anchor = a;
                offset = pos - a;
                break;
            }
        }
        if (anchor < 0) {
            return Result.fail("decoded audio (" + seconds(got.length) + " s) does not occur in the source");
        }
        int from = anchor;
        while (from - SAMPLE_FRAME >= 0 && from - SAMPLE_FRAME + offset >= 0
                && equal(got, from - SAMPLE_FRAME, source, from - SAMPLE_FRAME + offset)) {
            from -= SAMPLE_FRAME;
        }
        int to = anchor + ANCHOR;
        while (to + SAMPLE_FRAME <= got.length && to + SAMPLE_FRAME + offset <= source.length
                && equal(got, to, source, to + offset)) {
            to += SAMPLE_FRAME;
        }
        String range = String.format(Locale.ROOT, "source %.3f..%.3f s", seconds(from + offset),
                seconds(to + offset));
        String note = "";
        if (to < got.length) {
            boolean pastSourceEnd = to + offset >= source.length;
            int tail = got.length - to;
            if (pastSourceEnd) {
                if (tail > maxTailBytes) {
                    return Result.fail(String.format(Locale.ROOT, "%.3f s of audio after the end of the source",
                            seconds(tail)));
                }
            } else if (to + offset >= source.length - cut && tail <= MAX_AUDIO_TAIL) {
                // the publisher left while its last packets were in flight (see MAX_TAIL for video)
                note = String.format(Locale.ROOT, ", last %.3f s cut at the end of the stream", seconds(tail));
            } else {
                return Result.fail(String.format(Locale.ROOT,
                        "decoded audio differs from the source at %.3f s of %.3f s (matched %s)", seconds(to),
                        seconds(got.length), range));
            }
        }
        if (to + offset < source.length - cut) {
            return Result.fail(String.format(Locale.ROOT, "audio ends at %.3f s of %.3f s (matched %s)",
                    seconds(to + offset), seconds(source.length), range));
        }
        if (from > maxWarmupBytes) {
            return Result.fail(String.format(Locale.ROOT,
                    "the first %.3f s of decoded audio differ from the source (more than a decoder warm-up; "
                            + "matched %s)", seconds(from), range));
        }
        if (to - from < minMatchBytes) {
            return Result.fail(String.format(Locale.ROOT, "only %.3f s of audio matched (%s)", seconds(to - from),
                    range));
        }
        return Result.ok(String.format(Locale.ROOT, "audio: %s (%.3f s warm-up%s)", range, seconds(from), note));
    }

    private static int align(int i) {
        return Math.max(0, i - i % SAMPLE_FRAME);
    }

    private static boolean equal(byte[] a, int ai, byte[] b, int bi) {
        return Arrays.equals(a, ai, ai + SAMPLE_FRAME, b, bi, bi + SAMPLE_FRAME);
    }

    /** First sample-aligned position of {@code got[from, from+len)} in {@code source}, or -1. */
    private static int find(byte[] source, byte[] got, int from, int len) {
        for (int pos = 0; pos + len <= source.length; pos += SAMPLE_FRAME) {
            if (source[pos] == got[from] && Arrays.equals(source, pos, pos + len, got, from, from + len)) {
                return pos;
            }
        }
        return -1;
    }

    static double seconds(int bytes) {
        return bytes / (double) PCM_BYTES_PER_SECOND;
    }
}
