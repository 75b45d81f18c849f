package io.rtsp4j.examples.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.auth.AuthChallengeException;
import io.rtsp4j.auth.AuthSender;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.base.codec.RtspDecodeFailure;
import io.rtsp4j.base.codec.RtspDecoder;
import io.rtsp4j.base.codec.RtspEncoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The RTSP side of one bench connection: sends one request at a time (CSeq, Session, Authorization added) and
 * completes its future with the response. A {@code 401} is answered once with credentials from the URL
 * ({@link AuthSender}); later requests carry authorization for the chosen challenge.
 *
 * <p>Pipeline: {@link InterleavedSplitter} (frames to the sink) → RtspDecoder → RtspEncoder → this.
 */
final class RtspControl extends ChannelInboundHandlerAdapter {

    static final long REQUEST_TIMEOUT_SECONDS = 15;

    private final String user;
    private final String password;
    private Channel channel;
    private AuthSender auth;
    private int cseq;
    private String session;
    private int sessionTimeoutSeconds = 60;
    private CompletableFuture<RtspResponse> pending;

    private RtspControl(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /**
     * Connects to an RTSP server.
     *
     * @param group the event loop group
     * @param address the server
     * @param sink receives interleaved frames (on the channel's event loop)
     * @param user user name for authentication, or {@code null}
     * @param password password
     * @param tls whether to speak TLS (RTSPS; any certificate is trusted, see {@link BenchTls})
     * @return the control handler once connected
     */
    static CompletableFuture<RtspControl> connect(EventLoopGroup group, InetSocketAddress address,
            InterleavedSplitter.FrameSink sink, String user, String password, boolean tls) {
        RtspControl control = new RtspControl(user, password);
        CompletableFuture<RtspControl> done = new CompletableFuture<>();
        new Bootstrap().group(group).channel(Transports.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls) {
                            // Requests written before the handshake completes wait inside the SslHandler.
                            ch.pipeline().addLast(BenchTls.context().newHandler(ch.alloc(), address.getHostString(),
                                    address.getPort()));
                        }
                        ch.pipeline().addLast(new InterleavedSplitter(sink), new RtspDecoder(), new RtspEncoder(),
                                control);
                    }
                })
                .connect(address).addListener(f -> {
                    if (f.isSuccess()) {
                        done.complete(control);
                    } else {
                        done.completeExceptionally(new IOException("cannot connect to " + address + ": "
                                + f.cause().getMessage(), f.cause()));
                    }
                });
        return done;
    }

    Channel channel() {
        return channel;
    }

    /** The session id from the last response that had one, or {@code null}. */
    String session() {
        return session;
    }

    /** The session timeout announced by the server (60 s when not announced). */
    int sessionTimeoutSeconds() {
        return sessionTimeoutSeconds;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /**
     * Sends a request; 401 is retried once with credentials. Must not be called while a request is pending.
     *
     * @param method the method
     * @param url the request URL
     * @param customize adds headers or a body
     * @return the final response; fails on a closed connection, a timeout or a status other than 2xx
     */
    CompletableFuture<RtspResponse> request(RtspMethod method, String url, Consumer<RtspRequest.Builder> customize) {
        CompletableFuture<RtspResponse> result = new CompletableFuture<>();
        channel.eventLoop().execute(() -> send(method, url, customize, true, result));
        return result;
    }

    private void send(RtspMethod method, String url, Consumer<RtspRequest.Builder> customize, boolean mayRetry,
            CompletableFuture<RtspResponse> result) {
        if (pending != null) {
            result.completeExceptionally(new IllegalStateException("a request is already pending"));
            return;
        }
        RtspRequest.Builder b = RtspRequest.builder(method, url)
                .header(RtspHeaderNames.CSEQ, Integer.toString(++cseq))
                .header("User-Agent", "rtsp4j-bench");
        if (session != null) {
            b.header(RtspHeaderNames.SESSION, session);
        }
        if (auth != null) {
            b.header(RtspHeaderNames.AUTHORIZATION, auth.authorize(method.name(), url));
        }
        customize.accept(b);
        CompletableFuture<RtspResponse> response = new CompletableFuture<>();
        pending = response;
        channel.writeAndFlush(b.build()).addListener(f -> {
            if (!f.isSuccess()) {
                fail(new IOException(method + " not sent: " + f.cause().getMessage(), f.cause()));
            }
        });
        var timeout = channel.eventLoop().schedule(() -> {
            if (pending == response) {
                fail(new IOException(method + " " + url + ": no response in " + REQUEST_TIMEOUT_SECONDS + "s"));
            }
        }, REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        response.whenComplete((resp, error) -> {
            timeout.cancel(false);
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            int code = resp.status().code();
            if (code == RtspStatus.UNAUTHORIZED.code() && mayRetry && user != null) {
                try {
                    auth = AuthSender.create(resp.headers().getAll(RtspHeaderNames.WWW_AUTHENTICATE), user, password);
                } catch (AuthChallengeException | IllegalArgumentException e) {
                    result.completeExceptionally(new IOException(method + " " + url + ": 401 and "
                            + e.getMessage(), e));
                    return;
                }
                send(method, url, customize, false, result);
            } else if (code < 200 || code >= 300) {
                result.completeExceptionally(new IOException(method + " " + url + ": " + code + " "
                        + resp.reasonPhrase()));
            } else {
                result.complete(resp);
            }
        });
    }

    private void fail(Throwable error) {
        CompletableFuture<RtspResponse> p = pending;
        pending = null;
        if (p != null) {
            p.completeExceptionally(error);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof RtspResponse resp) {
                String s = resp.headers().get(RtspHeaderNames.SESSION);
                if (s != null) {
                    parseSession(s);
                }
                CompletableFuture<RtspResponse> p = pending;
                pending = null;
                if (p != null) {
                    p.complete(resp);
                }
            } else if (msg instanceof RtspDecodeFailure failure) {
                fail(new IOException("bad response: " + failure.cause().getMessage()));
                if (failure.framingLost()) {
                    ctx.close();
                }
            }
            // requests from the server (e.g. ANNOUNCE/GET_PARAMETER) are ignored: not needed by a bench
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void parseSession(String header) {
        String[] parts = header.split(";");
        session = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "timeout=", 0, 8)) {
                try {
                    sessionTimeoutSeconds = Math.max(1, Integer.parseInt(p.substring(8).trim()));
                } catch (NumberFormatException e) {
                    // keep the default: a keep-alive too often does no harm
                }
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new IOException("connection closed by the server"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
        ctx.close();
    }
}
