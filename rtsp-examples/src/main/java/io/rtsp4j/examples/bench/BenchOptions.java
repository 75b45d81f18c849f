package io.rtsp4j.examples.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The options of {@code rtsp4j bench}, parsed and validated. Every failure is an {@link IllegalArgumentException}
 * whose message names the option.
 *
 * @param url the RTSP URL of the path to publish on and read from (credentials in the user-info part)
 * @param readers number of readers
 * @param readerTransport how readers receive packets
 * @param publishTransport how the publisher sends packets
 * @param rate packets per second sent by the publisher (0: idle stream, only RTCP)
 * @param payload RTP payload size in bytes (one H264 NAL unit)
 * @param duration measured window
 * @param warmup time between the first packet and the measured window
 * @param serverPid pid of the server to sample in /proc, or -1
 * @param threads event loop threads of the readers
 * @param keyframeInterval a key frame every this many packets
 * @param connectConcurrency handshakes in flight at once while readers connect
 * @param drain how long to wait for the last packets after the publisher stops
 * @param readerProfile whether readers ask for plain RTP or SRTP ({@code auto}: SRTP for UDP and multicast readers
 *     of an {@code rtsps://} URL, which must use it)
 */
record BenchOptions(URI url, int readers, ReaderTransport readerTransport, PublishTransport publishTransport,
        int rate, int payload, Duration duration, Duration warmup, long serverPid, int threads,
        int keyframeInterval, int connectConcurrency, Duration drain, ReaderProfile readerProfile) {

    /** The RTP profile readers ask for. */
    enum ReaderProfile { AUTO, AVP, SAVP }

    /** How readers receive. */
    enum ReaderTransport { TCP, UDP, MULTICAST }

    /** How the publisher sends. */
    enum PublishTransport { TCP, UDP }

    /** The largest payload that fits one interleaved frame with its RTP header. */
    static final int MAX_TCP_PAYLOAD = 0xFFFF - 12;
    /** The largest payload that fits one IPv4 UDP datagram on loopback with its RTP header. */
    static final int MAX_UDP_PAYLOAD = 65_507 - 12;

    static final String USAGE = String.join("\n",
            "usage: rtsp4j bench --url rtsp://HOST:PORT/PATH [options]",
            "  --url URL                       path to publish on and read from (rtsp://user:pass@host:port/path);",
            "                                  rtsps://... speaks TLS over TCP, trusting ANY certificate (benchmarks only)",
            "  --readers N                     readers (default 1; 0 measures the publisher alone)",
            "  --reader-transport tcp|udp|multicast   (default tcp)",
            "  --reader-profile auto|avp|savp  readers' RTP profile: savp = SRTP keyed by the server's MIKEY (rtsps only);",
            "                                  auto (default) = savp for udp/multicast readers of an rtsps:// URL",
            "  --publish-transport tcp|udp     (default tcp)",
            "  --rate N                        packets per second (default 500; 0: idle stream)",
            "  --payload BYTES                 RTP payload size (default 1200, at least " + BenchPayload.MIN_SIZE + ")",
            "  --duration D                    measured window (default 10s; 500ms, 10s, 2m)",
            "  --warmup D                      sending before the window (default 2s)",
            "  --server-pid PID                sample the server's CPU and RSS from /proc",
            "  --threads N                     reader event loop threads (default 1)",
            "  --keyframe-interval N           packets between key frames (default: one per second)",
            "  --connect-concurrency N         handshakes in flight while readers connect (default 64)",
            "  --drain D                       after the last packet, wait while packets still arrive, up to D without any (default 2s)",
            "output: a progress line per second on stderr, one JSON object on stdout");

    /**
     * Parses the command line.
     *
     * @param args the arguments after {@code bench}
     * @return the options
     * @throws IllegalArgumentException naming the option in error
     */
    static BenchOptions parse(String... args) {
        String url = null;
        int readers = 1;
        ReaderTransport readerTransport = ReaderTransport.TCP;
        PublishTransport publishTransport = PublishTransport.TCP;
        int rate = 500;
        int payload = 1200;
        Duration duration = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(2);
        long pid = -1;
        int threads = 1;
        int keyframe = -1;
        int concurrency = 64;
        Duration drain = Duration.ofSeconds(2);
        ReaderProfile readerProfile = ReaderProfile.AUTO;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            switch (name) {
                case "url" -> url = value;
                case "readers" -> readers = integer(name, value, 0, 1_000_000);
                case "reader-transport" -> readerTransport = choice(name, value, ReaderTransport.class);
                case "publish-transport" -> publishTransport = choice(name, value, PublishTransport.class);
                case "rate" -> rate = integer(name, value, 0, 10_000_000);
                case "payload" -> payload = integer(name, value, BenchPayload.MIN_SIZE, MAX_UDP_PAYLOAD);
                case "duration" -> duration = duration(name, value, false);
                case "warmup" -> warmup = duration(name, value, true);
                case "server-pid" -> pid = integer(name, value, 1, Integer.MAX_VALUE);
                case "threads" -> threads = integer(name, value, 1, 256);
                case "keyframe-interval" -> keyframe = integer(name, value, 1, Integer.MAX_VALUE);
                case "connect-concurrency" -> concurrency = integer(name, value, 1, 100_000);
                case "drain" -> drain = duration(name, value, true);
                case "reader-profile" -> readerProfile = choice(name, value, ReaderProfile.class);
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("option --url is required (e.g. --url rtsp://127.0.0.1:8554/bench)");
        }
        URI uri = rtspUrl(url);
        boolean tls = "rtsps".equalsIgnoreCase(uri.getScheme());
        if (tls && publishTransport != PublishTransport.TCP) {
            // UDP beside RTSPS must be SRTP, which the bench publisher does not speak.
            throw new IllegalArgumentException("--url rtsps:// publishes with TCP only (--publish-transport tcp): "
                    + "UDP over RTSPS needs SRTP");
        }
        if (readerProfile == ReaderProfile.SAVP && !tls) {
            throw new IllegalArgumentException("--reader-profile savp needs an rtsps:// --url (SRTP keys travel "
                    + "only over TLS)");
        }
        if (tls && readerProfile == ReaderProfile.AVP && readerTransport != ReaderTransport.TCP) {
            throw new IllegalArgumentException("--reader-profile avp: UDP and multicast readers over rtsps:// need "
                    + "savp (SRTP)");
        }
        int maxPayload = publishTransport == PublishTransport.TCP || readerTransport == ReaderTransport.TCP
                ? MAX_TCP_PAYLOAD : MAX_UDP_PAYLOAD;
        if (payload > maxPayload) {
            throw new IllegalArgumentException("--payload: " + payload + " bytes do not fit one "
                    + "interleaved frame (at most " + maxPayload + ")");
        }
        if (keyframe < 0) {
            keyframe = Math.max(1, rate);
        }
        return new BenchOptions(uri, readers, readerTransport, publishTransport, rate, payload, duration, warmup,
                pid, threads, keyframe, concurrency, drain, readerProfile);
    }

    /** The URL without user-info, as sent in requests. */
    String requestUrl() {
        String s = url.toString();
        String userInfo = url.getRawUserInfo();
        return userInfo == null ? s : s.replace(userInfo + "@", "");
    }

    /** The user from the URL, or {@code null}. */
    String user() {
        String ui = url.getUserInfo();
        if (ui == null) {
            return null;
        }
        int colon = ui.indexOf(':');
        return colon < 0 ? ui : ui.substring(0, colon);
    }

    /** The password from the URL, or {@code ""}. */
    String password() {
        String ui = url.getUserInfo();
        int colon = ui == null ? -1 : ui.indexOf(':');
        return colon < 0 ? "" : ui.substring(colon + 1);
    }

    /** The port of the URL, 554 (rtsp) or 322 (rtsps) when absent. */
    int port() {
        return url.getPort() >= 0 ? url.getPort() : tls() ? 322 : 554;
    }

    /** Whether readers ask for SRTP ({@code RTP/SAVP}). */
    boolean readerSrtp() {
        return readerProfile == ReaderProfile.SAVP
                || readerProfile == ReaderProfile.AUTO && tls() && readerTransport != ReaderTransport.TCP;
    }

    /** Whether the URL is {@code rtsps://}: TLS, plain RTP inside it over TCP. */
    boolean tls() {
        return "rtsps".equalsIgnoreCase(url.getScheme());
    }

    private static URI rtspUrl(String s) {
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url: not a URL: '" + s + "' (" + e.getReason() + ")");
        }
        if (!"rtsp".equalsIgnoreCase(uri.getScheme()) && !"rtsps".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("--url: scheme must be rtsp or rtsps: '" + s + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--url: no host in '" + s + "'");
        }
        return uri;
    }

    static int integer(String name, String v, int min, int max) {
        long n;
        try {
            n = Long.parseLong(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": not a whole number: '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("--" + name + ": " + n + " is out of range " + min + ".." + max);
        }
        return (int) n;
    }

    static <E extends Enum<E>> E choice(String name, String v, Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
            names.append(names.length() == 0 ? "" : "|").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("--" + name + ": '" + v + "' is not one of " + names);
    }

    /**
     * Parses {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m} or a plain number of seconds.
     */
    static Duration duration(String name, String v, boolean zeroAllowed) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        long millis;
        try {
            if (s.endsWith("ms")) {
                millis = Long.parseLong(s.substring(0, s.length() - 2));
            } else if (s.endsWith("s")) {
                millis = Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000);
            } else if (s.endsWith("m")) {
                millis = Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000);
            } else {
                millis = Math.round(Double.parseDouble(s) * 1000);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": not a duration: '" + v + "' (e.g. 500ms, 10s, 2m)");
        }
        if (millis < 0 || (!zeroAllowed && millis == 0) || millis > 86_400_000L) {
            throw new IllegalArgumentException("--" + name + ": " + v + " is out of range ("
                    + (zeroAllowed ? "0" : "1ms") + "..24h)");
        }
        return Duration.ofMillis(millis);
    }
}
