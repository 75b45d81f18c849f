package io.rtsp4j.examples.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** FFmpeg for the example tests: skip without it, run it with a time limit, decode a file to frame MD5s. */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    /** Skips the calling test (assumption) when ffmpeg/ffprobe or the needed encoders are missing. */
    public static void assumeAvailable() {
        List<String> missing = E2eTools.missingFfmpeg();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "needs FFmpeg (Debian package ffmpeg); missing: " + missing);
    }

    /** Skips the calling test when this FFmpeg has no encoder of that name (e.g. libx265). */
    public static void assumeEncoder(String name) {
        String encoders = E2eTools.run(List.of("ffmpeg", "-hide_banner", "-encoders"));
        Assumptions.assumeTrue(encoders.contains(" " + name + " "), () -> "FFmpeg has no encoder " + name);
    }

    /**
     * Starts {@code ffmpeg -hide_banner -nostdin -loglevel error <args>} in the background (always killed by
     * {@link AutoCloseable#close()} of the returned process or at JVM exit).
     *
     * @param name a name for the output files in {@code dir}
     * @param dir working directory and output files
     * @param args the arguments after the common ones
     * @return the process
     */
    public static AutoCloseableProcess start(String name, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error"));
        cmd.addAll(List.of(args));
        return new AutoCloseableProcess(ManagedProcess.start(name, cmd, dir, java.util.Map.of(), true));
    }

    /**
     * Runs ffmpeg to completion.
     *
     * @param timeoutSeconds the time limit
     * @param args the arguments after the common ones
     * @throws IllegalStateException if it fails or times out (with its output)
     */
    public static void run(int timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-y"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("ffmpeg timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg exited " + p.exitValue() + ": " + cmd + "\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decodes the video of a file and returns the MD5 of every frame.
     *
     * @param input a file or URL ffmpeg can read
     * @param extraInputArgs options placed before {@code -i} (e.g. {@code -rtsp_transport tcp})
     * @return the frame hashes
     */
    public static List<String> videoFrameMd5(String input, String... extraInputArgs) {
        try {
            Path out = Files.createTempFile("rtsp4j-framemd5", ".txt");
            try {
                List<String> args = new ArrayList<>(List.of(extraInputArgs));
                args.addAll(List.of("-i", input, "-map", "0:v", "-fps_mode", "passthrough", "-f", "framemd5",
                        out.toString()));
                run(60, args.toArray(String[]::new));
                return MediaCheck.parseFramemd5(Files.readString(out));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses {@code -f framemd5} output into the frame hashes.
     *
     * @param text the output
     * @return the hashes, in frame order
     */
    public static List<String> parseFramemd5(String text) {
        return MediaCheck.parseFramemd5(text);
    }

    /** A background process that the test closes (killing it if still running). */
    public static final class AutoCloseableProcess implements AutoCloseable {
        private final ManagedProcess process;

        AutoCloseableProcess(ManagedProcess process) {
            this.process = process;
        }

        /**
         * Waits for the process to end.
         *
         * @param seconds the time limit
         * @return the exit status
         * @throws IllegalStateException on timeout (the process is killed)
         */
        public int waitFor(int seconds) {
            if (!process.waitFor(java.time.Duration.ofSeconds(seconds))) {
                process.close();
                throw new IllegalStateException(process.name() + " still running after " + seconds + " s: "
                        + process.tail(5));
            }
            return process.exitCode();
        }

        /**
         * The last lines of its output.
         *
         * @return the text
         */
        public String tail() {
            return process.tail(5);
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
