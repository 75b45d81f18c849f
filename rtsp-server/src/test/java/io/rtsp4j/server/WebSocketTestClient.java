package io.rtsp4j.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An RTSP-over-WebSocket client for tests, built from Netty's WebSocket client handshaker and frame codec: the
 * handshake asks for {@code rtsp.onvif.org} (and fails, as browsers do, when the server does not echo it);
 * binary messages received become an input stream, writes become one binary message per flush. Pings from the
 * server are answered (and counted); close frames are recorded.
 */
final class WebSocketTestClient implements AutoCloseable {

    private static final byte[] EOF = new byte[0];

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpHeaders> handshake = new CompletableFuture<>();
    final AtomicInteger pingsReceived = new AtomicInteger();
    final BlockingQueue<String> pongsReceived = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closeFrame = new CompletableFuture<>();

    /** A close frame received. */
    record Close(int statusCode, String reasonText) {
    }
    private Channel channel;
    private HttpHeaders responseHeaders;

    /**
     * Connects and completes the handshake.
     *
     * @param connection the {@code Connection} header to send ({@code "Upgrade"}, {@code "keep-alive, Upgrade"})
     */
    static WebSocketTestClient connect(InetSocketAddress server, String path, String connection) throws Exception {
        WebSocketTestClient c = new WebSocketTestClient();
        try {
            c.open(server, path, connection);
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void open(InetSocketAddress server, String path, String connection) throws Exception {
        URI uri = new URI("ws://127.0.0.1:" + server.getPort() + path);
        WebSocketClientHandshaker13 handshaker = new WebSocketClientHandshaker13(uri, WebSocketVersion.V13,
                TunnelRequestHandler.SUBPROTOCOL, false, new DefaultHttpHeaders(), 1 << 20) {
            @Override
            protected FullHttpRequest newHandshakeRequest() {
                FullHttpRequest r = super.newHandshakeRequest();
                r.headers().set(HttpHeaderNames.CONNECTION, connection);
                return r;
            }
        };
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new SimpleChannelInboundHandler<Object>() {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) {
                                        handshaker.handshake(ctx.channel());
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        received.add(EOF);
                                        handshake.completeExceptionally(new EOFException("closed"));
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
                                        onMessage(ctx, handshaker, msg);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        handshake.completeExceptionally(cause);
                                        ctx.close();
                                    }
                                });
                    }
                }).connect(server).sync().channel();
        responseHeaders = handshake.get(RtspTestClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void onMessage(ChannelHandlerContext ctx, WebSocketClientHandshaker13 handshaker, Object msg) {
        if (!handshaker.isHandshakeComplete()) {
            FullHttpResponse r = (FullHttpResponse) msg;
            try {
                handshaker.finishHandshake(ctx.channel(), r);
                handshake.complete(r.headers().copy());
            } catch (RuntimeException e) {
                handshake.completeExceptionally(e);
            }
            return;
        }
        if (msg instanceof BinaryWebSocketFrame f) {
            received.add(ByteBufUtil.getBytes(f.content()));
        } else if (msg instanceof PingWebSocketFrame f) {
            pingsReceived.incrementAndGet();
            ctx.writeAndFlush(new PongWebSocketFrame(f.content().retain()));
        } else if (msg instanceof PongWebSocketFrame f) {
            pongsReceived.add(f.content().toString(java.nio.charset.StandardCharsets.UTF_8));
        } else if (msg instanceof CloseWebSocketFrame f) {
            closeFrame.complete(new Close(f.statusCode(), f.reasonText()));
        }
    }

    /** @return the headers of the {@code 101} answer */
    HttpHeaders responseHeaders() {
        return responseHeaders;
    }

    /** Sends one frame (takes ownership). */
    void send(WebSocketFrame frame) {
        channel.writeAndFlush(frame).syncUninterruptibly();
    }

    void sendText(String text) {
        send(new TextWebSocketFrame(text));
    }

    void sendPing(String payload) {
        send(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Whether the server closed the connection within the read timeout. */
    boolean awaitClosed() {
        return channel.closeFuture().awaitUninterruptibly(RtspTestClient.READ_TIMEOUT_MILLIS);
    }

    /** An RTSP client over this WebSocket. */
    RtspTestClient rtsp() {
        return new RtspTestClient(new Input(), new Output(), "rtsp://127.0.0.1:"
                + ((InetSocketAddress) channel.remoteAddress()).getPort(), this);
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The binary messages as one byte stream. */
    private final class Input extends InputStream {
        private byte[] current = new byte[0];
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current != EOF && pos == current.length) {
                try {
                    byte[] next = received.poll(RtspTestClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        throw new SocketTimeoutException("no WebSocket message in "
                                + RtspTestClient.READ_TIMEOUT_MILLIS + " ms");
                    }
                    current = next;
                    pos = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (current == EOF) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Writes as binary messages, one per flush. */
    private final class Output extends OutputStream {
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (buffer.size() == 0) {
                return;
            }
            ByteBuf payload = Unpooled.wrappedBuffer(buffer.toByteArray());
            buffer.reset();
            if (!channel.writeAndFlush(new BinaryWebSocketFrame(payload)).awaitUninterruptibly()
                    .isSuccess()) {
                throw new IOException("WebSocket write failed");
            }
        }
    }
}
