package io.rtsp4j.examples.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.time.NtpTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The publisher: ANNOUNCE (one H264 media), SETUP (TCP interleaved or UDP, mode=record), RECORD, then packets
 * paced on its own event loop: a tick every {@value #TICK_MICROS} µs sends every packet due by then and flushes
 * once. Packets of a frame share a timestamp; {@link #framePackets} packets make a frame (50 frames/s, or one
 * packet per frame below 50 packets/s); the marker bit ends a frame; a key frame (IDR slices) opens every
 * {@code keyframeInterval} packets. A sender report goes out every second, which also keeps an idle (rate 0)
 * stream's connection from timing out.
 */
final class Publisher implements InterleavedSplitter.FrameSink {

    static final long TICK_MICROS = 1000;
    static final int FRAMES_PER_SECOND = 50;

    private final BenchContext ctx;
    private final EventLoopGroup group;
    private final long ssrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
    private final int firstSequence = ThreadLocalRandom.current().nextInt(0, 65536);
    private final long firstTimestamp = ThreadLocalRandom.current().nextLong(0, 1L << 32);
    private final int framePackets;
    private final int keyFramePackets;
    private RtspControl control;
    private UdpPorts.Pair udp;
    private InetSocketAddress serverRtp;
    private InetSocketAddress serverRtcp;
    private int interleaved = 0;
    private EventLoop loop;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> reports;
    private ScheduledFuture<?> keepAlive;
    private long startNanos;
    private long total;
    private long next;
    private long octets;
    private volatile long sent;
    private volatile long maxLagNanos;
    private volatile long dropped;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    Publisher(BenchContext ctx, EventLoopGroup group) {
        this.ctx = ctx;
        this.group = group;
        int rate = ctx.options().rate();
        this.framePackets = Math.max(1, Math.round(rate / (float) FRAMES_PER_SECOND));
        // key frames start on a frame boundary
        this.keyFramePackets = Math.max(framePackets,
                ctx.options().keyframeInterval() / framePackets * framePackets);
    }

    /**
     * ANNOUNCE, SETUP, RECORD.
     *
     * @return completes when RECORD succeeded
     */
    CompletableFuture<Void> connect() {
        BenchOptions o = ctx.options();
        String url = o.requestUrl();
        String mediaUrl = url + (url.endsWith("/") ? "" : "/") + "trackID=0";
        return RtspControl.connect(group, ctx.serverAddress(), this, o.user(), o.password(), o.tls())
                .thenCompose(c -> {
                    control = c;
                    loop = c.channel().eventLoop();
                    String host = ((InetSocketAddress) c.channel().localAddress()).getAddress().getHostAddress();
                    return c.request(RtspMethod.ANNOUNCE, url, b -> b
                            .header(RtspHeaderNames.CONTENT_TYPE, "application/sdp")
                            .body(BenchPayload.sdp(host).getBytes(StandardCharsets.UTF_8)));
                })
                .thenCompose(r -> setup(mediaUrl))
                .thenCompose(r -> control.request(RtspMethod.RECORD, url,
                        b -> b.header(RtspHeaderNames.RANGE, "npt=0.000-")))
                .thenRun(() -> {
                    reports = loop.scheduleAtFixedRate(this::sendReport, 1, 1, TimeUnit.SECONDS);
                    if (udp != null) {
                        long period = Math.max(1, Math.min(15, control.sessionTimeoutSeconds() / 2));
                        keepAlive = loop.scheduleAtFixedRate(() -> control.request(RtspMethod.OPTIONS, url, b -> { })
                                .exceptionally(e -> null), period, period, TimeUnit.SECONDS);
                    }
                });
    }

    private CompletableFuture<?> setup(String mediaUrl) {
        if (ctx.options().publishTransport() == BenchOptions.PublishTransport.TCP) {
            return control.request(RtspMethod.SETUP, mediaUrl, b -> b.header(RtspHeaderNames.TRANSPORT,
                    "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"))
                    .thenAccept(resp -> {
                        String t = resp.headers().get(RtspHeaderNames.TRANSPORT);
                        if (t != null && TransportParams.parse(t).interleaved() >= 0) {
                            interleaved = TransportParams.parse(t).interleaved();
                        }
                    });
        }
        InetAddress local = ((InetSocketAddress) control.channel().localAddress()).getAddress();
        return UdpPorts.bindPair(loop, local, new Discard(), new Discard())
                .thenCompose(pair -> {
                    udp = pair;
                    int p = pair.rtpPort();
                    return control.request(RtspMethod.SETUP, mediaUrl, b -> b.header(RtspHeaderNames.TRANSPORT,
                            "RTP/AVP;unicast;client_port=" + p + "-" + (p + 1) + ";mode=record"));
                })
                .thenAccept(resp -> {
                    String t = resp.headers().get(RtspHeaderNames.TRANSPORT);
                    TransportParams tp = t == null ? null : TransportParams.parse(t);
                    if (tp == null || tp.serverRtpPort() < 0) {
                        throw new CompletionException(new IOException("SETUP (record, UDP) response has no "
                                + "server_port"));
                    }
                    InetAddress server = ((InetSocketAddress) control.channel().remoteAddress()).getAddress();
                    serverRtp = new InetSocketAddress(server, tp.serverRtpPort());
                    serverRtcp = new InetSocketAddress(server, tp.serverRtcpPort());
                });
    }

    /**
     * Starts sending {@code count} packets paced at the configured rate.
     *
     * @param count packets to send
     */
    void start(long count) {
        loop.execute(() -> {
            total = count;
            startNanos = System.nanoTime();
            if (count == 0) {
                finished.complete(null);
                return;
            }
            ticker = loop.scheduleAtFixedRate(this::tick, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
        });
    }

    private void tick() {
        long now = System.nanoTime();
        long rate = ctx.options().rate();
        long due = Math.min(total, (now - startNanos) * rate / 1_000_000_000L + 1);
        if (next >= due) {
            return;
        }
        long dueTime = startNanos + next * 1_000_000_000L / rate;
        if (now - dueTime > maxLagNanos) {
            maxLagNanos = now - dueTime;
        }
        long sendTime = now - ctx.epochNanos();
        while (next < due) {
            write(next++, sendTime);
        }
        flush();
        sent = next;
        if (next >= total) {
            ticker.cancel(false);
            finished.complete(null);
        }
    }

    private void write(long k, long sendTime) {
        int payload = ctx.options().payload();
        boolean tcp = udp == null;
        Channel ch = tcp ? control.channel() : udp.rtp();
        if (!ch.isWritable()) {
            // the relay does not read as fast as we send: drop here (a camera would too) instead of queueing
            // without bound, which would turn into minutes of latency and gigabytes of memory
            dropped++;
            return;
        }
        int size = (tcp ? 4 : 0) + 12 + payload;
        ByteBuf buf = ch.alloc().directBuffer(size);
        if (tcp) {
            buf.writeByte('$').writeByte(interleaved).writeShort(12 + payload);
        }
        long frame = k / framePackets;
        boolean marker = k % framePackets == framePackets - 1 || k == total - 1;
        boolean key = k % keyFramePackets < framePackets;
        long ts = firstTimestamp + Math.round(frame * (double) framePackets * BenchPayload.CLOCK_RATE
                / ctx.options().rate());
        buf.writeByte(0x80)
                .writeByte((marker ? 0x80 : 0) | BenchPayload.PAYLOAD_TYPE)
                .writeShort((int) ((firstSequence + k) & 0xFFFF))
                .writeInt((int) ts)
                .writeInt((int) ssrc);
        BenchPayload.write(buf, payload, key, ctx.runId(), k, sendTime);
        octets += payload;
        if (tcp) {
            ch.write(buf, ch.voidPromise());
        } else {
            ch.write(new DatagramPacket(buf, serverRtp), ch.voidPromise());
        }
    }

    private void flush() {
        (udp == null ? control.channel() : udp.rtp()).flush();
    }

    private void sendReport() {
        long n = next;
        long frame = n == 0 ? 0 : (n - 1) / framePackets;
        long ts = ctx.options().rate() == 0 ? firstTimestamp : firstTimestamp + Math.round(frame
                * (double) framePackets * BenchPayload.CLOCK_RATE / ctx.options().rate());
        SenderReport sr = new SenderReport(ssrc, NtpTime.fromInstant(Instant.now()), ts & 0xFFFF_FFFFL,
                n & 0xFFFF_FFFFL, octets & 0xFFFF_FFFFL, List.of());
        if (udp == null) {
            Channel ch = control.channel();
            ByteBuf buf = ch.alloc().directBuffer(4 + sr.encodedSize());
            buf.writeByte('$').writeByte(interleaved + 1).writeShort(sr.encodedSize());
            sr.encodeTo(buf);
            ch.writeAndFlush(buf, ch.voidPromise());
        } else {
            ByteBuf buf = udp.rtcp().alloc().directBuffer(sr.encodedSize());
            sr.encodeTo(buf);
            udp.rtcp().writeAndFlush(new DatagramPacket(buf, serverRtcp), udp.rtcp().voidPromise());
        }
    }

    /**
     * Stops sending (the window is closed because the publisher fell behind).
     *
     * @return the number of packets sent, final
     */
    CompletableFuture<Long> stop() {
        CompletableFuture<Long> f = new CompletableFuture<>();
        loop.execute(() -> {
            if (ticker != null) {
                ticker.cancel(false);
            }
            total = next;
            sent = next;
            finished.complete(null);
            f.complete(next);
        });
        return f;
    }

    /** Completes when every packet was handed to the socket. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /** Packets sent so far (updated once per tick). */
    long sent() {
        return sent;
    }

    /** Packets not sent because the connection to the relay was not writable (its buffers full). */
    long dropped() {
        return dropped;
    }

    /** The largest delay of a packet behind its schedule, in ns. */
    long maxLagNanos() {
        return maxLagNanos;
    }

    /** Forgets the lag so far (the window starts). */
    void resetLag() {
        loop.execute(() -> maxLagNanos = 0);
    }

    @Override
    public void onFrame(int channel, ByteBuf buf, int offset, int length) {
        // receiver reports from the server: not needed
    }

    void close() {
        if (loop == null) {
            return;
        }
        loop.execute(() -> {
            if (ticker != null) {
                ticker.cancel(false);
            }
            if (reports != null) {
                reports.cancel(false);
            }
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            if (udp != null) {
                udp.close();
            }
            control.channel().close();
        });
    }

    /** Drops what the server sends to the publisher's UDP ports (receiver reports). */
    @ChannelHandler.Sharable
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext c, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
