package io.rtsp4j.server;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes, once per event loop tick, every channel that media packets were written to during the tick. One per
 * event loop thread; used only on that thread. The flush runs as a task of the loop queued when the first channel
 * is added (so it runs after the writes of the current task and of the tasks already queued, in the same tick):
 * no packet waits for a later write to be flushed, and no task or promise is allocated per packet.
 *
 * <p>Writers that batch ({@link RtspServerConfig#writeBatchPackets()}: TCP connections, UDP readers' batches) are
 * not added until a batch is due; meanwhile they wait in the hold list, whose single timer writes what has been
 * held for {@link RtspServerConfig#writeBatchMaxDelay()}.
 */
final class LoopFlusher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopFlusher.class);

    private static final FastThreadLocal<LoopFlusher> FLUSHERS = new FastThreadLocal<>() {
        @Override
        protected LoopFlusher initialValue() {
            return new LoopFlusher();
        }
    };

    private EventLoop loop;
    /** Writers holding packets for a batch, in the order they started holding. */
    private ArrayList<HeldWrites> held = new ArrayList<>();
    private ArrayList<HeldWrites> heldSpare = new ArrayList<>();
    private boolean holdTimerScheduled;
    private final Runnable holdTimer = this::flushExpired;
    private ArrayList<PacketWriter> pending = new ArrayList<>();
    private ArrayList<PacketWriter> spare = new ArrayList<>();
    private boolean scheduled;

    private LoopFlusher() {
    }

    /** The flusher of the current thread, which must be {@code loop}. */
    static LoopFlusher of(EventLoop loop) {
        assert loop.inEventLoop();
        LoopFlusher f = FLUSHERS.get();
        f.loop = loop;
        return f;
    }

    /** Flushes {@code w} at the end of this tick. */
    void add(PacketWriter w) {
        pending.add(w);
        if (!scheduled) {
            scheduled = true;
            loop.execute(this);
        }
    }

    /**
     * Writes what {@code w} holds when its oldest held packet has waited {@link HeldWrites#maxHoldNanos}, unless a
     * full batch or anything else wrote it before.
     */
    void hold(HeldWrites w) {
        if (w.inHoldList) {
            return;
        }
        w.inHoldList = true;
        held.add(w);
        if (!holdTimerScheduled) {
            holdTimerScheduled = true;
            loop.schedule(holdTimer, w.maxHoldNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void flushExpired() {
        holdTimerScheduled = false;
        ArrayList<HeldWrites> now = held;
        held = heldSpare;
        long t = System.nanoTime();
        long nextDelay = Long.MAX_VALUE;
        for (int i = 0; i < now.size(); i++) {
            HeldWrites w = now.get(i);
            if (w.heldCount() == 0) {
                // Flushed since it started holding (a full batch). A response's flush writes held packets too but
                // leaves the count: the writer then gets one empty flush here, which costs nothing.
                w.inHoldList = false;
                continue;
            }
            long left = w.heldSince + w.maxHoldNanos - t;
            // A timer tick's slack: what is due within an eighth of the hold goes now rather than one more tick.
            if (left <= w.maxHoldNanos / 8) {
                w.inHoldList = false;
                try {
                    w.writeHeld();
                } catch (RuntimeException e) {
                    LOG.debug("flush failed: {}", e.toString());
                }
            } else {
                held.add(w);
                nextDelay = Math.min(nextDelay, left);
            }
        }
        now.clear();
        heldSpare = now;
        if (!held.isEmpty() && !holdTimerScheduled) {
            holdTimerScheduled = true;
            loop.schedule(holdTimer, nextDelay, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void run() {
        // Flushing may run handlers that write again (writability events): they go to the other list and get a
        // new task.
        ArrayList<PacketWriter> now = pending;
        pending = spare;
        scheduled = false;
        for (int i = 0; i < now.size(); i++) {
            try {
                now.get(i).flushNow();
            } catch (RuntimeException e) {
                // A failed flush is the channel's business (its pipeline hears of it); the others still flush.
                LOG.debug("flush failed: {}", e.toString());
            }
        }
        now.clear();
        spare = now;
    }
}
