package io.rtsp4j.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.rtsp4j.auth.AuthVerifier;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.base.codec.RtspDecoder;
import io.rtsp4j.base.codec.RtspEncoder;
import io.rtsp4j.rtp.time.WallClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RTSP server. Configure it with {@link RtspServerConfig}, {@link #start()} it, and {@link #close()} it:
 *
 * <pre>{@code
 * try (RtspServer server = new RtspServer(RtspServerConfig.builder()
 *         .rtspAddress(":8554")
 *         .udpAddresses(":8000", ":8001")
 *         .handler(handler)
 *         .build())) {
 *     server.start();
 *     server.awaitTermination();
 * }
 * }</pre>
 *
 * <p>The server runs on Netty event loops (epoll when available, NIO otherwise); see {@link ServerHandler} for
 * which thread runs which callback. All methods are thread-safe.
 */
public final class RtspServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtspServer.class);

    private final RtspServerConfig config;
    private final ServerCallbacks callbacks;
    private final Set<RtspMethod> supportedMethods;
    private final SecureRandom random = new SecureRandom();
    private final WallClock wallClock;
    private final AuthVerifier authVerifier;
    private final ConcurrentHashMap<String, ServerSession> sessions = new ConcurrentHashMap<>();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perIp = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ServerStream, Set<ServerSession>> streamSessions = new ConcurrentHashMap<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final MulticastAllocator multicastAllocator;
    private final HttpTunnelRegistry httpTunnels = new HttpTunnelRegistry();

    private volatile boolean started;
    private volatile boolean closed;
    private EventLoopGroup group;
    private boolean ownGroup;
    private Channel serverChannel;
    private Channel rtspsChannel;
    private UdpListener udp;
    /** The UDP pair of SRTP sessions when configured apart; {@code null} when they share {@link #udp}. */
    private UdpListener srtpUdp;
    private MulticastRtcpListener multicastRtcp;
    /** Listens on the SRTP multicast RTCP port when configured apart; {@code null} when shared. */
    private MulticastRtcpListener multicastSrtpRtcp;
    private Channel multicastSender;

    /**
     * Creates a server; nothing is opened before {@link #start()}.
     *
     * @param config the configuration
     */
    public RtspServer(RtspServerConfig config) {
        this.config = config;
        this.callbacks = new ServerCallbacks(config.handler());
        this.supportedMethods = HandlerMethods.canonicalOrder(config.handler().supportedMethods());
        this.wallClock = () -> {
            Instant now = config.clock().instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.authVerifier = AuthVerifier.builder()
                .realm(config.realm())
                .methods(config.authMethods())
                .clock(config.clock())
                .build();
        this.multicastAllocator = new MulticastAllocator(config);
    }

    /**
     * Binds every listener. On failure everything already opened is released and the exception is thrown.
     *
     * @return this server
     * @throws IllegalStateException when a listener cannot be bound, or the server was started or closed before
     */
    public synchronized RtspServer start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "server is closed" : "server is already started");
        }
        ownGroup = config.eventLoopGroup() == null;
        group = ownGroup ? NettyTransport.newGroup(config.ioThreads()) : config.eventLoopGroup();
        try {
            if (config.udpEnabled()) {
                udp = UdpListener.bind(this, config.udpRtpAddress(), config.udpRtcpAddress());
                if (config.srtpUdpRtpAddress() != null) {
                    srtpUdp = UdpListener.bind(this, config.srtpUdpRtpAddress(), config.srtpUdpRtcpAddress());
                }
            }
            if (config.multicastEnabled()) {
                multicastRtcp = new MulticastRtcpListener(this, config.multicastRtcpPort());
                if (config.multicastSrtpRtcpPort() != 0) {
                    multicastSrtpRtcp = new MulticastRtcpListener(this, config.multicastSrtpRtcpPort());
                }
                multicastSender = MulticastRtcpListener.openSender(this);
            }
            int writeQueueBytes = config.writeQueueSize() * (config.maxPacketSize() + 4);
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(NettyTransport.serverChannel(group))
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOCATOR, allocator())
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(writeQueueBytes / 2, writeQueueBytes))
                    .childHandler(connectionInitializer(false));
            serverChannel = b.bind(config.rtspAddress()).sync().channel();
            if (config.rtspsEnabled()) {
                rtspsChannel = b.clone().childHandler(connectionInitializer(true))
                        .bind(config.rtspsAddress()).sync().channel();
            }
            started = true;
            LOG.info("RTSP server listening on {} (transport {})", rtspAddress(), NettyTransport.epoll() ? "epoll" : "nio");
            if (rtspsChannel != null) {
                LOG.info("RTSPS server listening on {} (TLS provider {})", rtspsAddress(), config.tls().provider());
            }
            return this;
        } catch (Exception e) {
            releaseListeners();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start the RTSP server: " + e.getMessage(), e);
        }
    }

    /** Sets up each accepted connection of a listener: TLS first when {@code tls}. */
    private ChannelInitializer<SocketChannel> connectionInitializer(boolean tls) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                initConnection(ch, tls);
            }
        };
    }

    private void initConnection(SocketChannel ch, boolean tls) {
        ServerConnection conn = new ServerConnection(this, ch, Tunnel.NONE, tls);
        if (tls) {
            // TLS first: everything behind it (tunnel detection, the RTSP codec) sees plain bytes.
            TlsConnections.addTls(ch, config.tls(), conn);
        }
        InetAddress ip = UdpListener.normalize(ch.remoteAddress().getAddress());
        int total = connections.size() + 1;
        int fromIp = perIp.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
        connections.add(conn);
        // Stream packets enter below the encoder, flushed once per loop tick (PacketWriter): no flush handler.
        ch.pipeline().addLast("counter", conn.new ByteCounter());
        ch.pipeline().addLast("decoder", new RtspDecoder(config.decoderConfig()));
        ch.pipeline().addLast("encoder", new RtspEncoder());
        if ((config.maxConnections() > 0 && total > config.maxConnections())
                || (config.maxConnectionsPerIp() > 0 && fromIp > config.maxConnectionsPerIp())) {
            // Over a limit: one 503 then close, before the handler hears of the connection.
            ch.closeFuture().addListener(f -> connectionClosed(conn));
            ch.writeAndFlush(RtspResponse.builder(RtspStatus.SERVICE_UNAVAILABLE)
                    .header("Server", config.serverName()).build()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (config.httpTunnelEnabled() || config.webSocketTunnelEnabled()) {
            // RTSP over HTTP and over WebSocket share the port: the first bytes tell (after TLS on an RTSPS port).
            ch.pipeline().addBefore("counter", ProtocolDetector.NAME, new ProtocolDetector(conn));
        }
        ch.pipeline().addLast("connection", conn.new Handler());
    }

    /** @return the configuration */
    public RtspServerConfig config() {
        return config;
    }

    /** @return the bound RTSP address (useful with port 0) */
    public InetSocketAddress rtspAddress() {
        Channel c = serverChannel;
        return c == null ? null : (InetSocketAddress) c.localAddress();
    }

    /** @return the bound RTSPS (TLS) address (useful with port 0), or {@code null} when RTSPS is off */
    public InetSocketAddress rtspsAddress() {
        Channel c = rtspsChannel;
        return c == null ? null : (InetSocketAddress) c.localAddress();
    }

    /** @return the bound UDP RTP address, or {@code null} when UDP is disabled */
    public InetSocketAddress udpRtpAddress() {
        return udp == null ? null : udp.rtpAddress();
    }

    /** @return the bound UDP RTCP address, or {@code null} when UDP is disabled */
    public InetSocketAddress udpRtcpAddress() {
        return udp == null ? null : udp.rtcpAddress();
    }

    /**
     * @return the bound UDP RTP address of SRTP sessions (useful with port 0), or {@code null} when SRTP sessions
     *         share {@link #udpRtpAddress()}
     */
    public InetSocketAddress srtpUdpRtpAddress() {
        UdpListener u = srtpUdp;
        return u == null ? null : u.rtpAddress();
    }

    /**
     * @return the bound UDP RTCP address of SRTP sessions, or {@code null} when SRTP sessions share
     *         {@link #udpRtcpAddress()}
     */
    public InetSocketAddress srtpUdpRtcpAddress() {
        UdpListener u = srtpUdp;
        return u == null ? null : u.rtcpAddress();
    }

    /** @return whether {@link #start()} succeeded and {@link #close()} was not called */
    public boolean isStarted() {
        return started && !closed;
    }

    /** @return the sessions that are open now */
    public List<ServerSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /** @return the connections that are open now */
    public List<ServerConnection> connections() {
        return List.copyOf(connections);
    }

    /**
     * Waits until the server is closed.
     *
     * @throws InterruptedException if interrupted
     */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /**
     * Waits until the server is closed, at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return whether the server is closed
     * @throws InterruptedException if interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Closes every connection and session (reason {@code "terminated"}) and every listener, and waits until they
     * are closed. Idempotent. Called from a handler callback (an event loop of the server), it returns at once and
     * the server closes in the background; {@link #awaitTermination()} tells when it is done.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (group != null && isOwnEventLoop()) {
            // Called from a handler callback: closing waits for the loops, which must not wait for themselves.
            Thread t = new Thread(this::doClose, "rtsp4j-close");
            t.setDaemon(true);
            t.start();
            return;
        }
        doClose();
    }

    private boolean isOwnEventLoop() {
        for (io.netty.util.concurrent.EventExecutor e : group) {
            if (e.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    private void doClose() {
        RtspServerException reason = new RtspServerException("terminated");
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (rtspsChannel != null) {
            rtspsChannel.close().syncUninterruptibly();
        }
        List<ServerSession> ss = new ArrayList<>(sessions.values());
        CountDownLatch done = new CountDownLatch(ss.size());
        for (ServerSession s : ss) {
            s.close(reason);
            s.execute(done::countDown);
        }
        for (ServerConnection c : new ArrayList<>(connections)) {
            c.close(reason);
            c.channel.closeFuture().syncUninterruptibly();
        }
        try {
            done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseListeners();
        terminated.countDown();
    }

    private void releaseListeners() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (rtspsChannel != null) {
            rtspsChannel.close().syncUninterruptibly();
        }
        if (udp != null) {
            udp.close();
        }
        if (srtpUdp != null) {
            srtpUdp.close();
        }
        if (multicastRtcp != null) {
            multicastRtcp.close();
        }
        if (multicastSrtpRtcp != null) {
            multicastSrtpRtcp.close();
        }
        if (multicastSender != null) {
            multicastSender.close().syncUninterruptibly();
        }
        if (ownGroup && group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    // ------------------------------------------------------------------------------------------ internals

    ServerCallbacks callbacks() {
        return callbacks;
    }

    Set<RtspMethod> supportedMethods() {
        return supportedMethods;
    }

    Random random() {
        return random;
    }

    WallClock wallClock() {
        return wallClock;
    }

    AuthVerifier authVerifier() {
        return authVerifier;
    }

    ByteBufAllocator allocator() {
        return PooledByteBufAllocator.DEFAULT;
    }

    EventLoopGroup eventLoopGroup() {
        return group;
    }

    UdpListener udp() {
        return udp;
    }

    /**
     * The UDP listener a media's packets go through: the SRTP pair for SRTP media when configured apart, else
     * the shared one ({@code null} when UDP is disabled).
     */
    UdpListener udpFor(SessionMedia m) {
        UdpListener s = srtpUdp;
        return m.srtp != null && s != null ? s : udp;
    }

    HttpTunnelRegistry httpTunnels() {
        return httpTunnels;
    }

    MulticastAllocator multicastAllocator() {
        return multicastAllocator;
    }

    Channel multicastSender() {
        return multicastSender;
    }

    /**
     * The listener of a group's RTCP port: the SRTP one for the SRTP multicast RTCP port when configured apart,
     * else the plain one (also for groups a stream fixed on other ports, as before).
     */
    MulticastRtcpListener multicastRtcpListener(int rtcpPort) {
        MulticastRtcpListener s = multicastSrtpRtcp;
        return s != null && rtcpPort == config.multicastSrtpRtcpPort() ? s : multicastRtcp;
    }

    ServerSession session(String id) {
        return sessions.get(id);
    }

    /** Creates a session for a connection, or returns {@code null} over the session limit. */
    ServerSession createSession(ServerConnection author) {
        if (config.maxSessions() > 0 && sessions.size() >= config.maxSessions()) {
            return null;
        }
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        ServerSession s = new ServerSession(this, id, author);
        sessions.put(id, s);
        author.bind(s);
        callbacks.sessionOpen(s, author);
        return s;
    }

    void sessionClosed(ServerSession s) {
        sessions.remove(s.id(), s);
        ServerStream stream = s.stream();
        if (stream != null) {
            Set<ServerSession> set = streamSessions.get(stream);
            if (set != null) {
                set.remove(s);
            }
        }
    }

    void sessionUsesStream(ServerSession s, ServerStream stream) {
        streamSessions.computeIfAbsent(stream, k -> ConcurrentHashMap.newKeySet()).add(s);
    }

    List<ServerSession> sessionsOf(ServerStream stream) {
        Set<ServerSession> set = streamSessions.get(stream);
        return set == null ? List.of() : List.copyOf(set);
    }

    void streamOpened(ServerStream stream) {
        streamSessions.putIfAbsent(stream, ConcurrentHashMap.newKeySet());
    }

    void streamClosed(ServerStream stream) {
        streamSessions.remove(stream);
    }

    void connectionClosed(ServerConnection c) {
        if (connections.remove(c)) {
            InetAddress ip = UdpListener.normalize(c.remoteIp());
            if (ip != null) {
                perIp.computeIfPresent(ip, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
            }
        }
    }

    /**
     * RTCP sent to a multicast group's RTCP port: from a multicast reader (a keep-alive, delivered to its session)
     * or the server's own reports looped back (ignored). Does not take ownership of {@code content}.
     */
    void onMulticastRtcp(InetSocketAddress from, ByteBuf content) {
        Channel sender = multicastSender;
        if (sender != null && sender.localAddress() instanceof InetSocketAddress own && own.getPort() == from.getPort()) {
            return;
        }
        InetAddress ip = UdpListener.normalize(from.getAddress());
        for (ServerSession s : sessions.values()) {
            SessionTransport t = s.transport();
            if (t != null && t.protocol() == TransportProtocol.UDP_MULTICAST && ip.equals(s.authorIp())) {
                s.onMulticastRtcp(content);
            }
        }
    }
}
