package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CoalescingBufferQueue;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * RTSP over WebSocket (ONVIF, subprotocol {@code rtsp.onvif.org}), between Netty's WebSocket frame codec and the
 * RTSP codec: binary messages carry the RTSP byte stream (requests and {@code $} interleaved frames; message
 * boundaries mean nothing, as on TCP), and what the connection writes between two flushes (RTSP responses,
 * the shared media packets of the fan-out) leaves as one binary message. Pings are answered with pongs; the
 * server pings every {@link RtspServerConfig#webSocketPingInterval()}; a close frame is answered and ends the
 * connection; a text message ends it with close code 1003, since RTSP over WebSocket is binary.
 */
final class WebSocketTunnel extends ChannelDuplexHandler {

    /** The handler's name in the pipeline. */
    static final String NAME = "websocket";

    private static final byte[] PING_PAYLOAD = "rtsp4j".getBytes(StandardCharsets.US_ASCII);

    private final ServerConnection conn;
    private final Duration pingInterval;
    private CoalescingBufferQueue pending;
    private ScheduledFuture<?> pings;
    /** A text message is being received (its continuation frames are dropped). */
    private boolean inText;
    /** A close frame was sent: no second one. */
    private boolean closeSent;

    WebSocketTunnel(ServerConnection conn) {
        this.conn = conn;
        this.pingInterval = conn.server.config().webSocketPingInterval();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        pending = new CoalescingBufferQueue(ctx.channel(), 4, true);
        if (!pingInterval.isZero()) {
            long ms = Math.max(1, pingInterval.toMillis());
            pings = ctx.executor().scheduleAtFixedRate(() -> {
                if (ctx.channel().isActive()) {
                    ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(PING_PAYLOAD)),
                            ctx.voidPromise());
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop(ctx);
        super.channelInactive(ctx);
    }

    private void stop(ChannelHandlerContext ctx) {
        if (pings != null) {
            pings.cancel(false);
            pings = null;
        }
        if (pending != null && !pending.isEmpty()) {
            pending.releaseAndFailAll(new RtspServerException("WebSocket connection closed"));
        }
    }

    // ------------------------------------------------------------------------------------------ inbound

    /** Takes ownership of {@code msg}. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg); // e.g. the end of the upgrade request: passes to the RTSP decoder, dropped
            return;
        }
        if (frame instanceof BinaryWebSocketFrame) {
            inText = false;
            ctx.fireChannelRead(frame.content());
        } else if (frame instanceof ContinuationWebSocketFrame) {
            if (inText) {
                frame.release();
            } else {
                ctx.fireChannelRead(frame.content());
            }
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content()), ctx.voidPromise());
        } else if (frame instanceof PongWebSocketFrame) {
            frame.release(); // keep-alive only
        } else if (frame instanceof CloseWebSocketFrame close) {
            String why = "WebSocket closed by the client (" + close.statusCode()
                    + (close.reasonText().isEmpty() ? "" : " " + close.reasonText()) + ")";
            close.release();
            closeSent = true;
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE), ctx.voidPromise());
            conn.close(new RtspServerException(why));
        } else {
            // A text message: not RTSP over WebSocket. Say so to the client, then close.
            inText = true;
            frame.release();
            if (closeSent) {
                return;
            }
            closeSent = true;
            String why = "WebSocket text message received: RTSP over WebSocket (rtsp.onvif.org) uses binary messages";
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE,
                    "RTSP over WebSocket uses binary messages"), ctx.voidPromise());
            conn.close(new RtspServerException(why));
        }
    }

    // ------------------------------------------------------------------------------------------ outbound

    /**
     * Queues the RTSP byte stream until the next flush, which sends it as one binary message. Takes ownership of
     * {@code msg}; other messages (the upgrade response, control frames) pass.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            if (!ctx.channel().isActive()) {
                ReferenceCountUtil.release(buf);
                promise.tryFailure(new RtspServerException("WebSocket connection closed"));
                return;
            }
            pending.add(buf, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!pending.isEmpty()) {
            ChannelPromise all = ctx.newPromise();
            ByteBuf message = pending.remove(pending.readableBytes(), all);
            ctx.write(new BinaryWebSocketFrame(message), all);
        }
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        // A close decided by the server (timeouts, errors, TEARDOWN of the last session...): a close frame
        // first, so that a browser sees a clean close, then the socket.
        // Best effort: a peer that stopped reading (write timeout) must not keep the socket open.
        if (ctx.channel().isActive() && !closeSent) {
            closeSent = true;
            flush(ctx);
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE), ctx.voidPromise());
        }
        ctx.close(promise);
    }
}
