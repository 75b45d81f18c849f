package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The readers of one stream media whose writes run on one event loop (the loop of their connection, or of the
 * server's UDP socket), and the packets waiting for that loop.
 *
 * <p>This is the fan-out: the writer hands each packet to every loop with readers ONCE (one reference, one queue
 * offer, at most one task and one wake-up per loop, and none while the loop still has packets queued), instead of
 * one cross-thread write task per reader. The loop then writes the packet to each of its readers in place (one
 * reference count update for all of them, a duplicate per reader, no pipeline walk from the tail) and its
 * {@link LoopFlusher} flushes each channel once per tick. A packet written from the loop itself while nothing is
 * queued is delivered at once.
 *
 * <p>The queue is bounded ({@link #capacity}): a loop too busy to keep up drops the packets it cannot queue,
 * counted for each of its readers, like a reader whose own socket queue is full.
 */
final class LoopReaders implements Runnable {

    private static final ReaderTarget[] NONE = new ReaderTarget[0];

    final EventLoop loop;
    private final StreamMedia media;
    private final Queue<FramedPacket> queue;
    /** Packets delivered per task at most, so that a loop behind its queue still serves its sockets. */
    private final int batch;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** Readers taking the plain frame; copy on write under the stream media's monitor. */
    private volatile ReaderTarget[] plainReaders = NONE;
    /** Readers taking the secure frame (SRTP). */
    private volatile ReaderTarget[] secureReaders = NONE;

    // Counters written by the loop only (volatile for the readers of stats).
    private volatile long sentRtp;
    private volatile long sentBytes;
    private volatile long droppedInLoop;
    /** Reader deliveries lost because the writer could not queue a packet (the loop is behind). */
    private final AtomicLong droppedQueueFull = new AtomicLong();

    LoopReaders(EventLoop loop, StreamMedia media, int writeQueueSize) {
        this.loop = loop;
        this.media = media;
        int capacity = capacity(writeQueueSize);
        this.queue = PlatformDependent.newFixedMpscQueue(capacity);
        this.batch = capacity;
    }

    /**
     * The queue of a loop: at least 1,024 packets, 10 ms at 100k packets/s, so that a loop descheduled for a few
     * milliseconds on a busy machine does not drop what its sockets could still take (the readers' own queues
     * ({@code writeQueueSize}) decide about slow readers).
     */
    static int capacity(int writeQueueSize) {
        return Math.max(writeQueueSize, 1024);
    }

    // ------------------------------------------------------------------------------------------ membership

    /** Under the stream media's monitor. */
    void add(ReaderTarget r) {
        if (r.secure()) {
            secureReaders = append(secureReaders, r);
        } else {
            plainReaders = append(plainReaders, r);
        }
    }

    /** Under the stream media's monitor. Returns whether {@code r} was one of the readers. */
    boolean remove(ReaderTarget r) {
        ReaderTarget[] p = plainReaders;
        ReaderTarget[] np = without(p, r);
        if (np != p) {
            plainReaders = np;
            return true;
        }
        ReaderTarget[] s = secureReaders;
        ReaderTarget[] ns = without(s, r);
        secureReaders = ns;
        return ns != s;
    }

    boolean isEmpty() {
        return plainReaders.length == 0 && secureReaders.length == 0;
    }

    void collect(List<ReaderTarget> out) {
        out.addAll(Arrays.asList(plainReaders));
        out.addAll(Arrays.asList(secureReaders));
    }

    // ------------------------------------------------------------------------------------------ packets

    /** Hands a packet to this loop's readers; any thread. Does not take ownership (retains what it keeps). */
    void enqueue(FramedPacket p) {
        if (isEmpty()) {
            return;
        }
        p.retain();
        if (loop.inEventLoop() && queue.isEmpty()) {
            // Written from this loop (usually the publisher's) with nothing waiting: no hand-off needed.
            deliver(p);
            return;
        }
        if (!queue.offer(p)) {
            p.release();
            ReaderTarget[] plain = plainReaders;
            ReaderTarget[] secure = secureReaders;
            droppedQueueFull.addAndGet(plain.length + secure.length);
            dropAll(plain);
            dropAll(secure);
            return;
        }
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException e) {
                // The loop is shut down (server closing): nothing will drain the queue any more.
                FramedPacket q;
                while ((q = queue.poll()) != null) {
                    q.release();
                }
            }
        }
    }

    /** The drain task: delivers the queued packets in order. */
    @Override
    public void run() {
        int budget = batch;
        FramedPacket p;
        while ((p = queue.poll()) != null) {
            deliver(p);
            if (--budget == 0) {
                // Still scheduled: go on after the loop's I/O.
                loop.execute(this);
                return;
            }
        }
        scheduled.set(false);
        // A packet offered after the last poll but before the flag was cleared found the flag set: take it now.
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    /** Delivers a packet to every reader of this loop; consumes this queue's reference. Loop only. */
    private void deliver(FramedPacket p) {
        deliverTo(plainReaders, p.plain, p);
        ReaderTarget[] secure = secureReaders;
        if (p.secure != null) {
            deliverTo(secure, p.secure, p);
        }
    }

    /** Consumes one reference of {@code frame}. */
    private void deliverTo(ReaderTarget[] rs, ByteBuf frame, FramedPacket p) {
        int n = rs.length;
        if (n == 0) {
            frame.release();
            return;
        }
        // One reference per reader, taken at once (one atomic update instead of one per reader); each write
        // takes one, and the references of dropped writes are given back at the end.
        if (n > 1) {
            frame.retain(n - 1);
        }
        int size = frame.readableBytes() - StreamMedia.FRAME_HEADER;
        int sent = 0;
        int i = 0;
        try {
            for (; i < n; i++) {
                ReaderTarget r = rs[i];
                if (r.writeRtp(frame, p.channel, p.endsFrame)) {
                    sent++;
                }
                if (p.randomAccess && r.needsSenderReport) {
                    media.sendFirstReport(r, p.format);
                }
            }
        } finally {
            // Readers not reached (an exception) count as dropped too.
            int unused = n - sent;
            if (unused > 0) {
                frame.release(unused);
            }
            sentRtp += sent;
            sentBytes += (long) sent * size;
            droppedInLoop += n - sent;
        }
    }

    private static void dropAll(ReaderTarget[] rs) {
        for (ReaderTarget r : rs) {
            r.session.onStreamWriteDropped();
        }
    }

    // ------------------------------------------------------------------------------------------ stats

    long sentRtp() {
        return sentRtp;
    }

    long sentBytes() {
        return sentBytes;
    }

    long dropped() {
        return droppedInLoop + droppedQueueFull.get();
    }

    private static ReaderTarget[] append(ReaderTarget[] a, ReaderTarget r) {
        ReaderTarget[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = r;
        return b;
    }

    private static ReaderTarget[] without(ReaderTarget[] a, ReaderTarget r) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == r) {
                ReaderTarget[] b = new ReaderTarget[a.length - 1];
                System.arraycopy(a, 0, b, 0, i);
                System.arraycopy(a, i + 1, b, i, a.length - i - 1);
                return b;
            }
        }
        return a;
    }
}
