package io.rtsp4j.server;

import io.netty.channel.EventLoopGroup;
import io.rtsp4j.auth.AuthMethod;
import io.rtsp4j.base.codec.RtspDecoderConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The immutable configuration of an {@link RtspServer}. Build it with {@link #builder()}; every setter documents
 * its default and range, and {@link Builder#build()} rejects invalid combinations with an
 * {@link IllegalArgumentException} that names the field and the rule.
 *
 * <pre>{@code
 * RtspServerConfig config = RtspServerConfig.builder()
 *         .rtspAddress(":8554")
 *         .udpAddresses(":8000", ":8001")
 *         .multicast("224.1.0.0/16", 8002, 8003)
 *         .handler(myHandler)
 *         .build();
 * }</pre>
 */
public final class RtspServerConfig {

    /** Default read timeout: 10 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Default write timeout: 10 seconds. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** Default idle timeout: 60 seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Default per-reader write queue size, in packets: {@value}. */
    public static final int DEFAULT_WRITE_QUEUE_SIZE = 256;
    /** Default write batch: {@value} packet, i.e. every packet leaves in the event loop tick that wrote it. */
    public static final int DEFAULT_WRITE_BATCH_PACKETS = 1;
    /** Largest {@code writeBatchPackets}: {@value}. */
    public static final int MAX_WRITE_BATCH_PACKETS = 64;
    /** Default longest hold of a batched packet: 10 milliseconds. */
    public static final Duration DEFAULT_WRITE_BATCH_MAX_DELAY = Duration.ofMillis(10);
    /** Default maximum size of an outgoing RTP/RTCP packet: {@value} bytes (IPv4 MTU minus IP and UDP headers). */
    public static final int DEFAULT_MAX_PACKET_SIZE = 1472;
    /** Largest accepted {@code maxPacketSize}: the largest UDP payload over IPv4, {@value} bytes. */
    public static final int MAX_MAX_PACKET_SIZE = 65507;
    /** Default RTCP sender and receiver report period: 10 seconds. */
    public static final Duration DEFAULT_REPORT_PERIOD = Duration.ofSeconds(10);
    /** Default multicast TTL: {@value}; it is both set on the socket and advertised in SETUP. */
    public static final int DEFAULT_MULTICAST_TTL = 16;
    /** Default authentication realm: {@value}. */
    public static final String DEFAULT_REALM = "rtsp4j";
    /** Default value of the {@code Server} header: {@value}. */
    public static final String DEFAULT_SERVER_NAME = "rtsp4j";
    /** Default time an HTTP tunnel GET waits for its POST: 5 seconds. */
    public static final Duration DEFAULT_TUNNEL_PAIRING_TIMEOUT = Duration.ofSeconds(5);
    /** Default limit of an HTTP request head (request line, headers) on the RTSP port: {@value} bytes. */
    public static final int DEFAULT_TUNNEL_MAX_HTTP_HEADER_SIZE = 8192;
    /** Default base64 bytes of an HTTP tunnel's POST body buffered before the POST socket is paused: {@value}. */
    public static final int DEFAULT_HTTP_TUNNEL_BUFFER_SIZE = 65536;
    /** Default largest WebSocket frame payload accepted from a client: {@value} bytes. */
    public static final int DEFAULT_WEBSOCKET_MAX_FRAME_SIZE = 262144;
    /** Default period of the WebSocket pings the server sends: 30 seconds. */
    public static final Duration DEFAULT_WEBSOCKET_PING_INTERVAL = Duration.ofSeconds(30);

    private final InetSocketAddress rtspAddress;
    private final InetSocketAddress rtspsAddress;
    private final TlsConfig tls;
    private final io.rtsp4j.srtp.SrtpProfile srtpProfile;
    private final InetSocketAddress udpRtpAddress;
    private final InetSocketAddress udpRtcpAddress;
    private final InetSocketAddress srtpUdpRtpAddress;
    private final InetSocketAddress srtpUdpRtcpAddress;
    private final MulticastRange multicastRange;
    private final int multicastRtpPort;
    private final int multicastRtcpPort;
    private final int multicastSrtpRtpPort;
    private final int multicastSrtpRtcpPort;
    private final int multicastTtl;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration idleTimeout;
    private final int udpReadBufferSize;
    private final int writeQueueSize;
    private final int writeBatchPackets;
    private final Duration writeBatchMaxDelay;
    private final int maxPacketSize;
    private final Duration senderReportPeriod;
    private final Duration receiverReportPeriod;
    private final boolean disableSenderReports;
    private final List<AuthMethod> authMethods;
    private final String realm;
    private final int maxConnections;
    private final int maxSessions;
    private final int maxConnectionsPerIp;
    private final ServerHandler handler;
    private final EventLoopGroup eventLoopGroup;
    private final int ioThreads;
    private final Clock clock;
    private final String serverName;
    private final Duration tunnelPairingTimeout;
    private final boolean tunnelPairingChecksIp;
    private final boolean httpTunnelEnabled;
    private final boolean webSocketTunnelEnabled;
    private final int tunnelMaxHttpHeaderSize;
    private final int httpTunnelBufferSize;
    private final int webSocketMaxFrameSize;
    private final Duration webSocketPingInterval;
    private final RtspDecoderConfig decoderConfig;

    private RtspServerConfig(Builder b) {
        this.rtspAddress = b.rtspAddress;
        this.rtspsAddress = b.rtspsAddress;
        this.tls = b.tls;
        this.srtpProfile = b.srtpProfile;
        this.udpRtpAddress = b.udpRtpAddress;
        this.udpRtcpAddress = b.udpRtcpAddress;
        this.srtpUdpRtpAddress = b.srtpUdpRtpAddress;
        this.srtpUdpRtcpAddress = b.srtpUdpRtcpAddress;
        this.multicastRange = b.multicastRange;
        this.multicastRtpPort = b.multicastRtpPort;
        this.multicastRtcpPort = b.multicastRtcpPort;
        this.multicastSrtpRtpPort = b.multicastSrtpRtpPort;
        this.multicastSrtpRtcpPort = b.multicastSrtpRtcpPort;
        this.multicastTtl = b.multicastTtl;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.idleTimeout = b.idleTimeout;
        this.udpReadBufferSize = b.udpReadBufferSize;
        this.writeQueueSize = b.writeQueueSize;
        this.writeBatchPackets = b.writeBatchPackets;
        this.writeBatchMaxDelay = b.writeBatchMaxDelay;
        this.maxPacketSize = b.maxPacketSize;
        this.senderReportPeriod = b.senderReportPeriod;
        this.receiverReportPeriod = b.receiverReportPeriod;
        this.disableSenderReports = b.disableSenderReports;
        this.authMethods = List.copyOf(b.authMethods);
        this.realm = b.realm;
        this.maxConnections = b.maxConnections;
        this.maxSessions = b.maxSessions;
        this.maxConnectionsPerIp = b.maxConnectionsPerIp;
        this.handler = b.handler;
        this.eventLoopGroup = b.eventLoopGroup;
        this.ioThreads = b.ioThreads;
        this.clock = b.clock;
        this.serverName = b.serverName;
        this.tunnelPairingTimeout = b.tunnelPairingTimeout;
        this.tunnelPairingChecksIp = b.tunnelPairingChecksIp;
        this.httpTunnelEnabled = b.httpTunnelEnabled;
        this.webSocketTunnelEnabled = b.webSocketTunnelEnabled;
        this.tunnelMaxHttpHeaderSize = b.tunnelMaxHttpHeaderSize;
        this.httpTunnelBufferSize = b.httpTunnelBufferSize;
        this.webSocketMaxFrameSize = b.webSocketMaxFrameSize;
        this.webSocketPingInterval = b.webSocketPingInterval;
        this.decoderConfig = b.decoderConfig;
    }

    /**
     * A new builder with every default.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised from this configuration.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the RTSP (TCP) listen address */
    public InetSocketAddress rtspAddress() {
        return rtspAddress;
    }

    /** @return the RTSPS (TLS) listen address, or {@code null} when RTSPS is off */
    public InetSocketAddress rtspsAddress() {
        return rtspsAddress;
    }

    /** @return the TLS configuration of the RTSPS listener, or {@code null} when RTSPS is off */
    public TlsConfig tls() {
        return tls;
    }

    /**
     * The SRTP protection profile of the keys the server generates for {@code RTP/SAVP} sessions over RTSPS (the
     * stream media keys readers get, and the keys answered to publishers). Clients' own keys may use either
     * AES-CM profile, as their MIKEY says.
     *
     * @return {@code AES_CM_128_HMAC_SHA1_80} unless configured
     */
    public io.rtsp4j.srtp.SrtpProfile srtpProfile() {
        return srtpProfile;
    }

    /** @return whether the server listens for RTSPS (TLS) connections too */
    public boolean rtspsEnabled() {
        return rtspsAddress != null;
    }

    /** @return the UDP RTP listen address, or {@code null} when UDP is disabled */
    public InetSocketAddress udpRtpAddress() {
        return udpRtpAddress;
    }

    /** @return the UDP RTCP listen address, or {@code null} when UDP is disabled */
    public InetSocketAddress udpRtcpAddress() {
        return udpRtcpAddress;
    }

    /** @return whether UDP unicast transport is enabled */
    public boolean udpEnabled() {
        return udpRtpAddress != null;
    }

    /**
     * @return the UDP RTP listen address of SRTP (RTP/SAVP) sessions, or {@code null} when they share
     *         {@link #udpRtpAddress()}
     */
    public InetSocketAddress srtpUdpRtpAddress() {
        return srtpUdpRtpAddress;
    }

    /**
     * @return the UDP RTCP listen address of SRTP (RTP/SAVP) sessions, or {@code null} when they share
     *         {@link #udpRtcpAddress()}
     */
    public InetSocketAddress srtpUdpRtcpAddress() {
        return srtpUdpRtcpAddress;
    }

    /** @return the multicast address range, or {@code null} when multicast is disabled */
    public MulticastRange multicastRange() {
        return multicastRange;
    }

    /** @return whether UDP multicast transport is enabled */
    public boolean multicastEnabled() {
        return multicastRange != null;
    }

    /** @return the multicast RTP port */
    public int multicastRtpPort() {
        return multicastRtpPort;
    }

    /** @return the multicast RTCP port */
    public int multicastRtcpPort() {
        return multicastRtcpPort;
    }

    /** @return the multicast RTP port of SRTP groups, or 0 when they share {@link #multicastRtpPort()} */
    public int multicastSrtpRtpPort() {
        return multicastSrtpRtpPort;
    }

    /** @return the multicast RTCP port of SRTP groups, or 0 when they share {@link #multicastRtcpPort()} */
    public int multicastSrtpRtcpPort() {
        return multicastSrtpRtcpPort;
    }

    /** @return the multicast TTL, set on the sockets and advertised in SETUP */
    public int multicastTtl() {
        return multicastTtl;
    }

    /** @return the read timeout (TCP publishers' media, UDP publishers' liveness) */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the write timeout (how long a TCP peer may keep its socket unwritable) */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** @return the idle timeout (between requests; liveness of players) */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return the UDP socket receive buffer size, 0 for the OS default */
    public int udpReadBufferSize() {
        return udpReadBufferSize;
    }

    /** @return the per-reader write queue size in packets (a power of two) */
    public int writeQueueSize() {
        return writeQueueSize;
    }

    /** @return media packets held per TCP reader connection before a write (1 = no batching) */
    public int writeBatchPackets() {
        return writeBatchPackets;
    }

    /** @return the longest a batched packet is held */
    public Duration writeBatchMaxDelay() {
        return writeBatchMaxDelay;
    }

    /** @return the largest outgoing RTP/RTCP packet in bytes */
    public int maxPacketSize() {
        return maxPacketSize;
    }

    /** @return the RTCP sender report period */
    public Duration senderReportPeriod() {
        return senderReportPeriod;
    }

    /** @return the RTCP receiver report period */
    public Duration receiverReportPeriod() {
        return receiverReportPeriod;
    }

    /** @return whether RTCP sender reports are disabled */
    public boolean disableSenderReports() {
        return disableSenderReports;
    }

    /** @return the authentication methods offered, in challenge order */
    public List<AuthMethod> authMethods() {
        return authMethods;
    }

    /** @return the authentication realm */
    public String realm() {
        return realm;
    }

    /** @return the maximum number of open connections, 0 for no limit */
    public int maxConnections() {
        return maxConnections;
    }

    /** @return the maximum number of sessions, 0 for no limit */
    public int maxSessions() {
        return maxSessions;
    }

    /** @return the maximum number of open connections from one IP address, 0 for no limit */
    public int maxConnectionsPerIp() {
        return maxConnectionsPerIp;
    }

    /** @return the handler */
    public ServerHandler handler() {
        return handler;
    }

    /** @return the user-supplied event loop group, or {@code null} when the server creates its own */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    /** @return the number of I/O threads of the server's own event loop group, 0 for the number of cores */
    public int ioThreads() {
        return ioThreads;
    }

    /** @return the clock used for NTP timestamps in reports and nonce expiry */
    public Clock clock() {
        return clock;
    }

    /** @return the value of the {@code Server} response header */
    public String serverName() {
        return serverName;
    }

    /** @return how long an HTTP tunnel GET waits for its POST */
    public Duration tunnelPairingTimeout() {
        return tunnelPairingTimeout;
    }

    /** @return whether HTTP tunnel halves must come from the same IP address to be paired */
    public boolean tunnelPairingChecksIp() {
        return tunnelPairingChecksIp;
    }

    /** @return whether RTSP over HTTP (the QuickTime GET/POST tunnel) is accepted on the RTSP port */
    public boolean httpTunnelEnabled() {
        return httpTunnelEnabled;
    }

    /** @return whether RTSP over WebSocket (subprotocol {@code rtsp.onvif.org}) is accepted on the RTSP port */
    public boolean webSocketTunnelEnabled() {
        return webSocketTunnelEnabled;
    }

    /** @return the largest HTTP request line and the largest header section accepted on the RTSP port, in bytes */
    public int tunnelMaxHttpHeaderSize() {
        return tunnelMaxHttpHeaderSize;
    }

    /** @return the base64 bytes of an HTTP tunnel's POST body buffered before the POST socket is paused */
    public int httpTunnelBufferSize() {
        return httpTunnelBufferSize;
    }

    /** @return the largest WebSocket frame payload accepted from a client, in bytes */
    public int webSocketMaxFrameSize() {
        return webSocketMaxFrameSize;
    }

    /** @return the period of the server's WebSocket pings, {@link Duration#ZERO} when it sends none */
    public Duration webSocketPingInterval() {
        return webSocketPingInterval;
    }

    /** @return the limits of request decoding (start line, headers, body, interleaved frames) */
    public RtspDecoderConfig decoderConfig() {
        return decoderConfig;
    }

    /** The advertised session timeout in seconds: the idle timeout less 5 s, at least 1. */
    int advertisedSessionTimeoutSeconds() {
        // Some clients (Windows Media Foundation) send keep-alives exactly at the advertised timeout: advertise a
        // margin below what is enforced.
        return (int) Math.max(1, idleTimeout.toSeconds() - 5);
    }

    /** Builder of {@link RtspServerConfig}. Not thread-safe. */
    public static final class Builder {
        private InetSocketAddress rtspAddress;
        private InetSocketAddress rtspsAddress;
        private TlsConfig tls;
        private io.rtsp4j.srtp.SrtpProfile srtpProfile = io.rtsp4j.srtp.SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        private InetSocketAddress udpRtpAddress;
        private InetSocketAddress udpRtcpAddress;
        private InetSocketAddress srtpUdpRtpAddress;
        private InetSocketAddress srtpUdpRtcpAddress;
        private MulticastRange multicastRange;
        private int multicastRtpPort;
        private int multicastRtcpPort;
        private int multicastSrtpRtpPort;
        private int multicastSrtpRtcpPort;
        private int multicastTtl = DEFAULT_MULTICAST_TTL;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int udpReadBufferSize;
        private int writeQueueSize = DEFAULT_WRITE_QUEUE_SIZE;
        private int writeBatchPackets = DEFAULT_WRITE_BATCH_PACKETS;
        private Duration writeBatchMaxDelay = DEFAULT_WRITE_BATCH_MAX_DELAY;
        private int maxPacketSize = DEFAULT_MAX_PACKET_SIZE;
        private Duration senderReportPeriod = DEFAULT_REPORT_PERIOD;
        private Duration receiverReportPeriod = DEFAULT_REPORT_PERIOD;
        private boolean disableSenderReports;
        private List<AuthMethod> authMethods = List.of(AuthMethod.BASIC, AuthMethod.DIGEST_MD5);
        private String realm = DEFAULT_REALM;
        private int maxConnections;
        private int maxSessions;
        private int maxConnectionsPerIp;
        private ServerHandler handler = new ServerHandler() { };
        private EventLoopGroup eventLoopGroup;
        private int ioThreads;
        private Clock clock = Clock.systemUTC();
        private String serverName = DEFAULT_SERVER_NAME;
        private Duration tunnelPairingTimeout = DEFAULT_TUNNEL_PAIRING_TIMEOUT;
        private boolean tunnelPairingChecksIp = true;
        private boolean httpTunnelEnabled = true;
        private boolean webSocketTunnelEnabled = true;
        private int tunnelMaxHttpHeaderSize = DEFAULT_TUNNEL_MAX_HTTP_HEADER_SIZE;
        private int httpTunnelBufferSize = DEFAULT_HTTP_TUNNEL_BUFFER_SIZE;
        private int webSocketMaxFrameSize = DEFAULT_WEBSOCKET_MAX_FRAME_SIZE;
        private Duration webSocketPingInterval = DEFAULT_WEBSOCKET_PING_INTERVAL;
        private RtspDecoderConfig decoderConfig = RtspDecoderConfig.DEFAULT;

        private Builder() {
        }

        private Builder(RtspServerConfig c) {
            rtspAddress = c.rtspAddress;
            rtspsAddress = c.rtspsAddress;
            tls = c.tls;
            srtpProfile = c.srtpProfile;
            udpRtpAddress = c.udpRtpAddress;
            udpRtcpAddress = c.udpRtcpAddress;
            srtpUdpRtpAddress = c.srtpUdpRtpAddress;
            srtpUdpRtcpAddress = c.srtpUdpRtcpAddress;
            multicastRange = c.multicastRange;
            multicastRtpPort = c.multicastRtpPort;
            multicastRtcpPort = c.multicastRtcpPort;
            multicastSrtpRtpPort = c.multicastSrtpRtpPort;
            multicastSrtpRtcpPort = c.multicastSrtpRtcpPort;
            multicastTtl = c.multicastTtl;
            readTimeout = c.readTimeout;
            writeTimeout = c.writeTimeout;
            idleTimeout = c.idleTimeout;
            udpReadBufferSize = c.udpReadBufferSize;
            writeQueueSize = c.writeQueueSize;
            writeBatchPackets = c.writeBatchPackets;
            writeBatchMaxDelay = c.writeBatchMaxDelay;
            maxPacketSize = c.maxPacketSize;
            senderReportPeriod = c.senderReportPeriod;
            receiverReportPeriod = c.receiverReportPeriod;
            disableSenderReports = c.disableSenderReports;
            authMethods = c.authMethods;
            realm = c.realm;
            maxConnections = c.maxConnections;
            maxSessions = c.maxSessions;
            maxConnectionsPerIp = c.maxConnectionsPerIp;
            handler = c.handler;
            eventLoopGroup = c.eventLoopGroup;
            ioThreads = c.ioThreads;
            clock = c.clock;
            serverName = c.serverName;
            tunnelPairingTimeout = c.tunnelPairingTimeout;
            tunnelPairingChecksIp = c.tunnelPairingChecksIp;
            httpTunnelEnabled = c.httpTunnelEnabled;
            webSocketTunnelEnabled = c.webSocketTunnelEnabled;
            tunnelMaxHttpHeaderSize = c.tunnelMaxHttpHeaderSize;
            httpTunnelBufferSize = c.httpTunnelBufferSize;
            webSocketMaxFrameSize = c.webSocketMaxFrameSize;
            webSocketPingInterval = c.webSocketPingInterval;
            decoderConfig = c.decoderConfig;
        }

        /**
         * The RTSP (TCP) listen address. Required. A wildcard or IPv6 address listens on both IPv4 and IPv6;
         * port 0 picks a free port (read it back with {@link RtspServer#rtspAddress()}).
         *
         * @param address e.g. {@code ":8554"}, {@code "127.0.0.1:0"}, {@code "[::]:8554"}
         * @return this builder
         */
        public Builder rtspAddress(String address) {
            this.rtspAddress = parseAddress("rtspAddress", address);
            return this;
        }

        /**
         * The RTSP (TCP) listen address.
         *
         * @param address the socket address
         * @return this builder
         */
        public Builder rtspAddress(InetSocketAddress address) {
            this.rtspAddress = address;
            return this;
        }

        /**
         * Enables RTSPS: a second listener, for TLS connections, beside the plain RTSP one (both serve the same
         * paths, like mediamtx's "optional" encryption). Needs {@link #tls(TlsConfig)}. Port 0 picks a free port
         * (read it back with {@link RtspServer#rtspsAddress()}). Default: off; {@code null} or empty turns it off.
         *
         * @param address e.g. {@code ":8322"}
         * @return this builder
         */
        public Builder rtspsAddress(String address) {
            this.rtspsAddress = isBlank(address) ? null : parseAddress("rtspsAddress", address);
            return this;
        }

        /**
         * The RTSPS (TLS) listen address, {@code null} for none.
         *
         * @param address the socket address
         * @return this builder
         */
        public Builder rtspsAddress(InetSocketAddress address) {
            this.rtspsAddress = address;
            return this;
        }

        /**
         * The certificate, key and TLS implementation of the RTSPS listener. Default: none.
         *
         * @param tls the TLS configuration, or {@code null}
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        /**
         * The SRTP profile of the keys the server generates (see {@link RtspServerConfig#srtpProfile()}). Default:
         * {@code AES_CM_128_HMAC_SHA1_80}; {@code AES_CM_128_HMAC_SHA1_32} saves 6 bytes per RTP packet. The AES-GCM
         * profiles are refused: MIKEY (RFC 3830) has no policy for them.
         *
         * @param profile an AES-CM profile
         * @return this builder
         */
        public Builder srtpProfile(io.rtsp4j.srtp.SrtpProfile profile) {
            this.srtpProfile = profile;
            return this;
        }

        /**
         * Enables UDP unicast transport on two ports: the RTP port must be even and the RTCP port the next one.
         * Both ports 0 picks a free consecutive pair. Default: disabled. {@code null} or empty disables.
         *
         * @param rtpAddress e.g. {@code ":8000"}
         * @param rtcpAddress e.g. {@code ":8001"}
         * @return this builder
         */
        public Builder udpAddresses(String rtpAddress, String rtcpAddress) {
            this.udpRtpAddress = isBlank(rtpAddress) ? null : parseAddress("udpRtpAddress", rtpAddress);
            this.udpRtcpAddress = isBlank(rtcpAddress) ? null : parseAddress("udpRtcpAddress", rtcpAddress);
            return this;
        }

        /**
         * Enables UDP unicast transport.
         *
         * @param rtpAddress the RTP socket address (even port)
         * @param rtcpAddress the RTCP socket address (RTP port + 1)
         * @return this builder
         */
        public Builder udpAddresses(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
            this.udpRtpAddress = rtpAddress;
            this.udpRtcpAddress = rtcpAddress;
            return this;
        }

        /**
         * Gives SRTP (RTP/SAVP over UDP) sessions their own UDP port pair instead of sharing the plain one of
         * {@link #udpAddresses(String, String)} (which must be set too). Optional: SRTP and plain RTP are told
         * apart per session, not per port; separate ports help firewall rules and mediamtx-like deployments
         * ({@code 8004/8005}). Same rules as the plain pair: even RTP port, RTCP = RTP + 1, or both 0 for a free
         * pair. Default: shared. {@code null} or empty shares.
         *
         * @param rtpAddress e.g. {@code ":8004"}
         * @param rtcpAddress e.g. {@code ":8005"}
         * @return this builder
         */
        public Builder srtpUdpAddresses(String rtpAddress, String rtcpAddress) {
            this.srtpUdpRtpAddress = isBlank(rtpAddress) ? null : parseAddress("srtpUdpRtpAddress", rtpAddress);
            this.srtpUdpRtcpAddress = isBlank(rtcpAddress) ? null : parseAddress("srtpUdpRtcpAddress", rtcpAddress);
            return this;
        }

        /**
         * Gives SRTP sessions their own UDP port pair; see {@link #srtpUdpAddresses(String, String)}.
         *
         * @param rtpAddress the SRTP RTP socket address (even port), or {@code null} to share
         * @param rtcpAddress the SRTP RTCP socket address (RTP port + 1), or {@code null} to share
         * @return this builder
         */
        public Builder srtpUdpAddresses(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
            this.srtpUdpRtpAddress = rtpAddress;
            this.srtpUdpRtcpAddress = rtcpAddress;
            return this;
        }

        /**
         * Enables UDP multicast transport: groups are allocated per stream media from {@code ipRange} (IPv4 CIDR);
         * all groups use the same RTP port (even) and RTCP port (RTP + 1). Default: disabled. A {@code null} or
         * empty range disables.
         *
         * @param ipRange e.g. {@code "224.1.0.0/16"}
         * @param rtpPort e.g. 8002
         * @param rtcpPort e.g. 8003
         * @return this builder
         */
        public Builder multicast(String ipRange, int rtpPort, int rtcpPort) {
            this.multicastRange = isBlank(ipRange) ? null : MulticastRange.parse(ipRange);
            this.multicastRtpPort = rtpPort;
            this.multicastRtcpPort = rtcpPort;
            return this;
        }

        /**
         * Gives multicast groups carrying SRTP their own ports instead of sharing those of
         * {@link #multicast(String, int, int)} (which must be enabled). Optional (mediamtx uses 8006/8007).
         * RTP port even, RTCP = RTP + 1. Default: 0 and 0 = shared.
         *
         * @param rtpPort e.g. 8006, or 0 to share
         * @param rtcpPort e.g. 8007, or 0 to share
         * @return this builder
         */
        public Builder multicastSrtpPorts(int rtpPort, int rtcpPort) {
            this.multicastSrtpRtpPort = rtpPort;
            this.multicastSrtpRtcpPort = rtcpPort;
            return this;
        }

        /**
         * Multicast TTL, set on the sending sockets and advertised in SETUP. Default 16; 1 to 255.
         *
         * @param ttl the TTL
         * @return this builder
         */
        public Builder multicastTtl(int ttl) {
            this.multicastTtl = ttl;
            return this;
        }

        /**
         * Read timeout: a TCP publisher whose media stops, or a UDP publisher that sends nothing, for this long
         * is closed. Default 10 s; must be positive.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Write timeout: a TCP client whose socket stays unwritable this long is closed. Default 10 s; positive.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /**
         * Idle timeout: a connection without requests, or a UDP/multicast player without requests and RTCP, is
         * closed after this long. The {@code Session} header advertises it less 5 s. Default 60 s; positive.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * UDP socket receive buffer (SO_RCVBUF) in bytes; 0 keeps the OS default. Default 0.
         *
         * @param bytes the size
         * @return this builder
         */
        public Builder udpReadBufferSize(int bytes) {
            this.udpReadBufferSize = bytes;
            return this;
        }

        /**
         * Packets that may wait for one reader before further packets to it are dropped (and counted). Default 256;
         * a power of two.
         *
         * @param packets the queue size
         * @return this builder
         */
        public Builder writeQueueSize(int packets) {
            this.writeQueueSize = packets;
            return this;
        }

        /**
         * Media packets that a reader's connection (TCP) or UDP destination holds before they are written with one
         * syscall (one {@code writev}; for UDP one segmented datagram, Linux UDP GSO, that the kernel cuts into one
         * datagram per packet). Default 1:
         * every packet is written in the event loop tick that received it (a camera's burst of packets within one
         * tick is already one {@code writev}). With N &gt; 1 an evenly paced stream leaves in groups of N, which
         * cuts the kernel's per-send cost (on loopback about 5-8 µs per send, most of a relay's CPU) at the price
         * of latency: a packet waits for up to N - 1 later ones, and never longer than
         * {@link #writeBatchMaxDelay(Duration)}. Readers' phases are staggered so that their writes spread over the
         * stream instead of all falling on every N-th packet. Applies to TCP (interleaved, RTSPS, tunnels) and to
         * UDP unicast where the transport can send segmented datagrams (epoll on Linux 4.18+; elsewhere UDP readers
         * share one {@code sendmmsg} per tick and are not held). 1 to {@value #MAX_WRITE_BATCH_PACKETS}; see
         * docs/tuning.md for measured figures.
         *
         * @param packets packets per write, 1 for none
         * @return this builder
         */
        public Builder writeBatchPackets(int packets) {
            this.writeBatchPackets = packets;
            return this;
        }

        /**
         * The longest a packet is held for {@link #writeBatchPackets(int)}: when a stream pauses or is slow (an
         * audio-only stream, a still scene), what was held is written after this delay. Default 10 ms; 1 ms to 1 s.
         *
         * @param delay the longest hold
         * @return this builder
         */
        public Builder writeBatchMaxDelay(Duration delay) {
            this.writeBatchMaxDelay = delay;
            return this;
        }

        /**
         * Largest outgoing RTP/RTCP packet. Default 1472; 64 to 65507.
         *
         * @param bytes the size
         * @return this builder
         */
        public Builder maxPacketSize(int bytes) {
            this.maxPacketSize = bytes;
            return this;
        }

        /**
         * RTCP sender report period. Default 10 s; positive.
         *
         * @param period the period
         * @return this builder
         */
        public Builder senderReportPeriod(Duration period) {
            this.senderReportPeriod = period;
            return this;
        }

        /**
         * RTCP receiver report period. Default 10 s; positive.
         *
         * @param period the period
         * @return this builder
         */
        public Builder receiverReportPeriod(Duration period) {
            this.receiverReportPeriod = period;
            return this;
        }

        /**
         * Disables RTCP sender reports to readers. Default false.
         *
         * @param disable whether to disable them
         * @return this builder
         */
        public Builder disableSenderReports(boolean disable) {
            this.disableSenderReports = disable;
            return this;
        }

        /**
         * Authentication methods offered by {@link ServerConnection#verifyCredentials}, in challenge order.
         * Default Basic, then Digest MD5. When Digest SHA-256 is on too, its challenge always comes right before
         * the MD5 one (FFmpeg keeps the last Digest challenge and cannot do SHA-256).
         *
         * @param methods at least one method
         * @return this builder
         */
        public Builder authMethods(List<AuthMethod> methods) {
            this.authMethods = methods;
            return this;
        }

        /**
         * Authentication realm. Default {@value #DEFAULT_REALM}.
         *
         * @param realm the realm, not empty
         * @return this builder
         */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /**
         * Limit of open connections; over it a new connection gets {@code 503} and is closed. Default 0 (none).
         *
         * @param limit the limit, 0 for none
         * @return this builder
         */
        public Builder maxConnections(int limit) {
            this.maxConnections = limit;
            return this;
        }

        /**
         * Limit of sessions; over it ANNOUNCE/SETUP get {@code 503} and the connection is closed. Default 0 (none).
         *
         * @param limit the limit, 0 for none
         * @return this builder
         */
        public Builder maxSessions(int limit) {
            this.maxSessions = limit;
            return this;
        }

        /**
         * Limit of open connections from one IP address; over it {@code 503} and close. Default 0 (none).
         *
         * @param limit the limit, 0 for none
         * @return this builder
         */
        public Builder maxConnectionsPerIp(int limit) {
            this.maxConnectionsPerIp = limit;
            return this;
        }

        /**
         * The handler that decides on requests and receives events. Default: a handler that implements nothing
         * (every method but OPTIONS, GET_PARAMETER and TEARDOWN answers 501).
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder handler(ServerHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Runs the server on a user-supplied Netty event loop group, which {@link RtspServer#close()} leaves open.
         * Default: the server creates (and closes) its own, epoll when available and NIO otherwise.
         *
         * @param group the group
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        /**
         * Threads of the server's own event loop group. Default 0: the number of available processors.
         *
         * @param threads the thread count, 0 for the default
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /**
         * The wall clock used for RTCP NTP times and nonce expiry. Default {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Value of the {@code Server} response header. Default {@value #DEFAULT_SERVER_NAME}.
         *
         * @param name the name
         * @return this builder
         */
        public Builder serverName(String name) {
            this.serverName = name;
            return this;
        }

        /**
         * How long an HTTP tunnel GET waits for its POST. Default 5 s; positive.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder tunnelPairingTimeout(Duration timeout) {
            this.tunnelPairingTimeout = timeout;
            return this;
        }

        /**
         * Whether the two halves of an HTTP tunnel must come from the same IP address. Default true; turn off
         * behind load balancers that spread a client's connections over several addresses.
         *
         * @param check whether to check
         * @return this builder
         */
        public Builder tunnelPairingChecksIp(boolean check) {
            this.tunnelPairingChecksIp = check;
            return this;
        }

        /**
         * Whether RTSP over HTTP (the QuickTime tunnel: a GET and a POST with the same {@code x-sessioncookie},
         * base64 requests in the POST body, responses and media on the GET) is accepted on the RTSP port (and the
         * RTSPS port, as HTTPS). Default true. UDP transports are refused inside the tunnel ({@code 461}).
         *
         * @param enabled whether to accept it
         * @return this builder
         */
        public Builder httpTunnel(boolean enabled) {
            this.httpTunnelEnabled = enabled;
            return this;
        }

        /**
         * Whether RTSP over WebSocket (ONVIF: an HTTP upgrade with {@code Sec-WebSocket-Protocol: rtsp.onvif.org}
         * on any path, binary messages carrying the RTSP byte stream) is accepted on the RTSP port (and the RTSPS
         * port, as WSS). Default true. UDP transports are refused inside the tunnel ({@code 461}).
         *
         * @param enabled whether to accept it
         * @return this builder
         */
        public Builder webSocketTunnel(boolean enabled) {
            this.webSocketTunnelEnabled = enabled;
            return this;
        }

        /**
         * Largest HTTP request line, and largest header section, of a tunnel request; a longer one is answered
         * {@code 400} and closed. Default 8192; 1024 to 65536.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder tunnelMaxHttpHeaderSize(int bytes) {
            this.tunnelMaxHttpHeaderSize = bytes;
            return this;
        }

        /**
         * Base64 bytes of an HTTP tunnel's POST body that may wait for the RTSP connection; beyond it the POST
         * socket is not read (TCP back-pressure) until the connection caught up. The body is decoded as a stream,
         * so no base64 text needs to be held whole: this bounds the memory of one tunnel, it does not limit the
         * size of a request (the {@link #decoderConfig(RtspDecoderConfig) decoder limits} do). Default 65536; 4096
         * to 16777216.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder httpTunnelBufferSize(int bytes) {
            this.httpTunnelBufferSize = bytes;
            return this;
        }

        /**
         * Largest payload of one WebSocket frame from a client; a larger frame closes the connection (close code
         * 1009). Default 262144; 1024 to 16777216 (an interleaved frame needs up to 65539 bytes).
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder webSocketMaxFrameSize(int bytes) {
            this.webSocketMaxFrameSize = bytes;
            return this;
        }

        /**
         * Period of the pings the server sends on WebSocket connections (keeps proxies and NATs from dropping a
         * quiet connection; a pong is not required: liveness is the RTSP idle/read timeout, as for plain
         * connections). Default 30 s; {@link Duration#ZERO} sends none.
         *
         * @param interval the period, zero or positive
         * @return this builder
         */
        public Builder webSocketPingInterval(Duration interval) {
            this.webSocketPingInterval = interval;
            return this;
        }

        /**
         * Limits of request decoding. Default {@link RtspDecoderConfig#DEFAULT}: method 64 bytes, URI 2048, 255
         * header lines, header name 512, value 2048, body 128 KiB, interleaved payload 65535.
         *
         * @param config the limits
         * @return this builder
         */
        public Builder decoderConfig(RtspDecoderConfig config) {
            this.decoderConfig = config;
            return this;
        }

        /**
         * Validates and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the field and the rule that is broken
         */
        public RtspServerConfig build() {
            require(rtspAddress != null, "rtspAddress is required");
            require(srtpProfile != null && !srtpProfile.isAead(), "srtpProfile must be AES_CM_128_HMAC_SHA1_80 or "
                    + "AES_CM_128_HMAC_SHA1_32 (MIKEY has no policy for " + srtpProfile + ")");
            require(rtspsAddress == null || tls != null, "rtspsAddress needs tls (a certificate and a key)");
            require(tls == null || rtspsAddress != null, "tls is set but rtspsAddress is not (where to listen for RTSPS)");
            require(rtspsAddress == null || rtspsAddress.getPort() == 0 || rtspsAddress.getPort() != rtspAddress.getPort()
                    || !sameHost(rtspsAddress, rtspAddress),
                    "rtspsAddress (" + rtspsAddress + ") must differ from rtspAddress");
            require((udpRtpAddress == null) == (udpRtcpAddress == null),
                    "udpRtpAddress and udpRtcpAddress must be used together");
            if (udpRtpAddress != null) {
                int rtp = udpRtpAddress.getPort();
                int rtcp = udpRtcpAddress.getPort();
                if (!(rtp == 0 && rtcp == 0)) {
                    require(rtp % 2 == 0, "udpRtpAddress: RTP port (" + rtp + ") must be even");
                    require(rtcp == rtp + 1,
                            "udpRtcpAddress: RTP (" + rtp + ") and RTCP (" + rtcp + ") ports must be consecutive");
                }
            }
            require((srtpUdpRtpAddress == null) == (srtpUdpRtcpAddress == null),
                    "srtpUdpRtpAddress and srtpUdpRtcpAddress must be used together");
            if (srtpUdpRtpAddress != null) {
                require(udpRtpAddress != null, "srtpUdpRtpAddress needs udpRtpAddress (UDP transport enabled)");
                int rtp = srtpUdpRtpAddress.getPort();
                int rtcp = srtpUdpRtcpAddress.getPort();
                if (!(rtp == 0 && rtcp == 0)) {
                    require(rtp % 2 == 0, "srtpUdpRtpAddress: RTP port (" + rtp + ") must be even");
                    require(rtcp == rtp + 1,
                            "srtpUdpRtcpAddress: RTP (" + rtp + ") and RTCP (" + rtcp + ") ports must be consecutive");
                    require(udpRtpAddress.getPort() == 0 || !sameHost(srtpUdpRtpAddress, udpRtpAddress)
                            || rtp != udpRtpAddress.getPort(),
                            "srtpUdpRtpAddress (" + srtpUdpRtpAddress + ") must differ from udpRtpAddress");
                }
            }
            if (multicastSrtpRtpPort != 0 || multicastSrtpRtcpPort != 0) {
                require(multicastRange != null, "multicastSrtpRtpPort needs multicast enabled (a multicast range)");
                require(multicastSrtpRtpPort > 0 && multicastSrtpRtpPort < 65535,
                        "multicastSrtpRtpPort (" + multicastSrtpRtpPort + ") must be between 1 and 65534");
                require(multicastSrtpRtpPort % 2 == 0,
                        "multicastSrtpRtpPort: RTP port (" + multicastSrtpRtpPort + ") must be even");
                require(multicastSrtpRtcpPort == multicastSrtpRtpPort + 1, "multicastSrtpRtcpPort: multicast SRTP RTP ("
                        + multicastSrtpRtpPort + ") and RTCP (" + multicastSrtpRtcpPort + ") ports must be consecutive");
                require(multicastSrtpRtpPort != multicastRtpPort,
                        "multicastSrtpRtpPort (" + multicastSrtpRtpPort + ") must differ from multicastRtpPort");
            }
            if (multicastRange != null) {
                require(multicastRtpPort > 0 && multicastRtpPort < 65535,
                        "multicastRtpPort (" + multicastRtpPort + ") must be between 1 and 65534");
                require(multicastRtpPort % 2 == 0, "multicastRtpPort: RTP port (" + multicastRtpPort + ") must be even");
                require(multicastRtcpPort == multicastRtpPort + 1, "multicastRtcpPort: multicast RTP ("
                        + multicastRtpPort + ") and RTCP (" + multicastRtcpPort + ") ports must be consecutive");
            }
            require(multicastTtl >= 1 && multicastTtl <= 255, "multicastTtl (" + multicastTtl + ") must be between 1 and 255");
            requirePositive("readTimeout", readTimeout);
            requirePositive("writeTimeout", writeTimeout);
            requirePositive("idleTimeout", idleTimeout);
            requirePositive("senderReportPeriod", senderReportPeriod);
            requirePositive("receiverReportPeriod", receiverReportPeriod);
            requirePositive("tunnelPairingTimeout", tunnelPairingTimeout);
            require(tunnelMaxHttpHeaderSize >= 1024 && tunnelMaxHttpHeaderSize <= 65536,
                    "tunnelMaxHttpHeaderSize (" + tunnelMaxHttpHeaderSize + ") must be between 1024 and 65536");
            require(httpTunnelBufferSize >= 4096 && httpTunnelBufferSize <= 1 << 24,
                    "httpTunnelBufferSize (" + httpTunnelBufferSize + ") must be between 4096 and 16777216");
            require(webSocketMaxFrameSize >= 1024 && webSocketMaxFrameSize <= 1 << 24,
                    "webSocketMaxFrameSize (" + webSocketMaxFrameSize + ") must be between 1024 and 16777216");
            require(webSocketPingInterval != null && !webSocketPingInterval.isNegative(),
                    "webSocketPingInterval (" + webSocketPingInterval + ") must be zero or positive");
            require(udpReadBufferSize >= 0, "udpReadBufferSize (" + udpReadBufferSize + ") must not be negative");
            require(writeQueueSize > 0 && Integer.bitCount(writeQueueSize) == 1,
                    "writeQueueSize (" + writeQueueSize + ") must be a power of two");
            require(writeBatchPackets >= 1 && writeBatchPackets <= MAX_WRITE_BATCH_PACKETS,
                    "writeBatchPackets (" + writeBatchPackets + ") must be between 1 and " + MAX_WRITE_BATCH_PACKETS);
            require(writeBatchMaxDelay != null && writeBatchMaxDelay.compareTo(Duration.ofMillis(1)) >= 0
                            && writeBatchMaxDelay.compareTo(Duration.ofSeconds(1)) <= 0,
                    "writeBatchMaxDelay (" + writeBatchMaxDelay + ") must be between 1 ms and 1 s");
            require(maxPacketSize >= 64 && maxPacketSize <= MAX_MAX_PACKET_SIZE,
                    "maxPacketSize (" + maxPacketSize + ") must be between 64 and " + MAX_MAX_PACKET_SIZE);
            require(authMethods != null && !authMethods.isEmpty(), "authMethods must list at least one method");
            require(realm != null && !realm.isEmpty() && realm.indexOf('"') < 0,
                    "realm must be non-empty and contain no double quote");
            require(maxConnections >= 0, "maxConnections (" + maxConnections + ") must not be negative");
            require(maxSessions >= 0, "maxSessions (" + maxSessions + ") must not be negative");
            require(maxConnectionsPerIp >= 0, "maxConnectionsPerIp (" + maxConnectionsPerIp + ") must not be negative");
            require(ioThreads >= 0, "ioThreads (" + ioThreads + ") must not be negative");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(decoderConfig, "decoderConfig");
            return new RtspServerConfig(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        private static void requirePositive(String field, Duration d) {
            require(d != null && !d.isNegative() && !d.isZero(), field + " (" + d + ") must be positive");
        }

        private static boolean sameHost(InetSocketAddress a, InetSocketAddress b) {
            return a.getAddress() == null || b.getAddress() == null || a.getAddress().isAnyLocalAddress()
                    || b.getAddress().isAnyLocalAddress() || a.getAddress().equals(b.getAddress());
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    /**
     * Parses {@code host:port}, {@code :port}, {@code [v6]:port}. An empty host means the wildcard address.
     *
     * @param field the field name for error messages
     * @param address the text
     * @return the address (resolved)
     */
    static InetSocketAddress parseAddress(String field, String address) {
        if (address == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String s = address.trim();
        int colon = s.lastIndexOf(':');
        if (colon < 0 || (s.startsWith("[") && !s.substring(0, colon).endsWith("]"))) {
            throw new IllegalArgumentException(field + " (" + address + ") must be host:port, :port or [ipv6]:port");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " (" + address + ") has an invalid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(field + " (" + address + ") port must be between 0 and 65535");
        }
        if (host.isEmpty()) {
            return new InetSocketAddress(port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(field + " (" + address + ") has an unknown host");
        }
    }

    /**
     * An IPv4 multicast address range in CIDR form, e.g. {@code 224.1.0.0/16}.
     *
     * @param network the network address
     * @param prefixLength the prefix length, 4 to 32
     */
    public record MulticastRange(Inet4Address network, int prefixLength) {

        /**
         * Parses a CIDR range.
         *
         * @param cidr the text, e.g. {@code "224.1.0.0/16"}
         * @return the range
         * @throws IllegalArgumentException when it is not an IPv4 multicast CIDR
         */
        public static MulticastRange parse(String cidr) {
            int slash = cidr.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("multicastIpRange (" + cidr + ") must be in CIDR form, e.g. 224.1.0.0/16");
            }
            try {
                InetAddress addr = InetAddress.getByName(cidr.substring(0, slash).trim());
                int prefix = Integer.parseInt(cidr.substring(slash + 1).trim());
                if (!(addr instanceof Inet4Address v4) || !addr.isMulticastAddress()) {
                    throw new IllegalArgumentException("multicastIpRange (" + cidr + ") must be an IPv4 multicast range");
                }
                if (prefix < 4 || prefix > 32) {
                    throw new IllegalArgumentException("multicastIpRange (" + cidr + ") prefix must be between 4 and 32");
                }
                int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
                int net = toInt(v4) & mask;
                return new MulticastRange(fromInt(net), prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("multicastIpRange (" + cidr + ") is not a valid CIDR range");
            }
        }

        /** @return the network mask as an int */
        int mask() {
            return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        }

        static int toInt(Inet4Address a) {
            byte[] b = a.getAddress();
            return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        }

        static Inet4Address fromInt(int v) {
            try {
                return (Inet4Address) InetAddress.getByAddress(
                        new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefixLength;
        }
    }
}
