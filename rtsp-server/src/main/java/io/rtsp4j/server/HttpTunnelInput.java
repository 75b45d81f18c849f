package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The GET half of an HTTP tunnel, first in its pipeline (after TLS): the POST half's body bytes enter the
 * connection here, on the GET channel's event loop, as if the GET socket had read them (so the byte counter,
 * the base64 decoder and the RTSP decoder behind it see them in order); what the GET socket itself reads after
 * its request is discarded (clients send nothing there).
 *
 * <p>Back-pressure: the POST socket is read only while the RTSP connection reads (it stops reading while a
 * request is in flight) and while fewer than {@link RtspServerConfig#httpTunnelBufferSize()} bytes wait for the
 * event loop, so a fast client cannot pile up requests or media in memory.
 */
final class HttpTunnelInput extends ChannelDuplexHandler {

    /** The handler's name in the pipeline. */
    static final String NAME = "tunnel-input";

    private final ServerConnection conn;
    private final int limit;
    private final AtomicLong pending = new AtomicLong();
    private ChannelHandlerContext ctx;
    private volatile Channel post;

    HttpTunnelInput(ServerConnection conn) {
        this.conn = conn;
        this.limit = conn.server.config().httpTunnelBufferSize();
    }

    ServerConnection connection() {
        return conn;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Joins the POST half: from now on its bytes come through {@link #offer}, and closing either half closes
     * the other. Called on the POST channel's event loop, before its first {@link #offer}.
     */
    void join(Channel postChannel) {
        post = postChannel;
        postChannel.closeFuture().addListener(f -> conn.close(new RtspServerException(
                "HTTP tunnel: the POST connection closed")));
        conn.channel.closeFuture().addListener(f -> postChannel.close());
    }

    /**
     * Hands raw (base64) POST body bytes to the GET half. Takes ownership of {@code bytes}. Any thread.
     */
    void offer(ByteBuf bytes) {
        int n = bytes.readableBytes();
        long now = pending.addAndGet(n);
        try {
            conn.channel.eventLoop().execute(() -> feed(bytes, n));
        } catch (RejectedExecutionException e) {
            pending.addAndGet(-n);
            bytes.release();
            return;
        }
        Channel p = post;
        if (now > limit && p != null) {
            p.config().setAutoRead(false);
            // The GET loop may have drained everything before this pause: let it decide again afterwards, or
            // nothing would ever resume the POST.
            conn.channel.eventLoop().execute(this::updatePostReading);
        }
    }

    /** The POST half failed: the tunnel ends with its reason. */
    void postFailed(Throwable cause) {
        conn.close(cause);
    }

    private void feed(ByteBuf bytes, int n) {
        pending.addAndGet(-n);
        if (ctx == null || ctx.isRemoved() || !conn.channel.isActive()) {
            bytes.release();
            return;
        }
        ctx.fireChannelRead(bytes);
        // Completes the "read" for the handlers behind: the RTSP decoder discards what it consumed on it.
        ctx.fireChannelReadComplete();
        updatePostReading();
    }

    private void updatePostReading() {
        Channel p = post;
        if (p == null) {
            return;
        }
        boolean want = conn.channel.config().isAutoRead() && pending.get() <= limit / 2;
        if (p.config().isAutoRead() != want) {
            p.config().setAutoRead(want);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Bytes from the GET socket after its request: not part of the tunnel.
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Nothing of the GET socket goes further.
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        // The RTSP connection reads again (e.g. after a request was answered): so does the POST half.
        updatePostReading();
        ctx.read();
    }
}
