package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides what an HTTP request on the RTSP port is (behind Netty's {@code HttpServerCodec}, installed by the
 * {@link ProtocolDetector}), and turns the connection into it:
 * <ul>
 *   <li>an HTTP tunnel GET ({@code Accept: application/x-rtsp-tunnelled}, a non-empty {@code x-sessioncookie}):
 *       answered {@code 200} at once (clients wait for it before they POST), then it waits for its POST and
 *       becomes the tunnel's RTSP connection ({@link Tunnel#HTTP}): its output is the GET socket;</li>
 *   <li>an HTTP tunnel POST ({@code Content-Type: application/x-rtsp-tunnelled}, the cookie of a waiting GET):
 *       its body, base64, feeds the GET's connection; the POST's own connection ends here;</li>
 *   <li>a WebSocket upgrade ({@code Upgrade: websocket}, {@code Connection} with the {@code Upgrade} token, among
 *       others {@code keep-alive, Upgrade}, {@code Sec-WebSocket-Protocol} listing {@code rtsp.onvif.org}, any
 *       path): Netty's handshaker answers {@code 101} echoing the subprotocol, and the connection continues as
 *       {@link Tunnel#WEBSOCKET} through {@link WebSocketTunnel};</li>
 *   <li>anything else: {@code 400 Bad Request} and close.</li>
 * </ul>
 */
final class TunnelRequestHandler extends ChannelInboundHandlerAdapter {

    /** The handler's name in the pipeline. */
    static final String NAME = "tunnel-request";
    /** The media type of both halves of an HTTP tunnel. */
    static final String TUNNELLED = "application/x-rtsp-tunnelled";
    /** The ONVIF WebSocket subprotocol. */
    static final String SUBPROTOCOL = "rtsp.onvif.org";
    private static final String COOKIE = "x-sessioncookie";

    private enum Kind { HTTP_GET, WEBSOCKET }

    private final ServerConnection conn;
    /** A GET whose end is awaited before the connection changes. */
    private HttpRequest request;
    private Kind kind;
    /** Decided: what the HTTP codec still hands over is dropped, or (POST) forwarded as the tunnel's body. */
    private boolean done;
    private boolean forward;

    TunnelRequestHandler(ServerConnection conn) {
        this.conn = conn;
    }

    /** Takes ownership of {@code msg}. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done) {
            if (forward && msg instanceof ByteBuf) {
                ctx.fireChannelRead(msg);
            } else {
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        try {
            if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                Throwable cause = o.decoderResult().cause();
                reject(ctx, "malformed HTTP request: " + (cause == null ? "?" : cause.getMessage()));
            } else if (msg instanceof HttpRequest req) {
                onRequest(ctx, req);
            } else if (msg instanceof LastHttpContent && request != null) {
                onRequestEnd(ctx);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest req) {
        RtspServerConfig c = conn.server.config();
        HttpHeaders h = req.headers();
        if (!req.protocolVersion().protocolName().equals("HTTP")) {
            reject(ctx, "not an HTTP request (" + req.protocolVersion() + ")");
            return;
        }
        String cookie = h.get(COOKIE, "").trim();
        if (req.method().equals(HttpMethod.GET)) {
            if (HttpUtil.getContentLength(req, 0L) > 0 || HttpUtil.isTransferEncodingChunked(req)) {
                reject(ctx, "a tunnel GET has no body");
            } else if (h.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                if (!c.webSocketTunnelEnabled()) {
                    reject(ctx, "RTSP over WebSocket is disabled on this server");
                } else if (!h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
                    reject(ctx, "WebSocket upgrade without the Upgrade token in Connection");
                } else if (!h.containsValue(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, SUBPROTOCOL, false)) {
                    reject(ctx, "WebSocket upgrade without Sec-WebSocket-Protocol: " + SUBPROTOCOL);
                } else {
                    request = req;
                    kind = Kind.WEBSOCKET;
                }
            } else if (h.containsValue(HttpHeaderNames.ACCEPT, TUNNELLED, true)) {
                if (!c.httpTunnelEnabled()) {
                    reject(ctx, "RTSP over HTTP is disabled on this server");
                } else if (cookie.isEmpty()) {
                    reject(ctx, "HTTP tunnel GET without x-sessioncookie");
                } else {
                    request = req;
                    kind = Kind.HTTP_GET;
                }
            } else {
                reject(ctx, "GET " + req.uri() + " is neither an HTTP tunnel GET (Accept: " + TUNNELLED
                        + ") nor a WebSocket upgrade (Sec-WebSocket-Protocol: " + SUBPROTOCOL + ")");
            }
        } else if (req.method().equals(HttpMethod.POST)) {
            if (!h.containsValue(HttpHeaderNames.CONTENT_TYPE, TUNNELLED, true)) {
                reject(ctx, "POST " + req.uri() + " is not an HTTP tunnel POST (Content-Type: " + TUNNELLED + ")");
            } else if (!c.httpTunnelEnabled()) {
                reject(ctx, "RTSP over HTTP is disabled on this server");
            } else if (cookie.isEmpty()) {
                reject(ctx, "HTTP tunnel POST without x-sessioncookie");
            } else if (HttpUtil.isTransferEncodingChunked(req)) {
                reject(ctx, "HTTP tunnel POST with a chunked body (the body is a plain base64 stream)");
            } else {
                joinPost(ctx, cookie);
            }
        } else {
            reject(ctx, "HTTP method " + req.method() + " is not a tunnel request");
        }
    }

    private void onRequestEnd(ChannelHandlerContext ctx) {
        if (kind == Kind.HTTP_GET) {
            startGet(ctx, request.headers().get(COOKIE, "").trim());
        } else {
            startWebSocket(ctx, request);
        }
        request = null;
    }

    // ------------------------------------------------------------------------------------------ HTTP tunnel

    private void startGet(ChannelHandlerContext ctx, String cookie) {
        HttpTunnelInput input = new HttpTunnelInput(conn);
        if (!conn.server.httpTunnels().register(cookie, ip(), input)) {
            reject(ctx, "HTTP tunnel GET: x-sessioncookie '" + cookie + "' is already waiting for its POST");
            return;
        }
        done = true;
        conn.upgrade(Tunnel.HTTP);
        ctx.writeAndFlush(tunnelResponse());
        ChannelPipeline p = ctx.pipeline();
        // POST bytes enter in front of the byte counter (raw bytes are counted), then base64 is decoded in front
        // of the RTSP decoder. What the HTTP codec still holds came from the GET socket: dropped here.
        p.addBefore("counter", HttpTunnelInput.NAME, input);
        p.remove(ProtocolDetector.HTTP_CODEC);
        p.replace(this, Base64StreamDecoder.NAME, new Base64StreamDecoder());
    }

    private void joinPost(ChannelHandlerContext ctx, String cookie) {
        RtspServerConfig c = conn.server.config();
        HttpTunnelInput input = conn.server.httpTunnels().join(cookie, ip(), c.tunnelPairingChecksIp());
        if (input == null) {
            reject(ctx, "HTTP tunnel POST: no GET with x-sessioncookie '" + cookie + "' is waiting"
                    + (c.tunnelPairingChecksIp() ? " from " + ip().getHostAddress() : ""));
            return;
        }
        done = true;
        forward = true;
        // gortsplib answers the POST too; QuickTime's note says not to. FFmpeg, GStreamer and live555 never read
        // the POST socket, so the answer is harmless to them and helps clients that wait for it.
        ctx.writeAndFlush(tunnelResponse());
        ChannelPipeline p = ctx.pipeline();
        p.addAfter(NAME, HttpTunnelPost.NAME, new HttpTunnelPost(input));
        conn.retire(new RtspServerException("joined the HTTP tunnel of " + input.connection().remoteAddress()));
        // The POST's RTSP handlers are not needed: its bytes are the GET connection's.
        List<String> names = p.names();
        for (String name : names.subList(names.indexOf(HttpTunnelPost.NAME) + 1, names.size())) {
            if (p.context(name) != null) { // needed: without it joining POSTs fail (HttpTunnelTest)
                p.remove(name);
            }
        }
        p.remove(ServerConnection.ByteCounter.class);
        input.join(ctx.channel());
        // Removing the codec hands the body bytes it already read to this handler, which forwards them.
        p.remove(ProtocolDetector.HTTP_CODEC);
        p.remove(this);
    }

    private static HttpResponse tunnelResponse() {
        // As gortsplib and the QuickTime note: HTTP/1.0, no Content-Length (the body is the rest of the stream).
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_0, HttpResponseStatus.OK);
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CONTENT_TYPE, TUNNELLED)
                .set(HttpHeaderNames.PRAGMA, HttpHeaderValues.NO_CACHE);
        return r;
    }

    // ------------------------------------------------------------------------------------------ WebSocket

    private void startWebSocket(ChannelHandlerContext ctx, HttpRequest req) {
        RtspServerConfig c = conn.server.config();
        FullHttpRequest full = new DefaultFullHttpRequest(req.protocolVersion(), req.method(), req.uri(),
                Unpooled.EMPTY_BUFFER, req.headers(), EmptyHttpHeaders.INSTANCE);
        WebSocketDecoderConfig frames = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(c.webSocketMaxFrameSize())
                .expectMaskedFrames(true)
                .allowMaskMismatch(false)
                .allowExtensions(false)
                .closeOnProtocolViolation(true)
                .build();
        String location = (conn.isSecure() ? "wss://" : "ws://") + req.headers().get(HttpHeaderNames.HOST, "localhost")
                + req.uri();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, SUBPROTOCOL, frames).newHandshaker(full);
        done = true;
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel()).addListener(f ->
                    conn.close(new RtspServerException("invalid HTTP request: unsupported WebSocket version "
                            + req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))));
            return;
        }
        ChannelPipeline p = ctx.pipeline();
        p.addAfter(NAME, WebSocketTunnel.NAME, new WebSocketTunnel(conn));
        try {
            handshaker.handshake(ctx.channel(), full).addListener(f -> {
                if (!f.isSuccess()) {
                    conn.close(new RtspServerException("WebSocket handshake failed: " + f.cause(), f.cause()));
                }
            });
        } catch (WebSocketHandshakeException e) {
            p.remove(WebSocketTunnel.NAME);
            reject(ctx, "WebSocket upgrade refused: " + e.getMessage());
            return;
        }
        conn.upgrade(Tunnel.WEBSOCKET);
        p.remove(this);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Answers {@code 400} with the reason as text, then closes the connection with that reason. */
    private void reject(ChannelHandlerContext ctx, String reason) {
        done = true;
        forward = false;
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_0, HttpResponseStatus.BAD_REQUEST,
                Unpooled.copiedBuffer(reason + "\r\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.SERVER, conn.server.config().serverName());
        ctx.writeAndFlush(r).addListener(f -> conn.close(new RtspServerException("invalid HTTP request: " + reason)));
    }

    private InetAddress ip() {
        return UdpListener.normalize(conn.remoteIp());
    }
}
