package io.rtsp4j.examples.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.headers.HeaderParseException;
import io.rtsp4j.base.headers.KeyMgmt;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.mikey.MikeyException;
import io.rtsp4j.srtp.mikey.MikeyMessage;
import io.rtsp4j.srtp.mikey.MikeySrtp;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One reader: DESCRIBE, SETUP of the first video media (TCP interleaved, UDP unicast or multicast), PLAY, then
 * counting. All of its channels run on the event loop of its control connection, so its statistics need no
 * synchronisation.
 */
final class Reader implements InterleavedSplitter.FrameSink {

    private final BenchContext ctx;
    private RtspControl control;
    private ReaderStats stats;
    private volatile int rtpChannel = -1;
    private int rtcpChannel = -1;
    private UdpPorts.Pair udp;
    private Channel multicast;
    private ScheduledFuture<?> keepAlive;
    /** SRTP readers: the server's key for the media, from the SETUP answer's KeyMgmt (event loop only). */
    private SrtpContext srtp;

    Reader(BenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Connects and starts playing.
     *
     * @return completes when PLAY succeeded
     */
    CompletableFuture<Void> start() {
        BenchOptions o = ctx.options();
        String url = o.requestUrl();
        return RtspControl.connect(ctx.readerGroup(), ctx.serverAddress(), this, o.user(), o.password(), o.tls())
                .thenCompose(c -> {
                    control = c;
                    EventLoop loop = c.channel().eventLoop();
                    ReaderShard shard = ctx.shard(loop);
                    stats = new ReaderStats(shard, ctx.runId(), ctx.epochNanos(), ctx.windowStart(), ctx.windowEnd());
                    loop.execute(() -> shard.add(stats));
                    return c.request(RtspMethod.DESCRIBE, url, b -> b.header(RtspHeaderNames.ACCEPT, "application/sdp"));
                })
                .thenCompose(describe -> {
                    String base = baseUrl(describe, url);
                    Media media = videoMedia(describe);
                    return setup(media.resolveControl(base)).thenApply(v -> base);
                })
                .thenCompose(base -> control.request(RtspMethod.PLAY, base,
                        b -> b.header(RtspHeaderNames.RANGE, "npt=0.000-")))
                .thenRun(this::startKeepAlive);
    }

    static String baseUrl(RtspResponse describe, String requestUrl) {
        String base = describe.headers().get(RtspHeaderNames.CONTENT_BASE);
        if (base == null) {
            base = describe.headers().get(RtspHeaderNames.CONTENT_LOCATION);
        }
        return base == null || base.isBlank() ? requestUrl : base.trim();
    }

    static Media videoMedia(RtspResponse describe) {
        if (describe.bodyLength() == 0) {
            throw new CompletionException(new IOException("DESCRIBE response has no SDP"));
        }
        Session session = Session.parse(new String(describe.body(), StandardCharsets.UTF_8));
        for (Media m : session.medias()) {
            if (Media.VIDEO.equals(m.type())) {
                return m;
            }
        }
        if (session.medias().isEmpty()) {
            throw new CompletionException(new IOException("DESCRIBE response has no media"));
        }
        return session.medias().get(0);
    }

    private CompletableFuture<RtspResponse> setup(String mediaUrl) {
        if (!ctx.options().readerSrtp()) {
            return setup(mediaUrl, "RTP/AVP");
        }
        return setup(mediaUrl, "RTP/SAVP").thenApply(resp -> {
            srtp = srtpContext(resp);
            return resp;
        });
    }

    /** The SRTP context of the server's key in a SETUP answer ({@code KeyMgmt}, MIKEY of RFC 4567). */
    static SrtpContext srtpContext(RtspResponse resp) {
        String value = resp.headers().get(RtspHeaderNames.KEY_MGMT);
        if (value == null) {
            throw new CompletionException(new IOException("RTP/SAVP SETUP answer has no KeyMgmt header"));
        }
        try {
            MikeyMessage mikey = MikeyMessage.decode(KeyMgmt.parse(value).data());
            return SrtpContext.create(MikeySrtp.fromMikey(mikey));
        } catch (HeaderParseException | MikeyException e) {
            throw new CompletionException(new IOException("unusable KeyMgmt in the SETUP answer: " + e.getMessage()));
        }
    }

    /** Counts one received RTP packet, first unprotecting it in place when the reader uses SRTP. */
    private void onRtp(ByteBuf buf, int offset, int length) {
        long now = System.nanoTime();
        SrtpContext s = srtp;
        if (s == null) {
            stats.onRtp(buf, offset, length, now);
            return;
        }
        ByteBuf packet = buf.slice(offset, length);
        if (s.unprotectRtp(packet).isOk()) {
            stats.onRtp(packet, packet.readerIndex(), packet.readableBytes(), now);
        } else {
            stats.onInvalidRtp();
        }
    }

    private CompletableFuture<RtspResponse> setup(String mediaUrl, String profile) {
        EventLoop loop = control.channel().eventLoop();
        switch (ctx.options().readerTransport()) {
            case TCP:
                return control.request(RtspMethod.SETUP, mediaUrl,
                        b -> b.header(RtspHeaderNames.TRANSPORT, profile + "/TCP;unicast;interleaved=0-1"))
                        .thenApply(resp -> {
                            TransportParams t = transport(resp);
                            int ch = t.interleaved() >= 0 ? t.interleaved() : 0;
                            rtcpChannel = ch + 1;
                            rtpChannel = ch;
                            return resp;
                        });
            case UDP: {
                InetAddress local = ((InetSocketAddress) control.channel().localAddress()).getAddress();
                return UdpPorts.bindPair(loop, local, new RtpHandler(), new RtcpHandler())
                        .thenCompose(pair -> {
                            udp = pair;
                            int p = pair.rtpPort();
                            return control.request(RtspMethod.SETUP, mediaUrl, b -> b.header(RtspHeaderNames.TRANSPORT,
                                    profile + ";unicast;client_port=" + p + "-" + (p + 1)));
                        });
            }
            case MULTICAST:
            default:
                return control.request(RtspMethod.SETUP, mediaUrl,
                        b -> b.header(RtspHeaderNames.TRANSPORT, profile + ";multicast"))
                        .thenCompose(resp -> joinGroup(transport(resp)).thenApply(v -> resp));
        }
    }

    private static TransportParams transport(RtspResponse resp) {
        String t = resp.headers().get(RtspHeaderNames.TRANSPORT);
        if (t == null) {
            throw new CompletionException(new IOException("SETUP response has no Transport header"));
        }
        return TransportParams.parse(t);
    }

    private CompletableFuture<Void> joinGroup(TransportParams t) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (t.destination() == null || t.rtpPort() < 0) {
            done.completeExceptionally(new IOException("multicast SETUP response lacks destination or port"));
            return done;
        }
        try {
            InetAddress group = InetAddress.getByName(t.destination());
            InetAddress local = ((InetSocketAddress) control.channel().localAddress()).getAddress();
            NetworkInterface iface = NetworkInterface.getByInetAddress(local);
            if (iface == null) {
                throw new IOException("no network interface has " + local.getHostAddress());
            }
            Bootstrap b = UdpPorts.bootstrap(control.channel().eventLoop(), new RtpHandler())
                    .option(ChannelOption.SO_REUSEADDR, true);
            b.bind(new InetSocketAddress(group, t.rtpPort())).addListener((ChannelFuture bf) -> {
                if (!bf.isSuccess()) {
                    done.completeExceptionally(bf.cause());
                    return;
                }
                multicast = bf.channel();
                ((DatagramChannel) multicast).joinGroup(new InetSocketAddress(group, t.rtpPort()), iface)
                        .addListener(jf -> {
                            if (jf.isSuccess()) {
                                done.complete(null);
                            } else {
                                done.completeExceptionally(jf.cause());
                            }
                        });
            });
        } catch (IOException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Keeps UDP and multicast sessions alive (servers time them out without requests or RTCP). */
    private void startKeepAlive() {
        if (ctx.options().readerTransport() == BenchOptions.ReaderTransport.TCP) {
            return;
        }
        long period = Math.max(1, Math.min(15, control.sessionTimeoutSeconds() / 2));
        String url = ctx.options().requestUrl();
        keepAlive = control.channel().eventLoop().scheduleAtFixedRate(
                () -> control.request(RtspMethod.OPTIONS, url, b -> { }).exceptionally(e -> null),
                period, period, TimeUnit.SECONDS);
    }

    @Override
    public void onFrame(int channel, ByteBuf buf, int offset, int length) {
        if (channel == rtpChannel) {
            onRtp(buf, offset, length);
        } else if (channel == rtcpChannel) {
            stats.onRtcp();
        }
    }

    /** Closes every channel of the reader. */
    void close() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (udp != null) {
            udp.close();
        }
        if (multicast != null) {
            multicast.close();
        }
        if (control != null) {
            control.channel().close();
        }
    }

    /** RTP datagrams (unicast or multicast). */
    @ChannelHandler.Sharable
    private final class RtpHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext c, Object msg) {
            try {
                if (msg instanceof DatagramPacket p && stats != null) {
                    ByteBuf b = p.content();
                    onRtp(b, b.readerIndex(), b.readableBytes());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    /** RTCP datagrams: counted only. */
    @ChannelHandler.Sharable
    private final class RtcpHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext c, Object msg) {
            try {
                if (stats != null) {
                    stats.onRtcp();
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
