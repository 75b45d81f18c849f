package io.rtsp4j.server;

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

    HeldWrites(int batch, long maxHoldNanos) {
        this.batch = batch;
        this.maxHoldNanos = maxHoldNanos;
    }

    /**
     * The length of a new holder's first batch, 1 to {@code batch}. Readers usually connect before a stream
     * starts or all at once: without a phase every one of them would write on the same packets, one burst of sends
     * (and of wake-ups in the readers) every N packets.
     */
    final int firstThreshold() {
        return batch > 1 ? 1 + Math.floorMod(PHASES.getAndIncrement(), batch) : 1;
    }

    /** @return the packets held (or written and not flushed) now */
    abstract int heldCount();

    /** Writes what is held now (the hold timer expired). */
    abstract void writeHeld();
}
