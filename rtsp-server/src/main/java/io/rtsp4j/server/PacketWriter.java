package io.rtsp4j.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import io.rtsp4j.base.codec.RtspEncoder;

/**
 * Writes media packets into one channel from the channel's event loop, and flushes it once per loop tick through
 * the loop's {@link LoopFlusher}: a burst of packets becomes one {@code writev} (TCP) or one {@code sendmmsg}
 * (epoll UDP) instead of a syscall per packet. A connection's writer may also hold evenly paced packets for a
 * batch of {@link RtspServerConfig#writeBatchPackets()} (the flusher writes what waited
 * {@link RtspServerConfig#writeBatchMaxDelay()}); anything else that flushes the channel (an RTSP response, an
 * RTCP report) writes what was held too.
 *
 * <p>Packets enter the pipeline at a fixed context instead of its tail: for a connection, right below the RTSP
 * encoder (the bytes are already framed, as if the encoder had produced them), so that only what lies between the
 * codec and the socket (byte counter, TLS, tunnel framing) sees them, and no pipeline walk from the tail or
 * flush-consolidation detour is paid per packet. Event loop only, except {@link #channel()}.
 */
final class PacketWriter extends HeldWrites {

    private static final AttributeKey<PacketWriter> KEY = AttributeKey.valueOf(PacketWriter.class, "writer");

    /**
     * Flush at once after this many unflushed packets: a loop tick can be long (one read of a fast publisher is
     * hundreds of packets), and a reader's unflushed packets count against its queue limit (the channel's
     * high-water mark) until they are flushed, so that waiting for the end of the tick would drop packets the
     * socket could take. 64 packets per {@code writev}/{@code sendmmsg} is batching enough.
     */
    static final int FLUSH_AFTER = 64;

    private final Channel channel;
    private final ChannelHandlerContext ctx;
    /** Whether this writer waits in its loop's flusher (loop confined). */
    boolean flushPending;
    /** Packets written since the last flush (loop confined). */
    private int unflushed;

    PacketWriter(Channel channel, ChannelHandlerContext ctx) {
        this(channel, ctx, 1, 0);
    }

    PacketWriter(Channel channel, ChannelHandlerContext ctx, int batch, long maxHoldNanos) {
        super(batch, maxHoldNanos, 0);
        this.channel = channel;
        this.ctx = ctx;
    }

    /**
     * The writer of an RTSP connection, shared by every reader target of the connection (e.g. the video and the
     * audio of one session), so that the connection is flushed once per tick whatever the number of medias.
     */
    static PacketWriter ofConnection(Channel channel, RtspServerConfig config) {
        PacketWriter w = channel.attr(KEY).get();
        if (w != null) {
            return w;
        }
        ChannelPipeline p = channel.pipeline();
        ChannelHandlerContext entry = p.context(RtspEncoder.class);
        if (entry == null) {
            // No RTSP encoder (a tunnel with its own codec): enter at the tail, through every handler.
            entry = p.lastContext();
        }
        w = new PacketWriter(channel, entry, config.writeBatchPackets(), config.writeBatchMaxDelay().toNanos());
        PacketWriter old = channel.attr(KEY).setIfAbsent(w);
        return old != null ? old : w;
    }

    ChannelPromise newPromise() {
        return channel.newPromise();
    }

    Channel channel() {
        return channel;
    }

    boolean isWritable() {
        return channel.isWritable();
    }

    /**
     * Writes a message without flushing; the loop's flusher flushes the channel at the end of the tick. Takes
     * ownership of {@code msg}. Event loop only.
     */
    void write(Object msg) {
        write(msg, false);
    }

    /**
     * {@link #write(Object)} of an RTP packet: one that ends a frame (RTP marker bit) is not held for a batch, it
     * and what was held leave at the end of the tick: a frame never waits for the next one, which may be a whole
     * frame interval away.
     */
    void write(Object msg, boolean endOfFrame) {
        write(msg, ctx == null ? channel.voidPromise() : ctx.voidPromise(), endOfFrame);
    }

    /** {@link #write(Object)} with a promise (from {@link #newPromise()}) to hear of the write's failure. */
    void write(Object msg, ChannelPromise promise) {
        write(msg, promise, false);
    }

    private void write(Object msg, ChannelPromise promise, boolean endOfFrame) {
        if (ctx == null) {
            channel.write(msg, promise);
        } else {
            ctx.write(msg, promise);
        }
        if (++unflushed >= FLUSH_AFTER) {
            // The flusher still flushes what follows at the end of the tick.
            flush();
        }
        if (!hold(unflushed, endOfFrame, channel.eventLoop())) {
            scheduleFlush();
        }
    }

    /** Packets written and not flushed yet. Event loop only. */
    @Override
    int heldCount() {
        return unflushed;
    }

    @Override
    void writeHeld() {
        flushNow();
    }

    /** Flushes the channel at the end of this tick (for writes made otherwise). Event loop only. */
    void scheduleFlush() {
        if (!flushPending) {
            flushPending = true;
            LoopFlusher.of(channel.eventLoop()).add(this);
        }
    }

    /** Called by the flusher. */
    void flushNow() {
        flushPending = false;
        flush();
    }

    private void flush() {
        unflushed = 0;
        if (ctx == null) {
            channel.flush();
        } else {
            ctx.flush();
        }
    }
}
