package io.rtsp4j.examples.e2e;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which real-world tools are installed. The end-to-end tests skip (with an assumption naming what is missing and
 * the Debian package that provides it) instead of failing when a tool is absent; CI installs all of them.
 */
final class E2eTools {

    /** FFmpeg side: executables, encoders the clips need. */
    static final List<String> FFMPEG_EXECUTABLES = List.of("ffmpeg", "ffprobe");
    static final List<String> FFMPEG_ENCODERS = List.of("libx264", "libopus", "aac");

    /** GStreamer elements the publishers and readers use, with the Debian package providing each. */
    static final Map<String, String> GST_ELEMENTS = Map.ofEntries(
            Map.entry("filesrc", "libgstreamer1.0-0"),
            Map.entry("matroskademux", "gstreamer1.0-plugins-good"),
            Map.entry("h264parse", "gstreamer1.0-plugins-bad"),
            Map.entry("aacparse", "gstreamer1.0-plugins-good"),
            Map.entry("opusparse", "gstreamer1.0-plugins-bad"),
            Map.entry("rtspclientsink", "gstreamer1.0-rtsp"),
            Map.entry("rtspsrc", "gstreamer1.0-plugins-good"),
            Map.entry("rtph264depay", "gstreamer1.0-plugins-good"),
            Map.entry("rtpmp4gdepay", "gstreamer1.0-plugins-good"),
            Map.entry("rtpmp4adepay", "gstreamer1.0-plugins-good"),
            Map.entry("rtpopusdepay", "gstreamer1.0-plugins-good"),
            Map.entry("decodebin", "gstreamer1.0-plugins-base"),
            Map.entry("avdec_h264", "gstreamer1.0-libav"),
            Map.entry("avdec_aac", "gstreamer1.0-libav"),
            Map.entry("avdec_opus", "gstreamer1.0-libav"),
            Map.entry("checksumsink", "gstreamer1.0-plugins-bad"),
            Map.entry("audioconvert", "gstreamer1.0-plugins-base"),
            Map.entry("filesink", "libgstreamer1.0-0"));

    private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();

    private E2eTools() {
    }

    /** What is missing for FFmpeg cells, or empty. */
    static List<String> missingFfmpeg() {
        List<String> missing = new ArrayList<>();
        for (String exe : FFMPEG_EXECUTABLES) {
            if (!onPath(exe)) {
                missing.add(exe + " (Debian package ffmpeg)");
            }
        }
        if (missing.isEmpty()) {
            String encoders = run(List.of("ffmpeg", "-hide_banner", "-encoders"));
            for (String enc : FFMPEG_ENCODERS) {
                if (!encoders.contains(" " + enc + " ")) {
                    missing.add("ffmpeg encoder " + enc);
                }
            }
        }
        return missing;
    }

    /** What is missing for GStreamer cells, or empty. */
    static List<String> missingGstreamer() {
        List<String> missing = new ArrayList<>();
        if (!onPath("gst-launch-1.0") || !onPath("gst-inspect-1.0")) {
            missing.add("gst-launch-1.0/gst-inspect-1.0 (Debian package gstreamer1.0-tools)");
            return missing;
        }
        GST_ELEMENTS.forEach((element, pkg) -> {
            if (!CACHE.computeIfAbsent("gst:" + element,
                    e -> exitCode(List.of("gst-inspect-1.0", "--exists", element)) == 0)) {
                missing.add("GStreamer element " + element + " (Debian package " + pkg + ")");
            }
        });
        missing.sort(null);
        return missing;
    }

    static boolean onPath(String exe) {
        return CACHE.computeIfAbsent("exe:" + exe, e -> {
            String path = System.getenv("PATH");
            if (path == null) {
                return false;
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (new File(dir, exe).canExecute()) {
                    return true;
                }
            }
            return false;
        });
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static int exitCode(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
