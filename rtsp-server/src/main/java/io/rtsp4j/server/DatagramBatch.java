package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packets held for one UDP reader ({@link RtspServerConfig#writeBatchPackets()}), sent as segmented datagrams:
 * one {@code sendmsg} entry with {@code UDP_SEGMENT} (Linux UDP GSO) carries up to N packets to the reader, and
 * the kernel cuts it into N ordinary datagrams after one trip through its stack (on loopback about 2 µs per
 * packet instead of 6). Sharing one {@code sendmmsg} per tick between readers cannot do that: every datagram
 * still pays the whole path.
 *
 * <p>A segmented datagram has one segment size: all packets but the last of one must have the size of the first.
 * Held packets of other sizes start a new one (a video frame's last, shorter fragment ends one). When a
 * segmented send fails (a route whose device cannot segment, an MTU smaller than the segment), its packets are
 * sent again one by one and this reader stops segmenting: nothing is lost.
 *
 * <p>Loop confined (the loop of the server's RTP socket), like the writer it writes through.
 */
final class DatagramBatch extends HeldWrites {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramBatch.class);

    /**
     * Bytes of one segmented datagram at most: an IP packet is at most 65,535 bytes with its headers (65,507 of
     * UDP payload over IPv4), with room to spare.
     */
    static final int MAX_SEGMENTED_BYTES = 65_000;
    /** Segments of one segmented datagram at most (the kernel's {@code UDP_MAX_SEGMENTS} is 64 or more). */
    static final int MAX_SEGMENTS = 64;

    private final PacketWriter out;
    private final InetSocketAddress to;
    private final ByteBuf[] held;
    private int count;
    /** False once a segmented send to this reader failed: packets are then held and sent one by one. */
    private boolean segmenting = true;

    /**
     * @param out the writer of the server's RTP socket
     * @param to the reader's RTP address
     * @param batch packets per batch, 2 or more
     * @param maxHoldNanos the longest a packet is held
     */
    DatagramBatch(PacketWriter out, InetSocketAddress to, int batch, long maxHoldNanos) {
        this(out, to, batch, maxHoldNanos, 0);
    }

    /** With the length of the first batch given (tests), or 0 for the next phase. */
    DatagramBatch(PacketWriter out, InetSocketAddress to, int batch, long maxHoldNanos, int firstBatch) {
        super(batch, maxHoldNanos, firstBatch);
        this.out = out;
        this.to = to;
        // Never overfull: a batch point comes at least every batch packets.
        this.held = new ByteBuf[batch];
    }

    /**
     * Holds an RTP packet for the reader, writing the batch when it is full or the packet ends a frame (marker
     * bit). Takes ownership of {@code packet}.
     */
    void add(ByteBuf packet, boolean endsFrame) {
        if (!segmenting) {
            out.write(new DatagramPacket(packet, to));
            return;
        }
        held[count++] = packet;
        if (!hold(count, endsFrame, out.channel().eventLoop())) {
            writeHeld();
        }
    }

    @Override
    int heldCount() {
        return count;
    }

    /** Releases what is held, for a loop that is gone (nothing will write it any more). */
    void discard() {
        release(0, count);
        count = 0;
    }

    private void release(int from, int to) {
        for (int i = from; i < to; i++) {
            held[i].release();
            held[i] = null;
        }
    }

    /** Writes the held packets into the socket writer (flushed at the end of the loop's tick). */
    @Override
    void writeHeld() {
        int n = count;
        count = 0;
        int i = 0;
        try {
            while (i < n) {
                int end = segmenting ? segmentEnd(held, i, n) : i + 1;
                if (end - i == 1) {
                    ByteBuf p = held[i];
                    held[i++] = null;
                    out.write(new DatagramPacket(p, to));
                } else {
                    writeSegmented(i, end);
                    i = end;
                }
            }
        } finally {
            // Only an exception leaves packets here: they are not written, and must not leak.
            release(i, n);
        }
    }

    /**
     * The end (exclusive) of the segmented datagram that starts with {@code packets[from]}: the next packets of
     * the same size, then at most one shorter one, within the segment and byte limits.
     */
    static int segmentEnd(ByteBuf[] packets, int from, int to) {
        int size = packets[from].readableBytes();
        int bytes = size;
        int end = from + 1;
        while (end < to && end - from < MAX_SEGMENTS) {
            int s = packets[end].readableBytes();
            if (s > size || bytes + s > MAX_SEGMENTED_BYTES) {
                break;
            }
            bytes += s;
            end++;
            if (s < size) {
                break;
            }
        }
        return end;
    }

    private void writeSegmented(int from, int end) {
        int size = held[from].readableBytes();
        CompositeByteBuf c = out.channel().alloc().compositeDirectBuffer(end - from);
        for (int k = from; k < end; k++) {
            c.addComponent(true, held[k]);
            held[k] = null;
        }
        // One more reference, for a resend one by one if the segmented send fails.
        c.retain();
        ChannelPromise promise = out.newPromise();
        promise.addListener(new Outcome(c, size, c.readableBytes()));
        out.write(new SegmentedDatagramPacket(c, size, to), promise);
    }

    /** Releases the kept reference of a segmented datagram, or sends its segments one by one when it failed. */
    private final class Outcome implements ChannelFutureListener {
        private final CompositeByteBuf packets;
        private final int size;
        private final int length;

        Outcome(CompositeByteBuf packets, int size, int length) {
            this.packets = packets;
            this.size = size;
            this.length = length;
        }

        @Override
        public void operationComplete(ChannelFuture f) {
            try {
                if (f.isSuccess() || !f.channel().isOpen()) {
                    return;
                }
                if (segmenting) {
                    segmenting = false;
                    LOG.info("segmented UDP send to {} failed ({}): sending to this reader one datagram at a time",
                            to, f.cause() == null ? "cancelled" : f.cause().toString());
                }
                // Built at index 0; the failed write may have moved the reader index.
                for (int off = 0; off < length; off += size) {
                    out.write(new DatagramPacket(packets.retainedSlice(off, Math.min(size, length - off)), to));
                }
                out.scheduleFlush();
            } finally {
                packets.release();
            }
        }
    }
}
