package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.base.codec.RtspDecodeFailure;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: plain TCP, TLS, or a tunnel. A connection is bound to at most one session; a session
 * over UDP may be used from several connections in turn.
 *
 * <p>Requests of a connection are processed one at a time, in order. All methods are thread-safe.
 */
public final class ServerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

    final RtspServer server;
    final Channel channel;
    private volatile Tunnel tunnel;
    private final boolean secure;
    final ConnectionAuth auth;

    private volatile ServerSession session;
    private volatile Object userData;
    private volatile long inboundBytes;
    private volatile long outboundBytes;
    private volatile Throwable closeReason;

    // Event-loop confined state.
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean busy;
    private long lastReadNanos;
    private long unwritableSinceNanos;
    private ScheduledFuture<?> checkTask;
    private boolean closed;

    ServerConnection(RtspServer server, Channel channel, Tunnel tunnel, boolean secure) {
        this.server = server;
        this.channel = channel;
        this.tunnel = tunnel;
        this.secure = secure;
        this.auth = new ConnectionAuth(server);
    }

    /** @return the client's address */
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** @return the server's address of this connection */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** @return the client's IP address */
    public InetAddress remoteIp() {
        SocketAddress a = channel.remoteAddress();
        return a instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }

    /** @return the session bound to this connection, or {@code null} */
    public ServerSession session() {
        return session;
    }

    /**
     * The tunnel the connection arrived through. A connection is accepted as {@link Tunnel#NONE}; its first
     * bytes may then show an HTTP tunnel GET or a WebSocket upgrade, which turns it into an {@link Tunnel#HTTP} or
     * {@link Tunnel#WEBSOCKET} connection before any RTSP request is read (the POST half of an HTTP tunnel is
     * closed, with reason {@code "joined the HTTP tunnel ..."}, once its bytes feed the GET half).
     *
     * @return the tunnel
     */
    public Tunnel tunnel() {
        return tunnel;
    }

    /** @return whether the connection is TLS (RTSPS) */
    public boolean isSecure() {
        return secure;
    }

    /**
     * The TLS session of an RTSPS connection: protocol, cipher suite, peer certificates (when the client sent
     * some). Before the handshake is complete it is a placeholder session.
     *
     * @return the TLS session, or {@code null} when the connection is not TLS
     */
    public SSLSession tlsSession() {
        SslHandler ssl = secure ? channel.pipeline().get(SslHandler.class) : null;
        return ssl == null ? null : ssl.engine().getSession();
    }

    /** @return the user data attached with {@link #setUserData} */
    public Object userData() {
        return userData;
    }

    /**
     * Attaches application data to the connection.
     *
     * @param data the data
     */
    public void setUserData(Object data) {
        this.userData = data;
    }

    /** @return the byte counters */
    public ConnectionStats stats() {
        return new ConnectionStats(inboundBytes, outboundBytes);
    }

    /** @return why the connection was closed, or {@code null} while it is open */
    public Throwable closeReason() {
        return closeReason;
    }

    /**
     * Checks the credentials of a request against the expected user and password, with the methods the server is
     * configured for (Basic, Digest MD5, Digest SHA-256). When this returns false, answer
     * {@link Reply#authenticationFailed()}: the server then challenges the client (no or stale credentials) or
     * refuses it (wrong credentials).
     *
     * @param request the request
     * @param user the expected user; an empty user never matches
     * @param password the expected password
     * @return whether the request carries these credentials
     */
    public boolean verifyCredentials(RtspRequest request, String user, String password) {
        return auth.verify(request, user, password);
    }

    /** Closes the connection (idempotent). */
    public void close() {
        close(new RtspServerException("closed by the application"));
    }

    void close(Throwable reason) {
        if (channel.eventLoop().inEventLoop()) {
            doClose(reason);
        } else {
            channel.eventLoop().execute(() -> doClose(reason));
        }
    }

    private void doClose(Throwable reason) {
        if (closed) {
            return;
        }
        closed = true;
        closeReason = reason;
        channel.close();
    }

    /** Called on the event loop once the channel is inactive. */
    private void onClosed() {
        if (closeReason == null) {
            closeReason = new RtspServerException("connection closed by the client");
        }
        closed = true;
        if (checkTask != null) {
            checkTask.cancel(false);
        }
        // Media that arrived behind a request still in flight was received: deliver it. Requests cannot be
        // answered any more.
        while (!queue.isEmpty()) {
            Object msg = queue.poll();
            if (msg instanceof InterleavedFrame frame && session != null && session.acceptsInterleaved(this)) {
                try {
                    session.onInterleavedFrame(frame.channel(), frame.content());
                } finally {
                    frame.release();
                }
            } else {
                ReferenceCountUtil.release(msg);
            }
        }
        ServerSession s = session;
        session = null;
        if (s != null) {
            s.connectionClosed(this);
        }
        server.connectionClosed(this);
        server.callbacks().connectionClose(this, closeReason);
    }

    /** Marks the connection as a tunnel (before any RTSP request is read: see {@link #tunnel()}). */
    void upgrade(Tunnel t) {
        tunnel = t;
    }

    /**
     * Ends this connection's RTSP life without closing its channel: the POST half of an HTTP tunnel, whose bytes
     * now feed another connection. Reported to the handler as closed with {@code reason}. Event loop only.
     */
    void retire(Throwable reason) {
        if (closed) {
            return;
        }
        closeReason = reason;
        closed = true;
        channel.pipeline().remove(Handler.class);
        onClosed();
    }

    void bind(ServerSession s) {
        session = s;
    }

    void unbind(ServerSession s) {
        if (session == s) {
            session = null;
        }
    }

    boolean isOpen() {
        return !closed && channel.isActive();
    }

    // ------------------------------------------------------------------------------------------ reading

    private void onMessage(Object msg) {
        lastReadNanos = System.nanoTime();
        if (msg instanceof InterleavedFrame frame) {
            if (busy || !queue.isEmpty()) {
                // Keep the order of requests and frames (a RECORD answered asynchronously, then media), and stop
                // reading meanwhile, so that a client cannot pile up frames in memory behind a slow decision.
                queue.add(msg);
                channel.config().setAutoRead(false);
                return;
            }
            handleFrame(frame);
            return;
        }
        if (busy) {
            queue.add(msg);
            channel.config().setAutoRead(false);
            return;
        }
        handleMessage(msg);
    }

    private void handleMessage(Object msg) {
        if (msg instanceof RtspRequest request) {
            process(request);
        } else if (msg instanceof RtspDecodeFailure failure) {
            handleDecodeFailure(failure);
        } else if (msg instanceof RtspResponse response) {
            // The server sends no requests, so a response is a confused client; answering it is impossible.
            LOG.debug("{}: ignoring unexpected response {}", remoteAddress(), response.status());
        } else if (msg instanceof InterleavedFrame frame) {
            handleFrame(frame);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handleFrame(InterleavedFrame frame) {
        try {
            ServerSession s = session;
            if (s == null || !s.acceptsInterleaved(this)) {
                if (s != null && s.isTcp()) {
                    // Frames in flight after a PAUSE, or RTCP sent before PLAY: harmless, dropped.
                    return;
                }
                close(new RtspServerException("received unexpected interleaved frame"));
                return;
            }
            s.onInterleavedFrame(frame.channel(), frame.content());
        } finally {
            frame.release();
        }
    }

    private void handleDecodeFailure(RtspDecodeFailure failure) {
        RtspResponse.Builder b = RtspResponse.builder(failure.suggestedStatus());
        String cseq = failure.headers() == null ? null : failure.headers().get(RtspHeaderNames.CSEQ);
        if (cseq != null) {
            b.header(RtspHeaderNames.CSEQ, cseq);
        }
        RtspServerException reason = new RtspServerException("invalid request: " + failure.cause().getMessage(),
                failure.cause());
        if (!failure.isRequest()) {
            // A broken response from a client: nothing to answer.
            if (failure.framingLost()) {
                close(reason);
            }
            return;
        }
        busy = true;
        write(null, new Outcome(b.build(), null, failure.framingLost() ? reason : null, null));
    }

    // ------------------------------------------------------------------------------------------ requests

    private void process(RtspRequest request) {
        busy = true;
        try {
            server.callbacks().request(this, request);
            Outcome early = RequestRouter.check(this, request);
            if (early != null) {
                write(request, early);
                return;
            }
            RequestRouter.route(this, request, outcome -> {
                if (channel.eventLoop().inEventLoop()) {
                    write(request, outcome);
                } else {
                    channel.eventLoop().execute(() -> write(request, outcome));
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: error processing {}: {}", remoteAddress(), request.method(), e.toString(), e);
            write(request, Outcome.closing(RtspResponse.builder(RtspStatus.INTERNAL_SERVER_ERROR).build(),
                    "internal error: " + e));
        }
    }

    /** Writes the outcome of a request, then goes on with the next queued message. Event loop only. */
    private void write(RtspRequest request, Outcome outcome) {
        if (closed) {
            busy = false;
            return;
        }
        RtspResponse.Builder b = outcome.response().toBuilder();
        if (request != null) {
            List<String> cseq = request.headers().getAll(RtspHeaderNames.CSEQ);
            if (cseq.size() == 1 && !outcome.response().headers().contains(RtspHeaderNames.CSEQ)) {
                b.setHeader(RtspHeaderNames.CSEQ, cseq.get(0));
            }
        }
        b.setHeader(RtspHeaderNames.SERVER, server.config().serverName());
        if (outcome.session() != null && !outcome.response().headers().contains(RtspHeaderNames.SESSION)) {
            b.setHeader(RtspHeaderNames.SESSION, outcome.session().sessionHeaderValue());
        }
        RtspResponse response = server.callbacks().response(this, b.build());
        if (outcome.beforeWrite() != null) {
            try {
                outcome.beforeWrite().run();
            } catch (RuntimeException e) {
                LOG.warn("{}: error before response: {}", remoteAddress(), e.toString(), e);
            }
        }
        if (outcome.closeReason() != null) {
            closed = true;
            closeReason = outcome.closeReason();
            channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.writeAndFlush(response, channel.voidPromise());
        }
        if (outcome.afterWrite() != null) {
            try {
                outcome.afterWrite().run();
            } catch (RuntimeException e) {
                LOG.warn("{}: error after response: {}", remoteAddress(), e.toString(), e);
            }
        }
        busy = false;
        drainQueue();
    }

    private void drainQueue() {
        while (!busy && !closed && !queue.isEmpty()) {
            handleMessage(queue.poll());
        }
        if (!busy && !closed && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    // ------------------------------------------------------------------------------------------ timeouts

    private void startChecks() {
        lastReadNanos = System.nanoTime();
        RtspServerConfig c = server.config();
        long shortest = Math.min(c.readTimeout().toMillis(), Math.min(c.idleTimeout().toMillis(),
                c.writeTimeout().toMillis()));
        long period = Math.max(50, Math.min(1000, shortest / 4));
        checkTask = channel.eventLoop().scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        ServerSession s = session;
        long timeout;
        String what;
        if (s != null && s.isRecordingOver(TransportProtocol.TCP)) {
            timeout = server.config().readTimeout().toNanos();
            what = "no data received in " + server.config().readTimeout().toSeconds() + "s (read timeout)";
        } else if (s != null && s.isRecordingOver(TransportProtocol.UDP)) {
            // FFmpeg sends no keep-alives while recording over UDP: the session's own UDP check applies.
            timeout = Long.MAX_VALUE;
            what = null;
        } else {
            timeout = server.config().idleTimeout().toNanos();
            what = "no request in " + server.config().idleTimeout().toSeconds() + "s (idle timeout)";
        }
        if (timeout != Long.MAX_VALUE && now - lastReadNanos > timeout) {
            close(new RtspServerException(what));
            return;
        }
        if (!channel.isWritable() && unwritableSinceNanos != 0
                && now - unwritableSinceNanos > server.config().writeTimeout().toNanos()) {
            close(new RtspServerException("write timeout: the client stopped reading"));
        }
    }

    // ------------------------------------------------------------------------------------------ netty glue

    /** The last handler of a connection's pipeline: counts bytes, feeds messages, tracks writability. */
    final class Handler extends ChannelDuplexHandler {

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            startChecks();
            server.callbacks().connectionOpen(ServerConnection.this);
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            onClosed();
            super.channelInactive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closed) {
                ReferenceCountUtil.release(msg);
                return;
            }
            onMessage(msg);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            unwritableSinceNanos = ctx.channel().isWritable() ? 0 : System.nanoTime();
            super.channelWritabilityChanged(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{}: {}", ctx.channel().remoteAddress(), cause.toString());
            // E.g. "Connection reset by peer": that is the reason, not the truncated message the decoder reports
            // when the channel goes inactive right after (it is ignored once closed).
            doClose(cause);
        }
    }

    /**
     * Counts the raw bytes of the connection, in front of the codec: what is read before decoding and what is
     * written after encoding (responses, frames, the stream's shared packets alike).
     */
    final class ByteCounter extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf) {
                inboundBytes += buf.readableBytes();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf buf) {
                outboundBytes += buf.readableBytes();
            } else if (msg instanceof ByteBufHolder holder) {
                outboundBytes += holder.content().readableBytes();
            }
            ctx.write(msg, promise);
        }
    }

    @Override
    public String toString() {
        return "ServerConnection(" + channel.remoteAddress() + ")";
    }

    static boolean isSessionMethod(RtspMethod m) {
        return m.equals(RtspMethod.ANNOUNCE) || m.equals(RtspMethod.SETUP) || m.equals(RtspMethod.PLAY)
                || m.equals(RtspMethod.RECORD) || m.equals(RtspMethod.PAUSE) || m.equals(RtspMethod.TEARDOWN);
    }
}
