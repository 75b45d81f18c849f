package io.rtsp4j.server;

import io.netty.channel.EventLoop;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Media packets held back for a batch ({@link RtspServerConfig#writeBatchPackets()}): the packets of a TCP
 * connection ({@link PacketWriter}) or of one UDP reader ({@link DatagramBatch}). A holder enters its loop's
 * {@link LoopFlusher} hold list when it starts holding, whose timer writes what has waited
 * {@link RtspServerConfig#writeBatchMaxDelay()}. Loop confined.
 */
abstract class HeldWrites {

    /** Staggers the batches of holders: each new one starts at the next phase. */
    private static final AtomicInteger PHASES = new AtomicInteger();

    /** Packets per batch; 1 = no holding. */
    final int batch;
    /** The longest a held packet waits, in ns. */
    final long maxHoldNanos;
    /** When the oldest held packet was written. */
    long heldSince;
    /** Whether this holder is in its loop flusher's hold list. */
    boolean inHoldList;
    /**
     * Packets until the next batch point: 1..batch at first (the phase), then batch again after each point.
     * Writes for other reasons (a frame's end, a response) do not move the points, so that readers stay staggered.
     */
    private int countdown;

    /**
     * @param firstBatch the length of the first batch (tests), or 0 for the next phase: readers usually connect
     *     before a stream starts or all at once, and without a phase every one of them would write on the same
     *     packets, one burst of sends (and of wake-ups in the readers) every N packets
     */
    HeldWrites(int batch, long maxHoldNanos, int firstBatch) {
        this.batch = batch;
        this.maxHoldNanos = maxHoldNanos;
        this.countdown = firstBatch > 0 ? firstBatch : batch > 1 ? 1 + Math.floorMod(PHASES.getAndIncrement(), batch)
                : 1;
    }

    /**
     * Counts one packet just written into this holder: whether to hold it (neither a batch point nor the end of a
     * frame, which may be a frame interval away from the next packet). The first packet held starts the hold.
     *
     * @param heldNow packets held with this one
     * @param endsFrame the packet's RTP marker bit
     * @param loop this holder's event loop
     */
    final boolean hold(int heldNow, boolean endsFrame, EventLoop loop) {
        boolean due = --countdown == 0;
        if (due) {
            countdown = batch;
        }
        if (due || endsFrame) {
            return false;
        }
        if (heldNow == 1) {
            heldSince = System.nanoTime();
            LoopFlusher.of(loop).hold(this);
        }
        return true;
    }

    /** @return the packets held (or written and not flushed) now */
    abstract int heldCount();

    /** Writes what is held now (the hold timer expired). */
    abstract void writeHeld();
}
