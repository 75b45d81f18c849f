package io.rtsp4j.examples.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic test clip, encoded once per codec pair, and what decoding it gives (the reference every reader
 * is compared with).
 *
 * <p>Video: {@code testsrc2} (every frame differs: it draws a frame counter), 320x240, 25 fps, H.264 with a fixed
 * GOP of {@value #GOP} frames (no scene-cut key frames, so readers find a key frame every half second).
 * Audio: a stereo chirp (not periodic, so a piece of decoded audio occurs only once in the source), 48 kHz, AAC
 * without perceptual noise substitution (its noise generator makes decoding depend on where it started) or Opus.
 *
 * @param codecs {@code h264+aac} or {@code h264+opus}
 * @param file the Matroska file publishers send
 * @param videoMd5 MD5 of every decoded source frame
 * @param audioPcm decoded source audio, 32-bit float interleaved
 */
record SourceClip(String codecs, Path file, List<String> videoMd5, byte[] audioPcm) {

    static final int SECONDS = 12;
    static final int FPS = 25;
    static final int GOP = 12;
    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    /** Encodes the clip into {@code dir} (unless an identical one is there) and decodes the reference. */
    static SourceClip create(String codecs, Path dir) {
        try {
            Files.createDirectories(dir);
            String base = codecs.replace('+', '-') + "-" + SECONDS + "s-g" + GOP;
            Path file = dir.resolve(base + ".mkv");
            Path md5 = dir.resolve(base + ".video.md5");
            Path pcm = dir.resolve(base + ".audio.f32");
            if (!Files.exists(file) || !Files.exists(md5) || !Files.exists(pcm)) {
                List<String> audio = codecs.equals(InteropCell.AAC)
                        ? List.of("-c:a", "aac", "-aac_pns", "0", "-b:a", "96k")
                        : List.of("-c:a", "libopus", "-b:a", "64k");
                List<String> encode = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel",
                        "error", "-y",
                        "-f", "lavfi", "-i", "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS,
                        "-f", "lavfi", "-i", "aevalsrc=0.4*sin(2*PI*(220+200*t)*t)|0.4*sin(2*PI*(330+150*t)*t):s=48000",
                        "-t", Integer.toString(SECONDS), "-map", "0:v", "-map", "1:a",
                        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", Integer.toString(GOP),
                        "-keyint_min", Integer.toString(GOP), "-sc_threshold", "0", "-bf", "2"));
                encode.addAll(audio);
                encode.addAll(List.of("-f", "matroska", file + ".tmp"));
                run(encode);
                Files.move(Path.of(file + ".tmp"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                run(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", file.toString(),
                        "-map", "0:v", "-fps_mode", "passthrough", "-f", "framemd5", md5.toString(),
                        "-map", "0:a", "-f", "f32le", pcm.toString()));
            }
            return new SourceClip(codecs, file, MediaCheck.parseFramemd5(Files.readString(md5)),
                    Files.readAllBytes(pcm));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) {
        String out = E2eTools.run(command);
        if (!out.isBlank()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** The parser element GStreamer needs between the demuxer and the payloader for the audio. */
    String gstAudioParser() {
        return codecs.equals(InteropCell.AAC) ? "aacparse" : "opusparse";
    }

    /** What ffprobe must report for the audio stream. */
    String ffprobeAudioCodec() {
        return codecs.equals(InteropCell.AAC) ? "aac" : "opus";
    }
}
