package io.rtsp4j.examples.cli;

import io.rtsp4j.auth.AuthMethod;
import io.rtsp4j.examples.relay.RelayHandler;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.RtspServerConfig;
import io.rtsp4j.server.TlsConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code rtsp4j server [options]}: the relay server. Prints {@code rtsp4j relay ready} and its addresses on one
 * line once it listens; SIGTERM (or Ctrl-C) closes it cleanly.
 */
public final class ServerCommand implements Rtsp4jCli.Command {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("rtsp-address", ":8554");
        DEFAULTS.put("rtsps-address", ":8322");
        DEFAULTS.put("tls-cert", "");
        DEFAULTS.put("tls-key", "");
        DEFAULTS.put("tls-key-password", "");
        DEFAULTS.put("tls-provider", "auto");
        DEFAULTS.put("srtp-profile", "aes_cm_128_hmac_sha1_80");
        DEFAULTS.put("udp-rtp-address", ":8000");
        DEFAULTS.put("udp-rtcp-address", ":8001");
        // SRTP on its own UDP ports (mediamtx: 8004/8005); empty = the plain UDP ports
        DEFAULTS.put("srtp-rtp-address", "");
        DEFAULTS.put("srtp-rtcp-address", "");
        DEFAULTS.put("multicast-ip-range", "224.1.0.0/16");
        DEFAULTS.put("multicast-rtp-port", "8002");
        DEFAULTS.put("multicast-rtcp-port", "8003");
        // SRTP multicast groups on their own ports (mediamtx: 8006/8007); 0 = the plain multicast ports
        DEFAULTS.put("multicast-srtp-rtp-port", "0");
        DEFAULTS.put("multicast-srtp-rtcp-port", "0");
        DEFAULTS.put("user", "");
        DEFAULTS.put("pass", "");
        DEFAULTS.put("auth-methods", "basic,digest-md5");
        DEFAULTS.put("read-timeout", "10s");
        DEFAULTS.put("write-timeout", "10s");
        DEFAULTS.put("idle-timeout", "60s");
        DEFAULTS.put("write-queue-size", "256");
        // TCP readers: packets per write (1 = every tick) and the longest hold (trades latency for CPU)
        DEFAULTS.put("write-batch-packets", "1");
        DEFAULTS.put("write-batch-max-delay", "10ms");
        DEFAULTS.put("max-packet-size", "1472");
        DEFAULTS.put("udp-read-buffer-size", "0");
        // RTSP over HTTP (rtsph://, ffmpeg -rtsp_transport http) and over WebSocket (rtsp.onvif.org), same port
        DEFAULTS.put("http-tunnel", "true");
        DEFAULTS.put("websocket-tunnel", "true");
        DEFAULTS.put("tunnel-pair-by-ip", "true");
        DEFAULTS.put("log-level", "info");
    }

    /** Creates the command. */
    public ServerCommand() {
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(DEFAULTS);
        boolean refuseSecond = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                usage(out);
                return 0;
            }
            if (a.equals("--refuse-second-publisher")) {
                refuseSecond = true;
                continue;
            }
            if (!a.startsWith("--")) {
                err.println("rtsp4j server: unexpected argument '" + a + "'");
                return 2;
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                err.println("rtsp4j server: option --" + key + " needs a value");
                return 2;
            }
            if (!DEFAULTS.containsKey(key)) {
                err.println("rtsp4j server: unknown option --" + key);
                usage(err);
                return 2;
            }
            opts.put(key, value);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", opts.get("log-level").toLowerCase(Locale.ROOT));
        // Netty's leak detector samples buffers with a stack trace each and touches every write: a relay's hot
        // path pays for it (see docs/performance.md). Off unless asked for (-Dio.netty.leakDetection.level=...).
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");

        AtomicReference<RtspServer> ref = new AtomicReference<>();
        RtspServerConfig.Builder b = RtspServerConfig.builder()
                .rtspAddress(opts.get("rtsp-address"))
                .readTimeout(duration("read-timeout", opts.get("read-timeout")))
                .writeTimeout(duration("write-timeout", opts.get("write-timeout")))
                .idleTimeout(duration("idle-timeout", opts.get("idle-timeout")))
                .writeQueueSize(integer("write-queue-size", opts.get("write-queue-size")))
                .maxPacketSize(integer("max-packet-size", opts.get("max-packet-size")))
                .udpReadBufferSize(integer("udp-read-buffer-size", opts.get("udp-read-buffer-size")))
                .authMethods(authMethods(opts.get("auth-methods")))
                .httpTunnel(bool("http-tunnel", opts.get("http-tunnel")))
                .webSocketTunnel(bool("websocket-tunnel", opts.get("websocket-tunnel")))
                .tunnelPairingChecksIp(bool("tunnel-pair-by-ip", opts.get("tunnel-pair-by-ip")))
                .handler(new RelayHandler(ref::get, refuseSecond, opts.get("user"), opts.get("pass")));
        try {
            writeBatchOptions(b, opts);
            TlsConfig tls = tls(opts);
            if (tls != null) {
                b.rtspsAddress(opts.get("rtsps-address")).tls(tls);
            }
            b.srtpProfile(io.rtsp4j.srtp.SrtpProfile.forName(opts.get("srtp-profile"))
                    .orElseThrow(() -> new IllegalArgumentException("--srtp-profile: unknown profile '"
                            + opts.get("srtp-profile") + "' (aes_cm_128_hmac_sha1_80, aes_cm_128_hmac_sha1_32)")));
        } catch (IllegalArgumentException e) {
            err.println("rtsp4j server: " + e.getMessage());
            return 2;
        }
        RtspServerConfig config;
        try {
            udpOptions(b, opts);
            config = b.build();
        } catch (IllegalArgumentException e) {
            err.println("rtsp4j server: " + e.getMessage());
            return 2;
        }
        RtspServer server = new RtspServer(config);
        ref.set(server);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "rtsp4j-shutdown"));
        StringBuilder line = new StringBuilder("rtsp4j relay ready rtsp=").append(hostPort(server.rtspAddress()));
        if (server.rtspsAddress() != null) {
            line.append(" rtsps=").append(hostPort(server.rtspsAddress()))
                    .append(" tls-provider=").append(config.tls().provider().name().toLowerCase(Locale.ROOT));
        }
        if (server.udpRtpAddress() != null) {
            line.append(" udp-rtp=").append(hostPort(server.udpRtpAddress()))
                    .append(" udp-rtcp=").append(hostPort(server.udpRtcpAddress()));
        }
        if (server.srtpUdpRtpAddress() != null) {
            line.append(" srtp-rtp=").append(hostPort(server.srtpUdpRtpAddress()))
                    .append(" srtp-rtcp=").append(hostPort(server.srtpUdpRtcpAddress()));
        }
        if (config.multicastEnabled()) {
            line.append(" multicast=").append(config.multicastRange()).append(':').append(config.multicastRtpPort())
                    .append('-').append(config.multicastRtcpPort());
            if (config.multicastSrtpRtpPort() != 0) {
                line.append(" multicast-srtp=").append(config.multicastSrtpRtpPort()).append('-')
                        .append(config.multicastSrtpRtcpPort());
            }
        }
        out.println(line);
        out.flush();
        server.awaitTermination();
        return 0;
    }

    /**
     * The UDP unicast and multicast options, plain and SRTP. Empty SRTP addresses and SRTP multicast ports 0 keep
     * SRTP on the plain ports; an SRTP multicast port without a multicast range is refused by the builder.
     */
    static void udpOptions(RtspServerConfig.Builder b, Map<String, String> opts) {
        b.udpAddresses(opts.get("udp-rtp-address"), opts.get("udp-rtcp-address"))
                .srtpUdpAddresses(opts.get("srtp-rtp-address"), opts.get("srtp-rtcp-address"));
        String range = opts.get("multicast-ip-range");
        int srtpRtp = integer("multicast-srtp-rtp-port", opts.get("multicast-srtp-rtp-port"));
        int srtpRtcp = integer("multicast-srtp-rtcp-port", opts.get("multicast-srtp-rtcp-port"));
        b.multicast(range, range.isBlank() ? 0 : integer("multicast-rtp-port", opts.get("multicast-rtp-port")),
                range.isBlank() ? 0 : integer("multicast-rtcp-port", opts.get("multicast-rtcp-port")));
        b.multicastSrtpPorts(srtpRtp, srtpRtcp);
    }

    private static String hostPort(java.net.InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** RTSPS is on when both a certificate and a key are given; {@code null} when neither is. */
    static TlsConfig tls(Map<String, String> opts) {
        String cert = opts.get("tls-cert").trim();
        String key = opts.get("tls-key").trim();
        if (cert.isEmpty() && key.isEmpty()) {
            return null;
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("RTSPS needs both --tls-cert and --tls-key (PEM files)");
        }
        TlsConfig.Provider provider = switch (opts.get("tls-provider").trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> TlsConfig.Provider.AUTO;
            case "openssl" -> TlsConfig.Provider.OPENSSL;
            case "jdk" -> TlsConfig.Provider.JDK;
            default -> throw new IllegalArgumentException("--tls-provider: unknown provider '"
                    + opts.get("tls-provider") + "' (auto, openssl, jdk)");
        };
        String password = opts.get("tls-key-password");
        return TlsConfig.builder()
                .certificateChain(Path.of(cert))
                .privateKey(Path.of(key))
                .keyPassword(password.isEmpty() ? null : password)
                .provider(provider)
                .build();
    }

    /** {@code --write-batch-packets} and {@code --write-batch-max-delay} into the builder. */
    static void writeBatchOptions(RtspServerConfig.Builder b, Map<String, String> opts) {
        b.writeBatchPackets(integer("write-batch-packets", opts.get("write-batch-packets")))
                .writeBatchMaxDelay(duration("write-batch-max-delay", opts.get("write-batch-max-delay")));
    }

    static Duration duration(String name, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofMillis((long) (Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": invalid duration '" + v + "' (e.g. 10s, 500ms)");
        }
    }

    static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": not a number: '" + v + "'");
        }
    }

    static boolean bool(String name, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("--" + name + ": not true or false: '" + v + "'");
        };
    }

    static List<AuthMethod> authMethods(String v) {
        List<AuthMethod> out = new ArrayList<>();
        for (String s : v.split(",")) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "basic" -> out.add(AuthMethod.BASIC);
                case "digest-md5", "digest" -> out.add(AuthMethod.DIGEST_MD5);
                case "digest-sha256", "digest-sha-256" -> out.add(AuthMethod.DIGEST_SHA256);
                case "" -> { }
                default -> throw new IllegalArgumentException("--auth-methods: unknown method '" + s.trim()
                        + "' (basic, digest-md5, digest-sha256)");
            }
        }
        return out;
    }

    private static void usage(PrintStream s) {
        s.println("usage: rtsp4j server [options]");
        s.println("  --refuse-second-publisher   refuse a publisher on a path that already has one");
        s.println("  RTSPS (TLS) is served on --rtsps-address beside plain RTSP when --tls-cert (PEM certificate");
        s.println("  chain) and --tls-key (PEM private key: PKCS#8, PKCS#1 RSA or SEC1 EC) are given;");
        s.println("  --tls-provider: auto (OpenSSL/BoringSSL when available, else the JDK), openssl, jdk.");
        s.println("  Over RTSPS, readers and publishers may use SRTP (RTP/SAVP, MIKEY keys) on the same UDP ports and");
        s.println("  multicast range as plain RTP; --srtp-profile: aes_cm_128_hmac_sha1_80 or aes_cm_128_hmac_sha1_32.");
        s.println("  --srtp-rtp-address/--srtp-rtcp-address (e.g. :8004/:8005) give SRTP its own UDP pair and");
        s.println("  --multicast-srtp-rtp-port/--multicast-srtp-rtcp-port (e.g. 8006/8007) its own multicast ports");
        s.println("  (for firewall rules or mediamtx-like setups); empty/0 share the plain ones.");
        s.println("  --write-batch-packets N holds up to N packets per reader and writes them with one syscall (TCP),");
        s.println("  or as one segmented datagram (UDP, Linux GSO),");
        s.println("  never holding one longer than --write-batch-max-delay: less CPU per reader, more latency.");
        DEFAULTS.forEach((k, v) -> s.printf("  --%-25s default: %s%n", k, v.isEmpty() ? "(none)" : v));
    }
}
