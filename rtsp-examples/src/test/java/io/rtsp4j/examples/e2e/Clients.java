package io.rtsp4j.examples.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command lines of the real clients, as users run them. Each reader writes what it decoded to files in its
 * working directory: {@code video.md5} (FFmpeg framemd5) or its stdout (GStreamer checksumsink), and
 * {@code audio.f32} (32-bit float PCM).
 */
final class Clients {

    static final String USER = "alice";
    static final String PASS = "s3cret";
    static final String WRONG_PASS = "not-the-password";

    /**
     * GStreamer readers decode audio through decodebin (so it picks the depayloader for MPEG4-GENERIC, MP4A-LATM
     * or Opus from the caps); these ranks make it pick the libav decoders, which are FFmpeg's and therefore give
     * the same PCM as the FFmpeg reference.
     */
    static final Map<String, String> GST_ENV = Map.of("GST_PLUGIN_FEATURE_RANK", "avdec_aac:MAX,avdec_opus:MAX",
            "GST_DEBUG_NO_COLOR", "1");

    /**
     * GStreamer publishers log their RTSP exchange ({@code rtspclientsink} sometimes never finishes at the end
     * of the file; the log shows where it waits).
     */
    static final Map<String, String> GST_PUBLISHER_ENV = Map.of("GST_DEBUG", "rtspclientsink:5",
            "GST_DEBUG_NO_COLOR", "1");

    /**
     * A client command for an {@code rtsps://} relay with the test's self-signed certificate: GStreamer's
     * {@code rtspsrc}/{@code rtspclientsink} get {@code tls-validation-flags=0} right after their {@code location}
     * (FFmpeg does not verify certificates by default). Other commands are returned unchanged.
     */
    static List<String> acceptingSelfSigned(List<String> cmd) {
        List<String> out = new ArrayList<>();
        for (String token : cmd) {
            out.add(token);
            if (token.startsWith("location=rtsps:")) {
                out.add("tls-validation-flags=0");
            }
        }
        return out;
    }

    private Clients() {
    }

    static List<String> publisher(InteropCell.Endpoint p, SourceClip clip, String url, String user, String pass) {
        if (p.transport().equals("websocket")) {
            return throughWebSocket(url, publisher(new InteropCell.Endpoint(p.tool(), "tcp"), clip,
                    bridged(url), user, pass));
        }
        if (p.tool().equals(InteropCell.FFMPEG)) {
            return List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re",
                    "-i", clip.file().toString(), "-map", "0", "-c", "copy",
                    "-f", "rtsp", "-rtsp_transport", p.transport(), withUserInfo(url, user, pass));
        }
        List<String> cmd = new ArrayList<>(List.of("gst-launch-1.0", "-e",
                "filesrc", "location=" + clip.file(), "!", "matroskademux", "name=d",
                "d.video_0", "!", "queue", "!", "h264parse", "!", "s.sink_0",
                "d.audio_0", "!", "queue", "!", clip.gstAudioParser(), "!", "s.sink_1",
                "rtspclientsink", "name=s", "location=" + gstUrl(url, p.transport()),
                "protocols=" + gstTransport(p.transport())));
        if (user != null) {
            cmd.add("user-id=" + user);
            cmd.add("user-pw=" + pass);
        }
        return cmd;
    }

    /**
     * A GStreamer publisher that sends SRTP ({@code RTP/SAVP}, its key in the SETUP {@code KeyMgmt}): rtspclientsink
     * offers {@code RTP/AVP} only unless told otherwise. The sink is the command's last element.
     */
    static List<String> withSavp(List<String> gstPublisher) {
        List<String> cmd = new ArrayList<>(gstPublisher);
        cmd.add("profiles=savp");
        return cmd;
    }

    static List<String> reader(InteropCell.Endpoint r, String url, String user, String pass) {
        if (r.transport().equals("websocket")) {
            return throughWebSocket(url, reader(new InteropCell.Endpoint(r.tool(), "tcp"), bridged(url), user, pass));
        }
        switch (r.tool()) {
            case InteropCell.FFMPEG:
                return List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel",
                        System.getProperty("rtsp4j.interop.ffmpegLog", "warning"),
                        "-rtsp_transport", ffmpegTransport(r.transport()), "-i", withUserInfo(url, user, pass),
                        "-map", "0:v", "-fps_mode", "passthrough", "-f", "framemd5", "-y", "video.md5",
                        "-map", "0:a", "-f", "f32le", "-y", "audio.f32");
            case InteropCell.FFPROBE:
                return List.of("ffprobe", "-hide_banner", "-v", "error",
                        "-rtsp_transport", ffmpegTransport(r.transport()),
                        "-show_entries", "stream=codec_type,codec_name,width,height,sample_rate,channels",
                        "-of", "compact=p=0", withUserInfo(url, user, pass));
            default:
                List<String> cmd = new ArrayList<>();
                if (E2eTools.onPath("stdbuf")) {
                    // line-buffered stdout: checksumsink's lines show up as frames are decoded (progress checks)
                    cmd.addAll(List.of("stdbuf", "-oL"));
                }
                cmd.addAll(List.of("gst-launch-1.0", "-e", "-q",
                        "rtspsrc", "location=" + gstUrl(url, r.transport()), "protocols=" + gstTransport(r.transport()),
                        "name=s"));
                if (user != null) {
                    cmd.add("user-id=" + user);
                    cmd.add("user-pw=" + pass);
                }
                cmd.addAll(List.of(
                        "s.", "!", "application/x-rtp,media=video", "!", "rtph264depay", "!", "h264parse", "!",
                        "avdec_h264", "output-corrupt=false", "!", "checksumsink", "hash=md5",
                        "s.", "!", "application/x-rtp,media=audio", "!", "decodebin", "!", "audioconvert", "!",
                        "audio/x-raw,format=F32LE,layout=interleaved", "!", "filesink", "location=audio.f32"));
                return cmd;
        }
    }

    private static String ffmpegTransport(String t) {
        return t.equals("multicast") ? "udp_multicast" : t;
    }

    private static String gstTransport(String t) {
        // RTSP over HTTP: the rtsph:// scheme selects the tunnel, TCP inside it
        return t.equals("multicast") ? "udp-mcast" : t.equals("http") ? "tcp" : t;
    }

    private static String gstUrl(String url, String transport) {
        return transport.equals("http") ? url.replace("rtsp://", "rtsph://") : url;
    }

    /** The URL through the {@link WebSocketBridge}'s local port. */
    private static String bridged(String url) {
        return url.replaceFirst("127\\.0\\.0\\.1:\\d+", "127.0.0.1:{BRIDGE}");
    }

    /** Where the bridge's class is (the relay's class path leaves the test classes out). */
    private static String testClasses() {
        try {
            return java.nio.file.Path.of(WebSocketBridge.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a client's command behind a {@link WebSocketBridge} to the relay of {@code url}. */
    private static List<String> throughWebSocket(String url, List<String> command) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(url);
        if (!m.find()) {
            throw new IllegalArgumentException("no relay address in " + url);
        }
        List<String> cmd = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", RelayProcess.classPath(null) + java.io.File.pathSeparator + testClasses(),
                WebSocketBridge.class.getName(), "127.0.0.1:" + m.group(1)));
        cmd.addAll(command);
        return cmd;
    }

    static String withUserInfo(String url, String user, String pass) {
        return user == null ? url : url.replace("rtsp://", "rtsp://" + user + ":" + pass + "@");
    }
}
